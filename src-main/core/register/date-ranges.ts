/**
 * Lists of days typed the way people write leave and repairs: single dates and ranges
 * ("20/11/2022 - 25/11/2022", "20/11/2022 đến 25/11/2022", "từ ... đến ..."), separated by ";".
 * Stored as the days themselves; shown with runs of three days or more folded back into ranges.
 */
import { isFailure, parseDate, splitList, type Cell, type CellFailure, type Parsed } from './cells';

/** The longest range accepted: a year (a typo such as 2202 for 2022 is refused, not expanded). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const toUtc = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const DMY = String.raw`\d{1,2}[/.]\d{1,2}[/.]\d{4}`;
const ISO = String.raw`\d{4}-\d{1,2}-\d{1,2}`;
const RANGE = [
  // Words or a dash with spaces around it: any date form on either side.
  /^(?:từ|tu|from)?\s*(.+?)\s+(?:-|–|—|đến|den|tới|toi|to)\s+(.+)$/i,
  // A dash or en dash without spaces, between two dd/MM/yyyy or two yyyy-MM-dd dates.
  new RegExp(String.raw`^(${DMY})\s*[-–—]\s*(${DMY})$`),
  new RegExp(String.raw`^(${ISO})\s*[–—]\s*(${ISO})$`),
];

const badRange = (item: string): CellFailure => ({ fail: 'badDateRange', params: { value: item.slice(0, 60), max: MAX_RANGE_DAYS } });

/** One item: a date, or a range of dates (both ends included). */
function parseItem(item: string): Parsed<string[]> {
  // Ranges first: "2022-11-20 – 2022-11-23" would otherwise read as one date with a time after it.
  for (const pattern of RANGE) {
    const m = pattern.exec(item.trim());
    if (!m) continue;
    const from = parseDate(m[1]!.trim());
    const to = parseDate(m[2]!.trim());
    if (isFailure(from) || isFailure(to)) continue;
    const days = (toUtc(to) - toUtc(from)) / DAY_MS + 1;
    if (days < 1 || days > MAX_RANGE_DAYS) return badRange(item);
    return Array.from({ length: days }, (_, i) => fromUtc(toUtc(from) + i * DAY_MS));
  }
  const single = parseDate(item);
  return isFailure(single) ? single : [single];
}

/** A cell of dates and ranges: every day, sorted, without repeats; the first bad item fails the cell. */
export function parseDateList(cell: Cell): Parsed<string[]> {
  const days = new Set<string>();
  for (const item of splitList(cell)) {
    const parsed = parseItem(item);
    if (isFailure(parsed)) return parsed;
    for (const d of parsed) days.add(d);
  }
  return [...days].sort();
}

/** Runs of consecutive days: [first, last] pairs, in order. */
export function dayRuns(days: readonly string[]): Array<[string, string]> {
  const runs: Array<[string, string]> = [];
  for (const day of [...days].sort()) {
    const last = runs[runs.length - 1];
    if (last && toUtc(day) - toUtc(last[1]) === DAY_MS) last[1] = day;
    else if (!last || day !== last[1]) runs.push([day, day]);
  }
  return runs;
}

/** Days as text that reads back to the same days: runs of three or more as "first - last". */
export function formatDateList(days: readonly string[], formatDay: (iso: string) => string, separator = '; '): string {
  const parts: string[] = [];
  for (const [first, last] of dayRuns(days)) {
    const length = (toUtc(last) - toUtc(first)) / DAY_MS + 1;
    if (length >= 3) parts.push(`${formatDay(first)} - ${formatDay(last)}`);
    else for (let i = 0; i < length; i++) parts.push(formatDay(fromUtc(toUtc(first) + i * DAY_MS)));
  }
  return parts.join(separator);
}
