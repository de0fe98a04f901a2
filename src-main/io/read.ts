import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_ROWS, type Cell, type Problem, type RawSheet } from '../core/register';
import { sniff } from './sniff';
import { checkWorkbookZip, MAX_ROW_ELEMENTS, MAX_SHEET_ROWS, MAX_WORKBOOK_CELLS } from './zip-guard';

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
  // Sizes, rows and cells are checked in the zip before ExcelJS builds anything (a zip bomb is refused in a second).
  const guard = checkWorkbookZip(bytes);
  if (guard) return { ok: false, problem: guard };
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

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * Parsing stops after the most lines a list can use (blank ones included): 20 MB of line breaks
 * alone is 20 million rows, which took 14 s and 3.3 GB when parsed whole.
 */
function readCsv(text: string): ReadResult {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: detectDelimiter(text), preview: MAX_ROW_ELEMENTS + 1 });
  if (parsed.data.length > MAX_ROW_ELEMENTS) return { ok: false, problem: { key: 'tooManyRows', params: { rows: countLines(text), max: MAX_ROWS } } };
  let filled = 0;
  let cells = 0;
  for (const line of parsed.data) {
    cells += line.length;
    if (line.some((c) => c !== '')) filled++;
  }
  if (filled > MAX_SHEET_ROWS) return { ok: false, problem: { key: 'tooManyRows', params: { rows: filled, max: MAX_ROWS } } };
  if (cells > MAX_WORKBOOK_CELLS) return { ok: false, problem: { key: 'tooManyCells', params: { cells, max: MAX_WORKBOOK_CELLS } } };
  const rows = parsed.data.map((line, i) => ({ row: i + 1, cells: line.map(csvCell) }));
  return { ok: true, format: 'csv', sheets: [{ name: null, rows }] };
}

/** A spreadsheet file's cells, whatever its name says: xlsx, or CSV in UTF-8 (with or without BOM) or UTF-16. */
export async function readSpreadsheet(bytes: Buffer): Promise<ReadResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { key: 'tooLarge', params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 } } };
  const kind = sniff(bytes);
  if ('problem' in kind) return { ok: false, problem: kind.problem };
  return kind.format === 'xlsx' ? readXlsx(bytes) : readCsv(kind.text);
}
