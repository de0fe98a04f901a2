import { addDays, format, getISODay, parseISO } from 'date-fns';
// The library's root export converts in the computer's own time zone; these functions take the
// zone as an argument, and Vietnam's lunar calendar is reckoned at UTC+7 (it differs from China's,
// UTC+8, in some years: Tết 1985, 2007).
import { convertLunar2Solar } from 'vietnamese-lunar-calendar/build/solar-lunar';
import type { CalendarException, IsoDate } from '../model';

/** Vietnam's lunar calendar is computed for the meridian of UTC+7. */
const VIETNAM_TIME_ZONE = 7;

const iso = (d: Date): IsoDate => format(d, 'yyyy-MM-dd');

/** The Gregorian date of a lunar date (not a leap month) in Vietnam's calendar. */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number): IsoDate {
  // A Date at local midnight (read back with local getters), or [0, 0, 0] when there is no such date.
  const solar = convertLunar2Solar(lunarDay, lunarMonth, lunarYear, 0, VIETNAM_TIME_ZONE);
  if (!(solar instanceof Date) || Number.isNaN(solar.getTime())) {
    throw new Error(`no such lunar date ${lunarDay}/${lunarMonth}/${lunarYear}`);
  }
  return iso(solar);
}

/** Mùng 1 Tết: the first day of the lunar year that starts in Gregorian year `year`. */
export const tetDate = (year: number): IsoDate => lunarToSolar(1, 1, year);
/** Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month. */
export const hungKingsDate = (year: number): IsoDate => lunarToSolar(10, 3, year);

const isWeekend = (date: IsoDate): boolean => getISODay(parseISO(date)) >= 6;

/**
 * The public holidays of one Gregorian year, by the rule below (Labour Code 2019, art. 112; the
 * government fixes the exact days each year, often moving working days to make one long break,
 * so the list is a proposal the user edits):
 * - 01/01 Tết Dương lịch; 10/3 lunar Giỗ Tổ Hùng Vương; 30/04; 01/05: one day each;
 * - Tết Nguyên đán: five days, the last day of the lunar year (29 or 30 tháng Chạp) to mùng 4;
 *   the eve to mùng 3 are blackouts (nobody is met, no team works), mùng 4 a holiday;
 * - Quốc khánh: 02/09 and the day that joins it to a weekend: 01/09 when 02/09 falls on
 *   Tuesday to Saturday, 03/09 when it falls on Sunday or Monday;
 * - a holiday on a Saturday or Sunday gives a compensatory day (nghỉ bù) on the next weekday
 *   that is not already a holiday.
 */
export function vietnamHolidaysOfYear(year: number): CalendarException[] {
  const tet = parseISO(tetDate(year));
  const days: CalendarException[] = [
    { date: `${year}-01-01`, kind: 'holiday', name: 'Tết Dương lịch' },
    { date: iso(addDays(tet, -1)), kind: 'blackout', name: 'Tết Nguyên đán (Giao thừa)' },
    { date: iso(tet), kind: 'blackout', name: 'Tết Nguyên đán (Mùng 1)' },
    { date: iso(addDays(tet, 1)), kind: 'blackout', name: 'Tết Nguyên đán (Mùng 2)' },
    { date: iso(addDays(tet, 2)), kind: 'blackout', name: 'Tết Nguyên đán (Mùng 3)' },
    { date: iso(addDays(tet, 3)), kind: 'holiday', name: 'Tết Nguyên đán (Mùng 4)' },
    { date: hungKingsDate(year), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
    { date: `${year}-04-30`, kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
    { date: `${year}-05-01`, kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  ];
  const nationalDay = `${year}-09-02`;
  const weekday = getISODay(parseISO(nationalDay));
  const nextToIt = weekday === 7 || weekday === 1 ? `${year}-09-03` : `${year}-09-01`;
  days.push({ date: nationalDay, kind: 'holiday', name: 'Quốc khánh' }, { date: nextToIt, kind: 'holiday', name: 'Quốc khánh' });
  return withCompensatoryDays(days);
}

function withCompensatoryDays(days: CalendarException[]): CalendarException[] {
  const taken = new Set(days.map((d) => d.date));
  const out = [...days];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(day.date)) continue;
    let next = parseISO(day.date);
    do next = addDays(next, 1);
    while (isWeekend(iso(next)) || taken.has(iso(next)));
    taken.add(iso(next));
    out.push({ date: iso(next), kind: 'holiday', name: `Nghỉ bù ${day.name}` });
  }
  return out;
}

/** Vietnam's public holidays from `from` to `to` inclusive, in date order. */
export function vietnamHolidays(from: IsoDate, to: IsoDate): CalendarException[] {
  if (to < from) return [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const out: CalendarException[] = [];
  // The year before too: a Tết eve or a compensatory day may fall into the next Gregorian year.
  for (let year = firstYear - 1; year <= lastYear; year++) {
    for (const day of vietnamHolidaysOfYear(year)) if (day.date >= from && day.date <= to) out.push(day);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
