import { z } from 'zod';
import {
  calendarException, member, SHIFT_KINDS, shiftTemplate, team, vehicle,
  type CalendarException, type Member, type ShiftTemplate, type Team, type Vehicle,
} from '../../model';
import { sameName } from '../cells';
import {
  boolField, choiceField, choicesField, dateField, datesField, intField, refField, textField, timeField,
} from '../fields';
import {
  exceptionKindWords, roadClassWords, serviceWords, shiftKindWords, teamKindWords, vehicleKindWords, weekdayWords,
} from '../labels';
import { isProblem } from '../refs';
import { checkedDraft, checkedEntity, defineList } from '../spec';

const code = (note: string, aliases: string[]) => textField('code', 'Mã', 'Code', { note, aliases: ['mã số', 'code', ...aliases] });
const name = (vi: string, en: string, note: string, aliases: string[]) => textField('name', vi, en, { note, aliases: ['tên', 'name', ...aliases] });
const baseRef = refField('base', 'Nơi đóng', 'Base', { note: 'Tên trụ sở đã có trong danh sách trụ sở, ví dụ "Công an xã Bát Mọt".', aliases: ['trụ sở', 'đơn vị', 'base'], ref: 'base' });

export const teamRecord = z
  .object({
    code: team.shape.code,
    name: team.shape.name,
    kind: team.shape.kind,
    base: z.string().trim().min(1).max(200),
    size: team.shape.size,
    services: team.shape.services,
    kits: team.shape.kits,
    throughputCccd: team.shape.throughputPerHour.shape.cccd,
    throughputEid: team.shape.throughputPerHour.shape.eid,
    homeThroughput: team.shape.homeThroughputPerHour,
    setupMinutes: team.shape.setupMinutes,
    allowedShiftKinds: team.shape.allowedShiftKinds,
    maxShiftsPerWeek: team.shape.maxShiftsPerWeek,
    maxConsecutiveEvenings: team.shape.maxConsecutiveEvenings,
    daysOff: team.shape.daysOff,
  })
  .superRefine((t, ctx) => {
    if (t.services.includes('cccd') && t.kits < 1) ctx.addIssue({ code: 'custom', path: ['kits'], message: 'kitNeededForCccd' });
    if (t.services.includes('cccd') && t.throughputCccd === 0) {
      ctx.addIssue({ code: 'custom', path: ['throughputCccd'], message: 'throughputZero', params: { service: 'CCCD' } });
    }
    if (t.services.includes('eid') && t.throughputEid === 0) {
      ctx.addIssue({ code: 'custom', path: ['throughputEid'], message: 'throughputZero', params: { service: 'ĐDĐT' } });
    }
  });
export type TeamRecord = z.infer<typeof teamRecord>;

export const teamsList = defineList<TeamRecord, Team, Omit<Team, 'id'>>({
  name: 'teams',
  sheet: { vi: 'Tổ công tác', en: 'Teams' },
  sheetAliases: ['tổ', 'danh sách tổ', 'to cong tac', 'team'],
  fields: [
    code('Mã tổ, không trùng, ví dụ LD-01.', ['mã tổ', 'team code']),
    name('Tên tổ', 'Team name', 'Tên tổ công tác.', ['tổ', 'tổ công tác', 'team']),
    choiceField('kind', 'Loại tổ', 'Kind', { note: 'Lưu động hoặc Cố định. Bỏ trống = Lưu động.', aliases: ['loại', 'kind'], vocabulary: teamKindWords, fallback: 'mobile' }),
    baseRef,
    intField('size', 'Quân số', 'Head count', { note: 'Số người đi cùng tổ (cán bộ và tình nguyện viên), 1-30.', aliases: ['số người', 'size'] }),
    choicesField('services', 'Dịch vụ', 'Services', { note: 'CCCD và/hoặc Định danh điện tử, cách nhau bởi dấu chấm phẩy.', aliases: ['nhiệm vụ', 'services'], vocabulary: serviceWords }),
    intField('kits', 'Số máy cấp CCCD', 'Kits', { note: 'Số bộ máy thu nhận CCCD tổ mang theo. Tổ làm CCCD phải có ít nhất 1 máy, tối đa 20. Bỏ trống = 0.', aliases: ['máy cấp cccd', 'số máy', 'kits'], fallback: 0 }),
    intField('throughputCccd', 'CCCD/giờ', 'CCCD per hour', { note: 'Số hồ sơ CCCD thu nhận được trong 1 giờ tại điểm. Lớn hơn 0 nếu tổ làm CCCD, tối đa 300. Bỏ trống = 0.', aliases: ['năng suất cccd', 'cccd per hour'], fallback: 0 }),
    intField('throughputEid', 'ĐDĐT/giờ', 'e-ID per hour', { note: 'Số tài khoản định danh điện tử làm được trong 1 giờ tại điểm, tối đa 300. Bỏ trống = 0.', aliases: ['năng suất ddđt', 'eid per hour'], fallback: 0 }),
    intField('homeThroughput', 'Đến nhà/giờ', 'Home visits per hour', { note: 'Số người làm được trong 1 giờ khi đến tận nhà (kể cả đi lại giữa các nhà), tối đa 300. Bỏ trống = 0.', aliases: ['tại nhà/giờ', 'home per hour'], fallback: 0 }),
    intField('setupMinutes', 'Thời gian chuẩn bị (phút)', 'Setup (minutes)', { note: 'Số phút lắp đặt máy tại điểm trước khi bắt đầu, 0-240. Bỏ trống = 0.', aliases: ['chuẩn bị', 'setup'], fallback: 0 }),
    choicesField('allowedShiftKinds', 'Loại ca được làm', 'Allowed shifts', { note: 'Ban ngày (đến nhà); Buổi tối ngày thường; Cuối tuần. Bỏ trống = tất cả.', aliases: ['ca được làm', 'allowed shift kinds'], vocabulary: shiftKindWords, fallback: [...SHIFT_KINDS] }),
    intField('maxShiftsPerWeek', 'Số ca tối đa/tuần', 'Max shifts/week', { note: 'Số ca nhiều nhất trong một tuần, 1-21. Bỏ trống = 21 (không giới hạn).', aliases: ['ca tối đa/tuần', 'max shifts'], fallback: 21 }),
    intField('maxConsecutiveEvenings', 'Số tối liên tiếp tối đa', 'Max consecutive evenings', { note: 'Số buổi tối làm liên tiếp nhiều nhất, 1-31. Bỏ trống = 31 (không giới hạn).', aliases: ['tối liên tiếp', 'max evenings'], fallback: 31 }),
    datesField('daysOff', 'Ngày nghỉ', 'Days off', { note: 'Các ngày tổ nghỉ (dd/MM/yyyy), cách nhau bởi dấu chấm phẩy; một khoảng ngày ghi "20/11/2022 - 25/11/2022".', aliases: ['ngày nghỉ của tổ', 'days off'], fallback: [] }),
  ],
  schema: teamRecord,
  requiredColumns: [['code']],
  keys: (r) => (r.code ? [`code:${r.code}`] : []),
  toEntity: (r, refs) => {
    const b = refs.base(r.base);
    if (isProblem(b)) return { field: 'base', ...b };
    return checkedDraft(team, {
      code: r.code, name: r.name, kind: r.kind, baseId: b.id, size: r.size, services: r.services, kits: r.kits,
      throughputPerHour: { cccd: r.throughputCccd, eid: r.throughputEid }, homeThroughputPerHour: r.homeThroughput,
      setupMinutes: r.setupMinutes, allowedShiftKinds: r.allowedShiftKinds, maxShiftsPerWeek: r.maxShiftsPerWeek,
      maxConsecutiveEvenings: r.maxConsecutiveEvenings, daysOff: r.daysOff,
    }, 'id');
  },
  toRecord: (t, refs) => ({
    code: t.code, name: t.name, kind: t.kind, base: refs.baseName(t.baseId), size: t.size, services: t.services, kits: t.kits,
    throughputCccd: t.throughputPerHour.cccd, throughputEid: t.throughputPerHour.eid, homeThroughput: t.homeThroughputPerHour,
    setupMinutes: t.setupMinutes, allowedShiftKinds: t.allowedShiftKinds, maxShiftsPerWeek: t.maxShiftsPerWeek,
    maxConsecutiveEvenings: t.maxConsecutiveEvenings, daysOff: t.daysOff,
  }),
  keyOf: (t) => String(t.id),
  label: (r) => `${r.name} (${r.code})`,
  examples: [
    {
      code: 'LD-01', name: 'Tổ lưu động số 1', kind: 'mobile', base: 'Công an huyện Thường Xuân', size: 4, services: ['cccd', 'eid'], kits: 1,
      throughputCccd: 12, throughputEid: 33, homeThroughput: 5, setupMinutes: 15, allowedShiftKinds: ['weekday_day', 'weekday_evening', 'weekend'],
      maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5, daysOff: ['2022-11-20'],
    },
    {
      code: 'CD-01', name: 'Tổ cố định xã Bát Mọt', kind: 'fixed', base: 'Công an xã Bát Mọt', size: 3, services: ['eid'], kits: 0,
      throughputCccd: 0, throughputEid: 25, homeThroughput: 4, setupMinutes: 10, allowedShiftKinds: ['weekday_evening', 'weekend'],
      maxShiftsPerWeek: 6, maxConsecutiveEvenings: 4, daysOff: [],
    },
  ],
});

export const memberRecord = z.object({
  team: z.string().trim().min(1).max(40),
  name: member.shape.name,
  rank: member.shape.rank,
  role: member.shape.role,
  phone: member.shape.phone,
});
export type MemberRecord = z.infer<typeof memberRecord>;

export const membersList = defineList<MemberRecord, Member, Omit<Member, 'id'>>({
  name: 'members',
  sheet: { vi: 'Cán bộ', en: 'Members' },
  sheetAliases: ['thành viên', 'cán bộ tổ', 'members'],
  fields: [
    refField('team', 'Mã tổ', 'Team code', { note: 'Mã tổ công tác của cán bộ (ví dụ LD-01).', aliases: ['tổ', 'team'], ref: 'team' }),
    name('Họ và tên', 'Full name', 'Họ và tên cán bộ. Một người chỉ ghi một lần trong một tổ.', ['họ tên', 'cán bộ']),
    textField('rank', 'Cấp bậc', 'Rank', { note: 'Cấp bậc (Đại úy, Thượng úy...).', aliases: ['rank'], fallback: '' }),
    textField('role', 'Chức danh', 'Role', { note: 'Vai trò trong tổ (Tổ trưởng, Tổ viên...).', aliases: ['chức vụ', 'vai trò', 'role'], fallback: '' }),
    textField('phone', 'Điện thoại', 'Phone', { note: 'Số điện thoại liên hệ.', aliases: ['số điện thoại', 'sđt', 'phone'], fallback: '' }),
  ],
  schema: memberRecord,
  requiredColumns: [['team', 'name']],
  keys: (r, refs) => {
    if (!r.team || !r.name) return [];
    const t = refs.team(r.team);
    return isProblem(t) ? [] : [`member:${t.id}|${sameName(r.name)}`];
  },
  toEntity: (r, refs) => {
    const t = refs.team(r.team);
    if (isProblem(t)) return { field: 'team', ...t };
    return checkedDraft(member, { teamId: t.id, name: r.name, rank: r.rank, role: r.role, phone: r.phone }, 'id');
  },
  toRecord: (m, refs) => ({ team: refs.teamCode(m.teamId), name: m.name, rank: m.rank, role: m.role, phone: m.phone }),
  keyOf: (m) => String(m.id),
  label: (r) => `${r.name} (${r.team})`,
  examples: [
    { team: 'LD-01', name: 'Trần Trung Hiếu', rank: 'Đại úy', role: 'Tổ trưởng', phone: '0911 803 099' },
    { team: 'LD-01', name: 'Hà Công Thành', rank: 'Thượng úy', role: 'Tổ viên', phone: '' },
  ],
});

export const vehicleRecord = z
  .object({
    code: vehicle.shape.code,
    name: vehicle.shape.name,
    kind: vehicle.shape.kind,
    seats: vehicle.shape.seats,
    base: z.string().trim().min(1).max(200),
    roadClasses: vehicle.shape.roadClasses,
    costPerKm: vehicle.shape.costPerKm,
    unavailable: vehicle.shape.unavailable,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'motorbike' && v.seats > 2) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'motorbikeSeats' });
  });
export type VehicleRecord = z.infer<typeof vehicleRecord>;

export const vehiclesList = defineList<VehicleRecord, Vehicle, Omit<Vehicle, 'id'>>({
  name: 'vehicles',
  sheet: { vi: 'Phương tiện', en: 'Vehicles' },
  sheetAliases: ['xe', 'danh sách xe', 'phuong tien', 'vehicle'],
  fields: [
    code('Biển số hoặc mã xe, không trùng, ví dụ 36A-919.90.', ['biển số', 'biển kiểm soát', 'plate']),
    name('Tên xe', 'Vehicle name', 'Tên gọi của xe, ví dụ "Ô tô 7 chỗ số 1".', ['xe', 'phương tiện', 'vehicle']),
    choiceField('kind', 'Loại xe', 'Kind', { note: 'Ô tô, Bán tải hoặc Xe máy.', aliases: ['loại', 'kind'], vocabulary: vehicleKindWords }),
    intField('seats', 'Số chỗ', 'Seats', { note: 'Số chỗ ngồi, 1-60 (xe máy: 1-2).', aliases: ['chỗ ngồi', 'số chỗ ngồi', 'seats'] }),
    baseRef,
    choicesField('roadClasses', 'Loại đường đi được', 'Road classes', { note: 'Các loại đường xe đi được: Đường nhựa/bê tông; Đường đất; Đường rừng.', aliases: ['đường đi được', 'road classes'], vocabulary: roadClassWords }),
    intField('costPerKm', 'Chi phí (đ/km)', 'Cost per km (VND)', { note: 'Chi phí xăng dầu và khấu hao, đồng/km (số nguyên, tối đa 1.000.000). Bỏ trống = 0.', aliases: ['chi phí', 'đ/km', 'cost'], fallback: 0 }),
    datesField('unavailable', 'Ngày không dùng được', 'Unavailable days', { note: 'Các ngày xe bận hoặc sửa chữa (dd/MM/yyyy), cách nhau bởi dấu chấm phẩy; một khoảng ngày ghi "20/11/2022 - 25/11/2022".', aliases: ['ngày không dùng', 'ngày bận', 'unavailable'], fallback: [] }),
  ],
  schema: vehicleRecord,
  requiredColumns: [['code']],
  keys: (r) => (r.code ? [`code:${r.code}`] : []),
  toEntity: (r, refs) => {
    const b = refs.base(r.base);
    if (isProblem(b)) return { field: 'base', ...b };
    return checkedDraft(vehicle, {
      code: r.code, name: r.name, kind: r.kind, seats: r.seats, baseId: b.id, roadClasses: r.roadClasses, costPerKm: r.costPerKm,
      unavailable: r.unavailable,
    }, 'id');
  },
  toRecord: (v, refs) => ({
    code: v.code, name: v.name, kind: v.kind, seats: v.seats, base: refs.baseName(v.baseId), roadClasses: v.roadClasses,
    costPerKm: v.costPerKm, unavailable: v.unavailable,
  }),
  keyOf: (v) => String(v.id),
  label: (r) => `${r.name} (${r.code})`,
  examples: [
    { code: '36A-919.90', name: 'Ô tô 7 chỗ số 1', kind: 'car', seats: 7, base: 'Công an huyện Thường Xuân', roadClasses: ['paved', 'dirt'], costPerKm: 4000, unavailable: ['2022-11-23'] },
    { code: '36B1-123.45', name: 'Xe máy số 1', kind: 'motorbike', seats: 2, base: 'Công an xã Bát Mọt', roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 800, unavailable: [] },
  ],
});

export const shiftRecord = z
  .object({
    code: shiftTemplate.shape.code,
    name: shiftTemplate.shape.name,
    kind: shiftTemplate.shape.kind,
    weekdays: shiftTemplate.shape.weekdays,
    startMin: shiftTemplate.shape.startMin,
    endMin: shiftTemplate.shape.endMin,
    homeVisitsOnly: shiftTemplate.shape.homeVisitsOnly,
    onHolidays: shiftTemplate.shape.onHolidays,
  })
  .refine((s) => s.endMin > s.startMin, { path: ['endMin'], message: 'endBeforeStart' });
export type ShiftRecord = z.infer<typeof shiftRecord>;

export const shiftsList = defineList<ShiftRecord, ShiftTemplate, Omit<ShiftTemplate, 'id'>>({
  name: 'shifts',
  sheet: { vi: 'Ca làm việc', en: 'Shifts' },
  sheetAliases: ['ca', 'mẫu ca', 'shift templates', 'shift'],
  fields: [
    code('Mã ca, không trùng, ví dụ TOI-T2-T6.', ['mã ca']),
    name('Tên ca', 'Shift name', 'Tên ca làm việc.', ['ca']),
    choiceField('kind', 'Loại ca', 'Kind', { note: 'Ban ngày (đến nhà), Buổi tối ngày thường hoặc Cuối tuần.', aliases: ['loại', 'kind'], vocabulary: shiftKindWords }),
    choicesField('weekdays', 'Ngày trong tuần', 'Weekdays', { note: 'Các ngày áp dụng: T2; T3; T4; T5; T6; T7; CN (hoặc số 1-7, 1 = thứ Hai).', aliases: ['thứ', 'ngày', 'weekdays'], vocabulary: weekdayWords, numericChoices: true }),
    timeField('startMin', 'Bắt đầu', 'Start', { note: 'Giờ bắt đầu, HH:mm (ví dụ 18:00).', aliases: ['giờ bắt đầu', 'từ giờ', 'start'] }),
    timeField('endMin', 'Kết thúc', 'End', { note: 'Giờ kết thúc, HH:mm, sau giờ bắt đầu (ví dụ 22:00).', aliases: ['giờ kết thúc', 'đến giờ', 'end'] }),
    boolField('homeVisitsOnly', 'Chỉ đến nhà', 'Home visits only', { note: 'Có nếu ca chỉ để đến nhà người già yếu, ốm đau. Bỏ trống = Không.', aliases: ['đến nhà', 'home only'], fallback: false }),
    boolField('onHolidays', 'Làm cả ngày lễ', 'On holidays', { note: 'Có nếu ca cũng áp dụng vào ngày lễ (như ngày cuối tuần). Bỏ trống = Không.', aliases: ['ngày lễ', 'holidays'], fallback: false }),
  ],
  schema: shiftRecord,
  requiredColumns: [['code']],
  keys: (r) => (r.code ? [`code:${r.code}`] : []),
  toEntity: (r) => checkedDraft(shiftTemplate, r, 'id'),
  toRecord: (s) => ({
    code: s.code, name: s.name, kind: s.kind, weekdays: s.weekdays, startMin: s.startMin, endMin: s.endMin,
    homeVisitsOnly: s.homeVisitsOnly, onHolidays: s.onHolidays,
  }),
  keyOf: (s) => String(s.id),
  label: (r) => `${r.name} (${r.code})`,
  examples: [
    { code: 'TOI-T2-T6', name: 'Tối ngày thường (T2-T6)', kind: 'weekday_evening', weekdays: [1, 2, 3, 4, 5], startMin: 1080, endMin: 1320, homeVisitsOnly: false, onHolidays: false },
    { code: 'SANG-T7-CN', name: 'Sáng thứ Bảy, Chủ nhật', kind: 'weekend', weekdays: [6, 7], startMin: 450, endMin: 690, homeVisitsOnly: false, onHolidays: true },
  ],
});

export const calendarRecord = z.object({ date: calendarException.shape.date, kind: calendarException.shape.kind, name: calendarException.shape.name });
export type CalendarRecord = z.infer<typeof calendarRecord>;

export const calendarList = defineList<CalendarRecord, CalendarException>({
  name: 'calendar',
  sheet: { vi: 'Ngày lễ, ngày nghỉ', en: 'Holidays' },
  sheetAliases: ['ngày lễ', 'ngày nghỉ', 'lịch', 'holidays', 'calendar'],
  fields: [
    dateField('date', 'Ngày', 'Date', { note: 'Ngày (dd/MM/yyyy). Mỗi ngày chỉ ghi một lần.', aliases: ['date'] }),
    choiceField('kind', 'Loại ngày', 'Kind', { note: 'Ngày lễ (vẫn có thể làm ca cuối tuần) hoặc Nghỉ (không làm việc, ví dụ Tết).', aliases: ['loại', 'kind'], vocabulary: exceptionKindWords }),
    textField('name', 'Tên ngày', 'Name', { note: 'Tên ngày lễ hoặc lý do nghỉ.', aliases: ['tên', 'lý do', 'name'] }),
  ],
  schema: calendarRecord,
  requiredColumns: [['date']],
  keys: (r) => (r.date ? [`date:${r.date}`] : []),
  toEntity: (r) => checkedEntity(calendarException, r),
  toRecord: (e) => ({ date: e.date, kind: e.kind, name: e.name }),
  keyOf: (e) => e.date,
  label: (r) => `${r.name} (${r.date})`,
  examples: [
    { date: '2023-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    { date: '2023-01-21', kind: 'blackout', name: 'Tết Nguyên đán' },
  ],
});
