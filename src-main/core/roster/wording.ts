import { addDays, format, getISOWeek, getISOWeekYear, getISOWeeksInYear, parseISO, setISOWeek, startOfISOWeek } from 'date-fns';
import { z } from 'zod';

/**
 * How Vietnamese offices write dates, weekdays, times and counts on paper
 * (decree 30/2020/NĐ-CP for the place-and-date line). The documents are always in
 * Vietnamese, whatever language the app's screens use: they are official papers.
 */

/** ISO weekday 1 (Monday) .. 7 (Sunday). */
export const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

const isoWeekday = (iso: string): number => {
  const d = parseISO(iso).getDay();
  return d === 0 ? 7 : d;
};

export const weekdayName = (iso: string): string => WEEKDAY_NAMES[isoWeekday(iso) - 1]!;

/** dd/MM/yyyy, as on every Vietnamese form. */
export const dateText = (iso: string): string => format(parseISO(iso), 'dd/MM/yyyy');

/**
 * "Xuân Cao, ngày 05 tháng 12 năm 2022". Days below 10 and months 1 and 2 get a leading
 * zero (decree 30/2020, appendix I); months 3 to 9 do not.
 */
export function placeDateLine(place: string, iso: string): string {
  const d = parseISO(iso);
  const day = String(d.getDate()).padStart(2, '0');
  const month = d.getMonth() + 1;
  const monthText = month < 3 ? `0${month}` : String(month);
  const lead = place.trim() ? `${place.trim()}, ngày` : 'Ngày';
  return `${lead} ${day} tháng ${monthText} năm ${d.getFullYear()}`;
}

/** Minutes since midnight as HH:mm (1440 is written 24:00). */
export const timeText = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const spanText = (fromMin: number, toMin: number): string => `${timeText(fromMin)} - ${timeText(toMin)}`;

/** 1.234 (Vietnamese thousands separator), without relying on the runtime's ICU data. */
export const countText = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Part of the day a shift falls in, for the "Ca" column. */
export function shiftLabel(startMin: number, homeVisitsOnly: boolean): string {
  const part = startMin < 12 * 60 ? 'Ca sáng' : startMin < 17 * 60 ? 'Ca chiều' : 'Ca tối';
  return homeVisitsOnly ? `${part} (tại nhà)` : part;
}

export const upperVi = (text: string): string => text.toLocaleUpperCase('vi');

/** "Xã Xuân Cao" -> "xã Xuân Cao" inside a sentence. */
export const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** Drops the unit prefix: "Xã Xuân Cao" -> "Xuân Cao", "Thị trấn Thường Xuân" -> "Thường Xuân". */
export const bareName = (text: string): string =>
  text.replace(/^(xã|thị trấn|phường|huyện|thị xã|thành phố|tỉnh)\s+/i, '').trim();

/** ASCII file-name part: "Xã Xuân Cao" -> "xa-xuan-cao". */
export const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const isoWeekCode = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'week must be yyyy-Www, e.g. 2022-W48')
  .refine((code) => {
    const week = Number(code.slice(6));
    return week >= 1 && week <= getISOWeeksInYear(new Date(Number(code.slice(0, 4)), 5, 1));
  }, 'no such week in that year');

export interface IsoWeek {
  code: string;
  number: number;
  year: number;
  /** Monday and Sunday, yyyy-MM-dd. */
  from: string;
  to: string;
  dates: string[];
}

/** "2022-W48" -> Monday 2022-11-28 .. Sunday 2022-12-04. The code must be valid (isoWeekCode). */
export function parseIsoWeek(code: string): IsoWeek {
  const year = Number(code.slice(0, 4));
  const number = Number(code.slice(6));
  const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), number));
  const dates = Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), 'yyyy-MM-dd'));
  return { code, number, year, from: dates[0]!, to: dates[6]!, dates };
}

export const isoWeekOf = (iso: string): string => {
  const d = parseISO(iso);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
};

/** The Friday before the week: when a weekly roster is usually signed and posted. */
export const defaultIssueDate = (week: IsoWeek): string => format(addDays(parseISO(week.from), -3), 'yyyy-MM-dd');

/** "(Từ ngày 28/11/2022 đến ngày 04/12/2022)" */
export const weekSpanText = (week: IsoWeek): string => `Từ ngày ${dateText(week.from)} đến ngày ${dateText(week.to)}`;

/** "Nhà văn hóa thôn 1" next to "Thôn 1" reads "Nhà văn hóa": the hamlet's own hall, named once. */
export function venueShort(venue: string, hamletName: string): string {
  const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const [v, h] = [fold(venue), fold(hamletName)];
  return h && v.endsWith(` ${h}`) ? venue.trim().slice(0, venue.trim().length - hamletName.trim().length).trim() : venue;
}

/** Under a "Tổ công tác" heading the words need not repeat: "Tổ công tác xã Xuân Lẹ" reads "xã Xuân Lẹ". */
export const withoutTeamWord = (name: string): string => name.replace(/^tổ công tác\s+/iu, '') || name;

/** Each team of a commune's week once, in order of first visit, with its officers. */
export function crewOfWeek(rows: readonly { teamName: string; officers: string[] }[]): Array<[string, string[]]> {
  const officersOf = new Map<string, string[]>();
  for (const r of rows) if (!officersOf.has(r.teamName)) officersOf.set(r.teamName, r.officers);
  return [...officersOf];
}
