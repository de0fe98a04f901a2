import { addDays, differenceInCalendarDays, format, getISODay, parseISO, startOfISOWeek } from 'date-fns';
import type { CalendarException, ShiftTemplate } from '../model';

/**
 * The calendar as the rule book says it, worked out here again and on purpose not shared
 * with the planner's calendar: a shift template runs on its weekdays; a blackout day (Tết)
 * has no shift at all; a holiday has only the templates marked "also on holidays".
 */
export function shiftRunsOn(date: string, template: ShiftTemplate, exceptions: readonly CalendarException[]): boolean {
  const exception = exceptions.find((e) => e.date === date);
  if (exception?.kind === 'blackout') return false;
  if (exception?.kind === 'holiday') return template.onHolidays;
  return template.weekdays.includes(getISODay(parseISO(date)));
}

/** The Monday that starts the ISO week of `date`: caps on shifts are per such week. */
export function weekOf(date: string): string {
  return format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');
}

export function isNextDay(earlier: string, later: string): boolean {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier)) === 1;
}

export function dayAfter(date: string): string {
  return format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
}

/** Month 1-12 of a yyyy-MM-dd date. */
export const monthOf = (date: string): number => Number(date.slice(5, 7));
