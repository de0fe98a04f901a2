import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { isoToDmy, type OutCell, type OutSheet } from '../core/register';

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
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
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

/** UTF-8 with a BOM (so Excel reads the Vietnamese letters), comma separated, dates dd/MM/yyyy. */
export function sheetToCsv(sheet: OutSheet): Buffer {
  const text = Papa.unparse({ fields: sheet.headers, data: sheet.rows.map((r) => r.map(textValue)) }, { newline: '\r\n' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
