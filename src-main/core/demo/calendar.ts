import type { CalendarException, ShiftTemplate } from '../model';
import { datesBetween } from '../calendar';

const hm = (h: number, m = 0): number => h * 60 + m;

/** Evenings on weekdays, three shifts on Saturdays and Sundays, weekday daytime for the homebound. */
export function demoShiftTemplates(): ShiftTemplate[] {
  return [
    { id: 1, code: 'TOI-T2-T6', name: 'Tối ngày thường (T2-T6)', kind: 'weekday_evening', weekdays: [1, 2, 3, 4, 5], startMin: hm(18), endMin: hm(22), homeVisitsOnly: false, onHolidays: false },
    { id: 2, code: 'SANG-T7-CN', name: 'Sáng thứ Bảy, Chủ nhật', kind: 'weekend', weekdays: [6, 7], startMin: hm(7, 30), endMin: hm(11, 30), homeVisitsOnly: false, onHolidays: true },
    { id: 3, code: 'CHIEU-T7-CN', name: 'Chiều thứ Bảy, Chủ nhật', kind: 'weekend', weekdays: [6, 7], startMin: hm(13, 30), endMin: hm(17), homeVisitsOnly: false, onHolidays: true },
    { id: 4, code: 'TOI-T7-CN', name: 'Tối thứ Bảy, Chủ nhật', kind: 'weekend', weekdays: [6, 7], startMin: hm(18), endMin: hm(22), homeVisitsOnly: false, onHolidays: true },
    { id: 5, code: 'NGAY-TAI-NHA', name: 'Ban ngày, thu nhận tại nhà (T2-T6)', kind: 'weekday_day', weekdays: [1, 2, 3, 4, 5], startMin: hm(8), endMin: hm(11, 30), homeVisitsOnly: true, onHolidays: false },
  ];
}

const blackout = (from: string, to: string, name: string): CalendarException[] =>
  datesBetween(from, to).map((date) => ({ date, kind: 'blackout', name }));

/**
 * None falls inside the 2022 drive (17/11-31/12); New Year 2023 (moved to Monday 02/01) and
 * the Tết Quý Mão break (20-26/01/2023) are there so the calendar screens have data.
 */
export function thuongXuan2022Exceptions(): CalendarException[] {
  return [
    { date: '2023-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    { date: '2023-01-02', kind: 'holiday', name: 'Nghỉ bù Tết Dương lịch' },
    ...blackout('2023-01-20', '2023-01-26', 'Tết Nguyên đán Quý Mão'),
  ];
}

/** The 2024 province drive (03/09-31/12/2024): the last National Day holiday falls on its first day. */
export function thanhHoa2024Exceptions(): CalendarException[] {
  return [
    { date: '2024-09-03', kind: 'holiday', name: 'Quốc khánh' },
    { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    ...blackout('2025-01-25', '2025-02-02', 'Tết Nguyên đán Ất Tỵ'),
  ];
}
