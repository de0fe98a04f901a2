import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { isoToDmy, type OutCell, type OutSheet } from '../core/register';
import { safeSheetName } from '../render/sheet-name';

const excelValue = (cell: OutCell): ExcelJS.CellValue => {
  if (cell === null) return null;
  if (typeof cell === 'object') {
    const [y, m, d] = cell.date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return cell;
};

const width = (sheet: OutSheet, i: number): number =>
  sheet.widths?.[i] ??
  Math.min(50, Math.max(10, (sheet.headers[i] ?? '').length + 2, ...sheet.rows.slice(0, 200).map((r) => String(textValue(r[i] ?? null)).length + 2)));

/** A workbook: one sheet per entry, bold frozen header, dates as real dates shown dd/mm/yyyy. */
export async function sheetsToXlsx(sheets: OutSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lưu Động';
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(safeSheetName(sheet.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.headers.map((h, i) => ({ header: h, width: width(sheet, i) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEF8' } };
    for (const r of sheet.rows) ws.addRow(r.map(excelValue));
    sheet.headers.forEach((_h, i) => {
      if (sheet.rows.some((r) => typeof r[i] === 'object' && r[i] !== null)) ws.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    });
    if (sheet.widths) ws.eachRow((row) => row.eachCell((c) => (c.alignment = { wrapText: true, vertical: 'top' })));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const textValue = (cell: OutCell): string | number | boolean => {
  if (cell === null) return '';
  if (typeof cell === 'object') return isoToDmy(cell.date);
  return cell;
};

/**
 * Text a spreadsheet would run as a formula (or DDE command) when it opens a CSV: = + - @, tab or
 * carriage return first. Such text is written with a leading apostrophe, which makes Excel and
 * LibreOffice keep it as text; the importer takes the apostrophe off again (io/read.ts).
 * Numbers are numbers (a negative count is not text), so they are written as they are.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r]/;

/** UTF-8 with a BOM (so Excel reads the Vietnamese letters), comma separated, dates dd/MM/yyyy, formula-like text escaped. */
export function sheetToCsv(sheet: OutSheet): Buffer {
  const text = Papa.unparse(
    { fields: sheet.headers, data: sheet.rows.map((r) => r.map(textValue)) },
    { newline: '\r\n', escapeFormulae: CSV_FORMULA_START },
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
