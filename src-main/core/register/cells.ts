/**
 * Reading one spreadsheet cell the way a Vietnamese office writes it: decimal comma or
 * point, thousands separators, dd/MM/yyyy or Excel serial dates, "Có"/"Không", lists
 * separated by ";" or ",". Pure: the io layer hands over plain values, never library objects.
 */

/** A cell as the io layer hands it over: xlsx dates arrive as `yyyy-MM-dd`, times as `HH:mm`. */
export type Cell = string | number | boolean | null;

/** A cell that could not be read: a message key (register.err.*) and its parameters. */
export interface CellFailure {
  fail: string;
  params?: Record<string, string | number>;
}
export type Parsed<T> = T | CellFailure;
export const isFailure = (v: unknown): v is CellFailure =>
  typeof v === 'object' && v !== null && typeof (v as CellFailure).fail === 'string';

const fail = (key: string, cell: Cell): CellFailure => ({ fail: key, params: { value: String(cell).slice(0, 60) } });

export const isEmptyCell = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Lower case, no diacritics (đ -> d), single spaces: the key headers and labels are compared on. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Case- and space-insensitive but diacritics kept: "Thôn 3" and "thôn  3" are one hamlet, "Thôn Na" and "Thôn Nà" are two. */
export const sameName = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

const THOUSANDS_COMMA = /^\d{1,3}(,\d{3})+$/;
const THOUSANDS_POINT = /^\d{1,3}(\.\d{3})+$/;

/**
 * A number from a cell. `integer` decides the ambiguous "1.234" / "1,234": a thousands
 * separator for whole numbers, a decimal separator otherwise (Vietnamese decimal comma).
 */
export function parseNumber(cell: Cell, integer: boolean): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : fail('notNumber', cell);
  if (typeof cell !== 'string') return fail('notNumber', cell ?? '');
  let s = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  let scale = 1;
  if (s.endsWith('%')) {
    s = s.slice(0, -1);
    scale = 0.01;
  }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail('notNumber', cell);
  const lastComma = s.lastIndexOf(',');
  const lastPoint = s.lastIndexOf('.');
  let plain: string;
  if (lastComma >= 0 && lastPoint >= 0) {
    // Both present: the last one is the decimal separator.
    plain = lastComma > lastPoint ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    plain = (integer && THOUSANDS_COMMA.test(s)) || (s.match(/,/g) ?? []).length > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (lastPoint >= 0) {
    plain = (integer && THOUSANDS_POINT.test(s)) || (s.match(/\./g) ?? []).length > 1 ? s.replace(/\./g, '') : s;
  } else plain = s;
  if (!/^\d*\.?\d*$/.test(plain)) return fail('notNumber', cell);
  const n = Number(plain);
  if (!Number.isFinite(n)) return fail('notNumber', cell);
  // Avoid 0.1 * 75 = 7.500000000000001 style noise from the percent scale.
  return sign * (scale === 1 ? n : Number((n * scale).toPrecision(12)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Days since 1899-12-30 (Excel's 1900 date system, leap-year bug included) to yyyy-MM-dd. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 109_574) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A calendar date: yyyy-MM-dd, dd/MM/yyyy (also with - or .), or an Excel serial number. */
export function parseDate(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') return excelSerialToIso(cell) ?? fail('notDate', cell);
  if (typeof cell !== 'string') return fail('notDate', cell ?? '');
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) ?? fail('notDate', cell);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoFromParts(Number(m[3]), Number(m[2]), Number(m[1])) ?? fail('notDate', cell);
  if (/^\d{5}$/.test(s)) return excelSerialToIso(Number(s)) ?? fail('notDate', cell);
  return fail('notDate', cell);
}

/** A time of day in minutes: "18:00", "18h30", "18h", or an Excel time fraction (0.75). */
export function parseTime(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    return cell >= 0 && cell <= 1 ? Math.round(cell * 1440) : fail('notTime', cell);
  }
  if (typeof cell !== 'string') return fail('notTime', cell ?? '');
  const m = /^(\d{1,2})(?:[:hg](\d{2})?)?(?::\d{2})?$/i.exec(cell.trim());
  if (!m) return fail('notTime', cell);
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return fail('notTime', cell);
  return h * 60 + min;
}

export const formatTime = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

const TRUE_WORDS = new Set(['co', 'c', 'x', 'yes', 'y', 'true', '1', 'dung']);
const FALSE_WORDS = new Set(['khong', 'k', 'no', 'n', 'false', '0', 'sai']);

export function parseBool(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return cell === 1;
  const word = normalizeText(String(cell));
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return fail('notBool', cell ?? '');
}

/** Items of a list cell: separated by ";", "," or new lines; a lone number is a one-item list. */
export function splitList(cell: Cell): string[] {
  if (typeof cell === 'number') return [String(cell)];
  return String(cell ?? '')
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
