import ExcelJS from 'exceljs';
import { safeSheetName } from './sheet-name';

export interface TableExport {
  title: string;
  sheetName: string;
  columns: Array<{ header: string; numeric: boolean }>;
  rows: Array<Array<string | number>>;
}

/** A plain, printable workbook of one table: bold header, borders, widths, filter, A4 fit to width. */
export async function tableToXlsx(table: TableExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lưu Động';
  const ws = wb.addWorksheet(safeSheetName(table.sheetName, new Set(), 'Sheet1'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.addRow([table.title]).font = { bold: true, size: 13 };
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(c.header.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, longest + 2));
    if (c.numeric) col.numFmt = '#,##0';
  });
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: table.columns.length } };
  ws.pageSetup.printTitlesRow = '2:2';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
