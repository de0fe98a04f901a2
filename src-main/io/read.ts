import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Cell, Problem, RawSheet } from '../core/register';
import { sniff } from './sniff';

/** Uploads larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; format: 'xlsx' | 'csv'; sheets: RawSheet[] } | { ok: false; problem: Problem };

const pad = (n: number): string => String(n).padStart(2, '0');

/** ExcelJS dates are UTC; a time-only cell is a date on 1899-12-30. */
function fromDate(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return null;
  if (d.getUTCFullYear() < 1900) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return fromDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function readXlsx(bytes: Buffer): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: { key: 'unreadableXlsx' } };
  }
  // A zip that is not a workbook (no sheets at all) loads without complaint: it is not "empty", it is not Excel.
  if (wb.worksheets.length === 0) return { ok: false, problem: { key: 'notSpreadsheet' } };
  const sheets: RawSheet[] = wb.worksheets.map((ws) => {
    const rows: RawSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push({ row: rowNumber, cells: values.slice(1).map(toCell) });
    });
    return { name: ws.name, rows };
  });
  return { ok: true, format: 'xlsx', sheets };
}

/**
 * The separator is read off the header line (Vietnamese Excel saves CSV with ";", others with
 * ","): data lines are no guide, their decimal commas would vote for ",".
 */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t', '|'].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best), { d: ',', n: 0 }).d;
}

/** Text our CSV export escaped with an apostrophe (io/write.ts): the apostrophe is not part of it. */
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;
const csvCell = (c: string): Cell => (c === '' ? null : ESCAPED_FORMULA.test(c) ? c.slice(1) : c);

function readCsv(text: string): ReadResult {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: detectDelimiter(text) });
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(csvCell) }));
  return { ok: true, format: 'csv', sheets: [{ name: null, rows }] };
}

/** A spreadsheet file's cells, whatever its name says: xlsx, or CSV in UTF-8 (with or without BOM) or UTF-16. */
export async function readSpreadsheet(bytes: Buffer): Promise<ReadResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { key: 'tooLarge', params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 } } };
  const kind = sniff(bytes);
  if ('problem' in kind) return { ok: false, problem: kind.problem };
  return kind.format === 'xlsx' ? readXlsx(bytes) : readCsv(kind.text);
}
