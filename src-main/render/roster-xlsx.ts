import ExcelJS from 'exceljs';
import type { CommuneRoster, RosterBundle, RosterDocument, TeamSchedule } from '../core/roster';
import { bareName } from '../core/roster';
import { NOT_DONE_LABELS, ROSTER_RESULT_HEADERS, ROSTER_VISIT_HEADERS } from '../core/results/roster-import';
import { safeSheetName } from './sheet-name';

/**
 * Rosters as a workbook, one sheet per document, laid out like the PDF (the official
 * header, title, table, signatures) so that it prints the same from Excel, and so that
 * offices can keep editing it: bold headers, borders, widths, A4 fit to width, the table
 * header repeated on every page, totals as SUM formulas.
 */

export type XlsxOrientation = 'portrait' | 'landscape' | 'auto';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const COUNT_FORMAT = '#,##0;-#,##0;""';
const MM_TO_INCH = 1 / 25.4;

interface Col {
  header: string;
  group?: string;
  width: number;
  numeric?: boolean;
  /** Carried for the results import, not printed. */
  hidden?: boolean;
}

const QUOTA = 'Chỉ tiêu tại điểm (người)';
const HOME = 'Thu nhận tại nhà (người)';
const COUNT_COLS: Col[] = [
  { header: 'CCCD', group: QUOTA, width: 8, numeric: true },
  { header: 'ĐDĐT', group: QUOTA, width: 8, numeric: true },
  { header: 'CCCD', group: HOME, width: 8, numeric: true },
  { header: 'ĐDĐT', group: HOME, width: 8, numeric: true },
];

/**
 * The block a chief fills after the visit (core/results/roster-import.ts reads it back): enrolled
 * per service, of which at home, or the reason it did not take place, and a note.
 */
const RESULT = 'Kết quả thực hiện';
const RESULT_COLS: Col[] = ROSTER_RESULT_HEADERS.map((header, i) => ({ header, group: RESULT, width: i < 4 ? 8 : i === 4 ? 16 : 18 }));
/** Which visit a row is, hidden: a filled roster comes back to exactly those visits. */
const VISIT_ID_COLS: Col[] = ROSTER_VISIT_HEADERS.map((header) => ({ header, width: 10, hidden: true }));

const COMMUNE_COLS: Col[] = [
  { header: 'TT', width: 5 },
  { header: 'Ngày', width: 12 },
  { header: 'Ca, giờ', width: 14 },
  { header: 'Thôn/bản', width: 15 },
  { header: 'Địa điểm', width: 25 },
  { header: 'Tổ công tác', width: 17 },
  { header: 'Cán bộ tham gia', width: 26 },
  { header: 'Phương tiện', width: 19 },
  ...COUNT_COLS,
  ...RESULT_COLS,
  ...VISIT_ID_COLS,
];

const TEAM_COLS: Col[] = [
  { header: 'Giờ', width: 8 },
  { header: 'Nội dung công việc', width: 36 },
  { header: 'Nơi tiếp dân', width: 26 },
  { header: 'Người liên hệ', width: 26 },
  ...COUNT_COLS,
];

type Value = string | number | null;

/** Rows grow to show every wrapped line (Excel does not do it for generated files). */
function fitHeight(row: ExcelJS.Row, cols: Col[], size: number): void {
  let lines = 1;
  cols.forEach((c, i) => {
    const v = row.getCell(i + 1).value;
    if (typeof v !== 'string') return;
    const perLine = Math.max(4, (c.width * 11) / size);
    lines = Math.max(lines, v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0));
  });
  row.height = Math.max(16, lines * size * 1.35 + 3);
}

class SheetWriter {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet, readonly cols: Col[]) {
    cols.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
      if (c.hidden) ws.getColumn(i + 1).hidden = true;
    });
  }

  /** Text merged over columns from..to (1-based), in the document font. */
  put(from: number, to: number, value: Value, font: Partial<ExcelJS.Font> = {}, align: Partial<ExcelJS.Alignment> = {}, row = this.row): ExcelJS.Cell {
    if (to > from) this.ws.mergeCells(row, from, row, to);
    const cell = this.ws.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...align };
    return cell;
  }

  next(n = 1): void {
    this.row += n;
  }
}

function officialHeader(w: SheetWriter, doc: RosterDocument, split: number): void {
  const last = w.cols.length;
  const h = doc.header;
  w.put(1, split, h.superiorUnit, { size: 12 });
  w.put(split + 1, last, h.nationalTitle, { size: 12, bold: true });
  w.next();
  // A drawn rule cannot sit under part of a merged cell: the unit and motto are underlined instead.
  w.put(1, split, h.issuingUnit, { size: 12, bold: true, underline: true });
  w.put(split + 1, last, h.motto, { size: 13, bold: true, underline: true });
  w.next();
  w.put(1, split, h.documentNumber, { size: 13 });
  w.put(split + 1, last, h.placeDate, { size: 13, italic: true });
  w.next(2);
  doc.title.forEach((line, i) => {
    w.put(1, last, line, { bold: true, size: i === 0 ? 14 : 13 });
    w.next();
  });
  w.put(1, last, doc.subtitle, { italic: true });
  w.next(2);
}

/** Two header rows; grouped columns share the top cell. Returns the first header row. */
function tableHeader(w: SheetWriter): number {
  const top = w.row;
  w.cols.forEach((c, i) => {
    const col = i + 1;
    if (!c.group) {
      w.ws.mergeCells(top, col, top + 1, col);
      w.put(col, col, c.header, { size: 11, bold: true }, {}, top);
    } else {
      if (w.cols[i - 1]?.group !== c.group) {
        let span = 0;
        while (w.cols[i + span]?.group === c.group) span++;
        w.put(col, col + span - 1, c.group, { size: 11, bold: true }, {}, top);
      }
      w.put(col, col, c.header, { size: 10, bold: true }, {}, top + 1);
    }
  });
  for (const r of [top, top + 1]) for (let c = 1; c <= w.cols.length; c++) w.ws.getCell(r, c).border = THIN;
  w.ws.getRow(top).height = 32;
  w.next(2);
  return top;
}

function dataRow(w: SheetWriter, values: Value[], bold = false): ExcelJS.Row {
  values.forEach((v, i) => {
    const c = w.cols[i]!;
    const cell = w.put(i + 1, i + 1, v, { size: 11, bold }, { horizontal: c.numeric ? 'right' : i === 0 ? 'center' : 'left', vertical: 'top' });
    cell.border = THIN;
    if (c.numeric) cell.numFmt = COUNT_FORMAT;
  });
  const row = w.ws.getRow(w.row);
  fitHeight(row, w.cols, 11);
  w.next();
  return row;
}

/** Totals: a label over the text columns, then SUM formulas (with their values) over the counts. */
function totalsRow(w: SheetWriter, label: string, firstData: number, values: number[]): void {
  const firstCount = w.cols.findIndex((c) => c.numeric) + 1;
  const row = w.row;
  w.put(1, firstCount - 1, label, { size: 11, bold: true }, { horizontal: 'right' });
  values.forEach((v, i) => {
    const col = firstCount + i;
    const letter = w.ws.getColumn(col).letter;
    const cell = w.ws.getCell(row, col);
    cell.value = { formula: `SUM(${letter}${firstData}:${letter}${row - 1})`, result: v };
    cell.font = { name: FONT, size: 11, bold: true };
    cell.numFmt = COUNT_FORMAT;
  });
  for (let c = 1; c <= w.cols.length; c++) w.ws.getCell(row, c).border = THIN;
  w.next();
}

function closing(w: SheetWriter, doc: RosterDocument, areas: Array<[number, number]>): void {
  w.next();
  const [recipientArea, leftArea, rightArea] = areas as [[number, number], [number, number], [number, number]];
  const top = w.row;
  if (doc.recipients.length) {
    w.put(recipientArea[0], recipientArea[1], doc.recipientsLabel, { size: 12, bold: true, italic: true }, { horizontal: 'left' }, top);
    doc.recipients.forEach((r, i) => w.put(recipientArea[0], recipientArea[1], `- ${r}`, { size: 11 }, { horizontal: 'left' }, top + 1 + i));
  }
  const sign = (area: [number, number], block: { title: string; name: string }): void => {
    w.put(area[0], area[1], block.title, { bold: true }, {}, top);
    w.put(area[0], area[1], block.name, { bold: true }, {}, top + 5);
  };
  if (doc.signatures.left) sign(leftArea, doc.signatures.left);
  sign(rightArea, doc.signatures.right);
  w.row = Math.max(top + 6, top + 1 + doc.recipients.length);
}

function communeSheet(w: SheetWriter, doc: CommuneRoster, planId: number): number | null {
  officialHeader(w, doc, 5);
  const last = w.cols.length;
  if (doc.emptyNote) {
    w.put(1, last, doc.emptyNote, { bold: true, italic: true });
    w.next();
    closing(w, doc, [[1, 5], [6, 8], [9, last]]);
    return null;
  }
  const head = tableHeader(w);
  const first = w.row;
  doc.rows.forEach((r, i) => {
    dataRow(w, [
      i + 1, `${r.weekday}\n${r.dateText}`, `${r.shiftLabel}\n${r.shiftHours}`, r.hamletName, `${r.venue}\nCó mặt: ${r.atHamlet}`,
      r.teamName, r.officers.join('\n'), r.vehicles.join('\n'), r.quota.cccd, r.quota.eid, r.homeVisits.cccd, r.homeVisits.eid,
      null, null, null, null, null, null, r.visitId ?? null, r.visitId ? planId : null, r.date, r.hamletId ?? null,
    ]);
  });
  // The reason is picked from the list; the counts are whole numbers from 0.
  const resultStart = w.cols.findIndex((c) => c.group === RESULT) + 1;
  for (let i = 0; i < doc.rows.length; i++) {
    for (let k = 0; k < 4; k++) {
      w.ws.getCell(first + i, resultStart + k).dataValidation = {
        type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: 'Số người', error: 'Nhập số nguyên từ 0.',
      };
    }
    w.ws.getCell(first + i, resultStart + 4).dataValidation = {
      type: 'list', allowBlank: true, formulae: [`"${Object.values(NOT_DONE_LABELS).join(',')}"`], showErrorMessage: true, errorTitle: 'Lý do', error: 'Chọn một lý do trong danh sách.',
    };
  }
  // Each row keeps its date (rows are sorted and filtered); a heavier line where a new day starts, as on the PDF.
  doc.rows.forEach((r, i) => {
    if (i === 0 || doc.rows[i - 1]!.date === r.date) return;
    for (let c = 1; c <= last; c++) w.ws.getCell(first + i, c).border = { ...THIN, top: { style: 'medium' } };
  });
  const t = doc.totals;
  totalsRow(w, `Tổng cộng: ${t.visits} lượt tại ${t.hamlets} thôn/bản, ${t.shifts} ca trực`, first,
    [t.quota.cccd, t.quota.eid, t.homeVisits.cccd, t.homeVisits.eid]);
  closing(w, doc, [[1, 5], [6, 8], [9, last]]);
  return head;
}

function teamSheet(w: SheetWriter, doc: TeamSchedule): number | null {
  officialHeader(w, doc, 2);
  const last = w.cols.length;
  if (doc.members.length) {
    w.put(1, last, 'Thành phần tổ công tác:', { size: 12, bold: true }, { horizontal: 'left' });
    w.next();
    for (const m of doc.members) {
      w.put(1, last, `- ${m}`, { size: 12 }, { horizontal: 'left' });
      w.next();
    }
    w.next();
  }
  if (doc.emptyNote) {
    w.put(1, last, doc.emptyNote, { bold: true, italic: true });
    w.next();
    closing(w, doc, [[1, 2], [1, 2], [3, last]]);
    return null;
  }
  const head = tableHeader(w);
  const first = w.row;
  for (const s of doc.shifts) {
    const label = `${s.weekday}, ngày ${s.dateText} - ${s.shiftLabel} (${s.shiftHours}). Phương tiện: ${s.vehicles.join('; ')}. Quãng đường: ${s.distanceKm} km.`;
    const cell = w.put(1, last, label, { size: 11, bold: true }, { horizontal: 'left' });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    for (let c = 1; c <= last; c++) w.ws.getCell(w.row, c).border = THIN;
    w.ws.getRow(w.row).height = 30;
    w.next();
    dataRow(w, [s.departTime, `Xuất phát từ ${s.baseName}`, '', '', null, null, null, null]);
    for (const st of s.stops) {
      dataRow(w, [
        st.arriveTime, `${st.hamletName}${st.communeName ? ` (${st.communeName})` : ''}\nLàm việc: ${st.workHours}`, st.venue, st.contact,
        st.quota.cccd, st.quota.eid, st.homeVisits.cccd, st.homeVisits.eid,
      ]);
    }
    dataRow(w, [s.returnTime, `Về đến ${s.baseName}`, '', '', null, null, null, null]);
  }
  const t = doc.totals;
  totalsRow(w, `Tổng cộng: ${t.shifts} ca, ${t.visits} lượt thôn/bản`, first, [t.quota.cccd, t.quota.eid, t.homeVisits.cccd, t.homeVisits.eid]);
  closing(w, doc, [[1, 2], [1, 2], [3, last]]);
  return head;
}

const sheetName = (doc: RosterDocument, used: Set<string>): string =>
  safeSheetName(doc.kind === 'commune' ? bareName(doc.communeName) : doc.teamCode, used, 'Lịch');

export async function rosterToXlsx(bundle: RosterBundle, wanted: XlsxOrientation = 'auto'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lưu Động';
  wb.title = bundle.fileStem;
  const used = new Set<string>();
  const documents = bundle.documents;
  for (const doc of documents) {
    const orientation = wanted !== 'auto' ? wanted : doc.kind === 'team' ? 'portrait' : 'landscape';
    const ws = wb.addWorksheet(sheetName(doc, used), {
      pageSetup: {
        paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
        margins: { left: 30 * MM_TO_INCH, right: 15 * MM_TO_INCH, top: 20 * MM_TO_INCH, bottom: 20 * MM_TO_INCH, header: 0.3, footer: 0.3 },
      },
      views: [{ showGridLines: false }],
    });
    const w = new SheetWriter(ws, doc.kind === 'commune' ? COMMUNE_COLS : TEAM_COLS);
    const head = doc.kind === 'commune' ? communeSheet(w, doc, bundle.plan.id) : teamSheet(w, doc);
    // The hidden visit identity is not printed.
    const printed = w.cols.filter((c) => !c.hidden).length;
    ws.pageSetup.printArea = `A1:${ws.getColumn(printed).letter}${w.row}`;
    if (head !== null) ws.pageSetup.printTitlesRow = `${head}:${head + 1}`;
  }
  if (documents.length === 0) wb.addWorksheet('Lịch').getCell('A1').value = `${bundle.week.code}: không có lịch`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
