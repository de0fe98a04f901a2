import { isFailure, isEmptyCell, normalizeText, type Cell } from './cells';
import { parseCell, type FieldSpec, type FieldValue } from './fields';
import type { Problem, RowIssue } from './issues';
import type { AnyListSpec } from './spec';

/** One sheet as the io layer read it: rows keep their spreadsheet row numbers (1-based). */
export interface RawSheet {
  name: string | null;
  rows: Array<{ row: number; cells: Cell[] }>;
}

export interface ParsedRow {
  row: number;
  /** Values of the columns the file has; null: the cell is empty. */
  values: Record<string, FieldValue | null>;
}

export interface ParsedTable {
  sheet: string | null;
  headerRow: number;
  /** Field key -> the header as the file spells it. */
  columns: Record<string, string>;
  /** Headers that matched no field: ignored, shown to the user. */
  ignoredColumns: string[];
  rows: ParsedRow[];
  issues: RowIssue[];
}

export type TableResult = { ok: true; table: ParsedTable } | { ok: false; problem: Problem };

export const MAX_ROWS = 50_000;
const HEADER_SCAN_ROWS = 10;
const SIDE_SHEETS = ['ghi chu', 'huong dan', 'notes', 'vi du', 'examples', 'example', 'mau'];

const headerIndex = new WeakMap<AnyListSpec, Map<string, FieldSpec>>();
function headersOf(spec: AnyListSpec): Map<string, FieldSpec> {
  let index = headerIndex.get(spec);
  if (!index) {
    index = new Map();
    // Canonical headers first, so an alias of one field never shadows another field's own header.
    for (const f of spec.fields) for (const h of [f.header.vi, f.header.en]) index.set(normalizeText(h), f);
    for (const f of spec.fields) for (const a of [f.key, ...f.aliases]) if (!index.has(normalizeText(a))) index.set(normalizeText(a), f);
    headerIndex.set(spec, index);
  }
  return index;
}

interface HeaderMatch {
  headerRow: number;
  rowIndex: number;
  byField: Map<string, number>;
  columns: Record<string, string>;
  ignored: string[];
  duplicate: string | null;
}

function matchHeader(spec: AnyListSpec, cells: Cell[], headerRow: number, rowIndex: number): HeaderMatch {
  const index = headersOf(spec);
  const byField = new Map<string, number>();
  const columns: Record<string, string> = {};
  const ignored: string[] = [];
  const seen = new Set<string>();
  let duplicate: string | null = null;
  cells.forEach((cell, col) => {
    if (isEmptyCell(cell)) return;
    const text = String(cell).trim();
    const norm = normalizeText(text);
    if (seen.has(norm) && index.has(norm)) duplicate ??= text;
    seen.add(norm);
    const field = index.get(norm);
    if (!field || byField.has(field.key)) {
      ignored.push(text);
      return;
    }
    byField.set(field.key, col);
    columns[field.key] = text;
  });
  return { headerRow, rowIndex, byField, columns, ignored, duplicate };
}

const satisfies = (spec: AnyListSpec, m: HeaderMatch): boolean =>
  spec.requiredColumns.some((group) => group.every((k) => m.byField.has(k)));

function orderSheets(spec: AnyListSpec, sheets: RawSheet[]): RawSheet[] {
  const names = [spec.sheet.vi, spec.sheet.en, ...spec.sheetAliases].map(normalizeText);
  const rank = (s: RawSheet): number => {
    const n = normalizeText(s.name ?? '');
    if (names.includes(n)) return 0;
    return SIDE_SHEETS.includes(n) ? 2 : 1;
  };
  return [...sheets].sort((a, b) => rank(a) - rank(b));
}

/**
 * The columns still needed: one group, or "this group, or that one" (hamlets are found by
 * code, or by commune + name), as a message key and its parameters.
 */
function missing(spec: AnyListSpec, m: HeaderMatch | null, key: 'missingColumns' | 'wrongSheet', params: Record<string, string>): Problem {
  const groups = spec.requiredColumns.map((group) =>
    group.filter((k) => !m?.byField.has(k)).map((k) => spec.fields.find((f) => f.key === k)?.header.vi ?? k).join(' + '));
  const [first = '', second] = groups;
  return second === undefined ? { key, params: { ...params, columns: first } } : { key: `${key}Either`, params: { ...params, first, second } };
}

/** Text at least this long is parsed once per field, however many cells repeat it. */
const MEMO_MIN_LENGTH = 32;

/**
 * parseCell, remembering long texts: a workbook's shared strings let one 30,000-character text
 * fill every cell of 20,000 rows at no cost in file size, and parsing it again each time took
 * two minutes. Lists are copied on a hit (a record's array is its own).
 */
function memoParse(): (field: FieldSpec, cell: Cell) => ReturnType<typeof parseCell> {
  const memo = new Map<FieldSpec, Map<string, ReturnType<typeof parseCell>>>();
  return (field, cell) => {
    if (typeof cell !== 'string' || cell.length < MEMO_MIN_LENGTH) return parseCell(field, cell);
    let byText = memo.get(field);
    if (!byText) memo.set(field, (byText = new Map()));
    if (!byText.has(cell)) byText.set(cell, parseCell(field, cell));
    const known = byText.get(cell);
    return Array.isArray(known) ? ([...known] as typeof known) : known;
  };
}

/** Finds the sheet and header row of a list in a file, then reads every data row. */
export function readTable(spec: AnyListSpec, sheets: RawSheet[]): TableResult {
  if (sheets.every((s) => s.rows.every((r) => r.cells.every(isEmptyCell)))) return { ok: false, problem: { key: 'emptyFile' } };
  let best: { sheet: RawSheet; match: HeaderMatch } | null = null;
  for (const sheet of orderSheets(spec, sheets)) {
    const candidates = sheet.rows.slice(0, HEADER_SCAN_ROWS).map((r, i) => matchHeader(spec, r.cells, r.row, i));
    const good = candidates.find((m) => satisfies(spec, m));
    if (good) {
      best = { sheet, match: good };
      break;
    }
    for (const m of candidates) if (m.byField.size > (best?.match.byField.size ?? 0)) best = { sheet, match: m };
  }
  if (!best || best.match.byField.size === 0) {
    return { ok: false, problem: missing(spec, null, 'wrongSheet', { sheets: sheets.map((s) => s.name ?? 'CSV').join(', ') }) };
  }
  const { sheet, match } = best;
  if (!satisfies(spec, match)) {
    return { ok: false, problem: missing(spec, match, 'missingColumns', { sheet: sheet.name ?? 'CSV' }) };
  }
  if (match.duplicate) return { ok: false, problem: { key: 'duplicateColumn', params: { column: match.duplicate } } };
  const dataRows = sheet.rows.slice(match.rowIndex + 1).filter((r) => !r.cells.every(isEmptyCell));
  if (dataRows.length === 0) return { ok: false, problem: { key: 'noDataRows', params: { sheet: sheet.name ?? 'CSV' } } };
  if (dataRows.length > MAX_ROWS) return { ok: false, problem: { key: 'tooManyRows', params: { rows: dataRows.length, max: MAX_ROWS } } };

  const fields = spec.fields.filter((f) => match.byField.has(f.key));
  const issues: RowIssue[] = [];
  const rows: ParsedRow[] = [];
  const parse = memoParse();
  for (const r of dataRows) {
    const values: Record<string, FieldValue | null> = {};
    let bad = false;
    for (const f of fields) {
      const parsed = parse(f, r.cells[match.byField.get(f.key)!] ?? null);
      if (isFailure(parsed)) {
        issues.push({ row: r.row, field: f.key, column: match.columns[f.key] ?? null, key: parsed.fail, params: parsed.params });
        bad = true;
      } else values[f.key] = parsed ?? null;
    }
    if (!bad) rows.push({ row: r.row, values });
  }
  return {
    ok: true,
    table: { sheet: sheet.name, headerRow: match.headerRow, columns: match.columns, ignoredColumns: match.ignored, rows, issues },
  };
}
