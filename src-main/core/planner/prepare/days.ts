/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC-free: the campaign is
 * local and dates are plain `yyyy-MM-dd` strings). The search works on integers; dates
 * turn back into strings only at the edges.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 1..12 */
export function monthOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** 1 (Mon) .. 7 (Sun); day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday that starts the ISO week holding `day`: caps are per ISO week. */
export function isoWeekOfDay(day: number): number {
  return day - (isoWeekdayOfDay(day) - 1);
}

/** Day number of the first day of the month after the one holding `day`. */
export function nextMonthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY);
}

/** Days from `day` to the first day in a cut month (0 if `day` itself is cut), or Infinity past `limit`. */
export function daysToCut(cut: readonly boolean[], day: number, limit: number): number {
  for (let d = day; d - day <= limit; d = nextMonthStart(d)) if (cut[monthOfDay(d)]) return d - day;
  return Infinity;
}
