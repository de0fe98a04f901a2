import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';

/** Monday-to-Sunday weeks covering [from, to], each as its 7 dates. */
export function weeksBetween(from: string, to: string): string[][] {
  const weeks: string[][] = [];
  for (let monday = startOfISOWeek(parseISO(from)); format(monday, 'yyyy-MM-dd') <= to; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), 'yyyy-MM-dd')));
  }
  return weeks;
}

export const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
