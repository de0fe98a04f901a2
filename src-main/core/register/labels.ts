import {
  BASE_KINDS, CALENDAR_EXCEPTION_KINDS, ROAD_CLASSES, SERVICES, SHIFT_KINDS, TEAM_KINDS, TRAVEL_SOURCES, VEHICLE_KINDS,
} from '../model';

/**
 * The words an Excel file uses for each choice. Export writes the label of the file's
 * language; import accepts the code, either label or an alias, compared without diacritics.
 * These are the file format's vocabulary (not UI strings, which live in the renderer's i18n).
 */
export interface Choice {
  vi: string;
  en: string;
  aliases?: string[];
}
export type Vocabulary<T extends string> = Record<T, Choice>;

export const roadClassWords: Vocabulary<(typeof ROAD_CLASSES)[number]> = {
  paved: { vi: 'Đường nhựa/bê tông', en: 'Paved', aliases: ['nhựa', 'bê tông', 'đường nhựa', 'đường bê tông', 'nhua', 'asphalt', 'concrete'] },
  dirt: { vi: 'Đường đất', en: 'Dirt', aliases: ['đất', 'cấp phối', 'đường cấp phối', 'gravel'] },
  forest: { vi: 'Đường rừng', en: 'Forest track', aliases: ['rừng', 'đường mòn', 'mòn', 'forest', 'track', 'trail'] },
};

export const vehicleKindWords: Vocabulary<(typeof VEHICLE_KINDS)[number]> = {
  car: { vi: 'Ô tô', en: 'Car', aliases: ['ô tô con', 'xe ô tô', 'oto', 'xe con'] },
  pickup: { vi: 'Bán tải', en: 'Pickup', aliases: ['xe bán tải', 'pick-up', 'pick up'] },
  motorbike: { vi: 'Xe máy', en: 'Motorbike', aliases: ['mô tô', 'xe mô tô', 'motorcycle', 'xe gắn máy'] },
};

export const teamKindWords: Vocabulary<(typeof TEAM_KINDS)[number]> = {
  mobile: { vi: 'Lưu động', en: 'Mobile', aliases: ['tổ lưu động'] },
  fixed: { vi: 'Cố định', en: 'Fixed', aliases: ['tổ cố định'] },
};

export const baseKindWords: Vocabulary<(typeof BASE_KINDS)[number]> = {
  hq: { vi: 'Công an huyện', en: 'District HQ', aliases: ['huyện', 'trụ sở huyện', 'hq', 'district'] },
  post: { vi: 'Công an xã', en: 'Commune post', aliases: ['xã', 'trụ sở xã', 'post', 'commune'] },
};

export const serviceWords: Vocabulary<(typeof SERVICES)[number]> = {
  cccd: { vi: 'CCCD', en: 'CCCD', aliases: ['căn cước', 'căn cước công dân', 'chip id', 'id card'] },
  eid: { vi: 'Định danh điện tử', en: 'e-ID', aliases: ['ĐDĐT', 'định danh', 'vneid', 'eid', 'e id', 'dinh danh dien tu'] },
};

export const shiftKindWords: Vocabulary<(typeof SHIFT_KINDS)[number]> = {
  weekday_day: { vi: 'Ban ngày (đến nhà)', en: 'Weekday daytime', aliases: ['ban ngày', 'ngày thường', 'day', 'daytime'] },
  weekday_evening: { vi: 'Buổi tối ngày thường', en: 'Weekday evening', aliases: ['buổi tối', 'tối', 'evening'] },
  weekend: { vi: 'Cuối tuần', en: 'Weekend', aliases: ['thứ bảy, chủ nhật', 't7 cn', 'weekend'] },
};

export const exceptionKindWords: Vocabulary<(typeof CALENDAR_EXCEPTION_KINDS)[number]> = {
  holiday: { vi: 'Ngày lễ', en: 'Holiday', aliases: ['lễ', 'nghỉ lễ'] },
  blackout: { vi: 'Nghỉ (không làm việc)', en: 'Blackout', aliases: ['nghỉ', 'không làm việc', 'tết', 'blackout day'] },
};

export const travelSourceWords: Vocabulary<(typeof TRAVEL_SOURCES)[number]> = {
  measured: { vi: 'Đo thực tế', en: 'Measured', aliases: ['thực tế', 'đo', 'đã đo'] },
  estimated: { vi: 'Ước tính', en: 'Estimated', aliases: ['ước lượng', 'estimate'] },
};

export const weekdayWords: Vocabulary<'1' | '2' | '3' | '4' | '5' | '6' | '7'> = {
  1: { vi: 'T2', en: 'Mon', aliases: ['thứ 2', 'thứ hai', 'monday'] },
  2: { vi: 'T3', en: 'Tue', aliases: ['thứ 3', 'thứ ba', 'tuesday'] },
  3: { vi: 'T4', en: 'Wed', aliases: ['thứ 4', 'thứ tư', 'wednesday'] },
  4: { vi: 'T5', en: 'Thu', aliases: ['thứ 5', 'thứ năm', 'thursday'] },
  5: { vi: 'T6', en: 'Fri', aliases: ['thứ 6', 'thứ sáu', 'friday'] },
  6: { vi: 'T7', en: 'Sat', aliases: ['thứ 7', 'thứ bảy', 'saturday'] },
  7: { vi: 'CN', en: 'Sun', aliases: ['chủ nhật', 'sunday'] },
};
