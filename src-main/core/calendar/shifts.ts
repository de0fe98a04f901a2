import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import type { CalendarException, IsoDate, ShiftTemplate } from '../model';

/** One concrete shift: a template on a date. */
export interface ShiftSlot {
  date: IsoDate;
  template: ShiftTemplate;
  /** Index of the ISO week (Mon-Sun) counted from the first planned day: caps are per week. */
  weekIndex: number;
  isHoliday: boolean;
}

export const toIso = (d: Date): IsoDate => format(d, 'yyyy-MM-dd');

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = parseISO(from); toIso(d) <= to; d = addDays(d, 1)) out.push(toIso(d));
  return out;
}

export function isoWeekday(date: IsoDate): number {
  return getISODay(parseISO(date));
}

/**
 * All shifts from `from` to `deadline`: templates apply on their weekdays; a blackout day
 * (Tết) has none; a holiday has only the templates marked `onHolidays` (worked like a weekend).
 */
export function shiftSlots(
  from: IsoDate,
  deadline: IsoDate,
  templates: readonly ShiftTemplate[],
  exceptions: readonly CalendarException[],
): ShiftSlot[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e.kind] as const));
  const firstMonday = addDays(parseISO(from), 1 - getISODay(parseISO(from)));
  const slots: ShiftSlot[] = [];
  for (const date of datesBetween(from, deadline)) {
    const kind = byDate.get(date);
    if (kind === 'blackout') continue;
    const weekday = isoWeekday(date);
    const weekIndex = Math.floor(differenceInCalendarDays(parseISO(date), firstMonday) / 7);
    const ordered = [...templates].sort((a, b) => a.startMin - b.startMin || a.id - b.id);
    for (const template of ordered) {
      const applies = kind === 'holiday' ? template.onHolidays : template.weekdays.includes(weekday);
      if (applies) slots.push({ date, template, weekIndex, isHoliday: kind === 'holiday' });
    }
  }
  return slots;
}
