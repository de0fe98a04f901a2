import { z } from 'zod';
import { calendarException, isoDate } from '../../core/model';
import { method } from './method';
import { rowIssue } from './register';

export const suggestedHoliday = calendarException.extend({
  /** What the calendar list already holds on that date, if anything. */
  existing: calendarException.nullable(),
});
export type SuggestedHoliday = z.infer<typeof suggestedHoliday>;

export const holidayMethods = {
  /** Vietnam's public holidays over the campaign (or the range given), Tết and Hùng Kings day from the lunar calendar. */
  'holidays.suggest': method(
    z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
    z.object({ from: isoDate, to: isoDate, days: z.array(suggestedHoliday) }),
  ),
  /** Adds (or updates, by date) the chosen days in one undoable change; nothing is written when a day is rejected. */
  'holidays.add': method(
    // Loose here: the calendar list's own checks judge each day and name its row and field.
    z.object({ days: z.array(z.object({ date: z.string().max(30), kind: z.string().max(40), name: z.string().max(300) }).strict()).min(1).max(400) }).strict(),
    z.object({ added: z.number().int(), updated: z.number().int(), rejects: z.array(rowIssue) }),
  ),
} as const;
