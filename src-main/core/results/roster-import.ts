import type { IsoDate, PerService } from '../model';
import type { Cell, RawSheet } from '../register';
import type { NotDoneReason, VisitOutcome } from './model';

/**
 * Reads the "Kết quả thực hiện" block of filled Excel rosters back (render/roster-xlsx.ts wrote
 * it, with each row's visit in hidden columns). Pure: every cell is checked here (whole numbers
 * from 0, at home within enrolled, a reason from the list, one row per visit); whether the visit
 * is what the row says is the database's part (db/repos/results-import.ts).
 */
export const ROSTER_RESULT_HEADERS = ['Đã thu CCCD', 'Đã thu ĐDĐT', 'Tại nhà CCCD', 'Tại nhà ĐDĐT', 'Không thực hiện (lý do)', 'Ghi chú'] as const;
export const ROSTER_VISIT_HEADERS = ['Mã lượt', 'Mã kế hoạch', 'Ngày (yyyy-MM-dd)', 'Mã thôn'] as const;
export const ROSTER_HAMLET_HEADER = 'Thôn/bản';

export const NOT_DONE_LABELS: Record<NotDoneReason, string> = {
  rain_road_cut: 'Mưa / đường bị chia cắt', team_called_away: 'Tổ được điều đi việc khác', vehicle_broken: 'Hỏng xe',
  low_turnout: 'Dân đến quá ít', other: 'Lý do khác',
};

export interface RosterResultRow {
  sheet: string;
  row: number;
  visitId: number;
  planId: number;
  date: IsoDate;
  hamletId: number;
  hamletName: string;
  outcome: VisitOutcome;
}

export interface RosterRowIssue {
  sheet: string;
  row: number;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
}

export interface RosterReadout {
  rows: RosterResultRow[];
  rejects: RosterRowIssue[];
  /** Sheets that hold a roster table with the result block. */
  sheets: number;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());
const MAX_NOTE = 500;

interface Layout {
  header: number;
  col: Record<string, number>;
}

/** The table's two header rows: the identity headers in the first, the result block's in the second. */
function layoutOf(sheet: RawSheet): Layout | null {
  for (let i = 0; i < sheet.rows.length - 1; i++) {
    const cells = sheet.rows[i]!.cells.map(text);
    const visitAt = cells.indexOf(ROSTER_VISIT_HEADERS[0]);
    if (visitAt < 0) continue;
    const below = sheet.rows[i + 1]!.cells.map(text);
    const col: Record<string, number> = {};
    for (const h of ROSTER_VISIT_HEADERS) col[h] = cells.indexOf(h);
    col[ROSTER_HAMLET_HEADER] = cells.indexOf(ROSTER_HAMLET_HEADER);
    for (const h of ROSTER_RESULT_HEADERS) col[h] = below.indexOf(h);
    if (Object.values(col).some((c) => c < 0)) return null;
    return { header: i, col };
  }
  return null;
}

/** A count cell: empty (null), or a whole number from 0; else the problem. */
function count(cell: Cell | undefined): number | null | { key: string } {
  const t = text(cell);
  if (t === '') return null;
  const value = typeof cell === 'number' ? cell : /^\d+$/.test(t.replace(/[.\s]/g, '')) ? Number(t.replace(/[.\s]/g, '')) : Number.NaN;
  if (!Number.isFinite(value)) return { key: 'resultNotANumber' };
  if (value < 0) return { key: 'resultNegative' };
  if (!Number.isInteger(value)) return { key: 'resultNotWhole' };
  if (value > 100_000) return { key: 'resultTooLarge' };
  return value;
}

const labelToReason = new Map(Object.entries(NOT_DONE_LABELS).map(([k, v]) => [v.toLocaleLowerCase('vi'), k as NotDoneReason]));

export function readRosterResults(sheets: readonly RawSheet[]): RosterReadout {
  const out: RosterReadout = { rows: [], rejects: [], sheets: 0 };
  const seen = new Map<number, { sheet: string; row: number }>();
  for (const sheet of sheets) {
    const layout = layoutOf(sheet);
    if (!layout) continue;
    out.sheets++;
    const name = sheet.name ?? '';
    for (const r of sheet.rows.slice(layout.header + 2)) {
      const at = (h: string): Cell | undefined => r.cells[layout.col[h]!];
      if (text(r.cells[0]).startsWith('Tổng cộng')) break;
      const visitText = text(at(ROSTER_VISIT_HEADERS[0]));
      const block = ROSTER_RESULT_HEADERS.map((h) => text(at(h)));
      if (block.every((v) => v === '')) continue;
      const reject = (column: string | null, key: string, params?: Record<string, string | number>): void => {
        out.rejects.push({ sheet: name, row: r.row, column, key, ...(params ? { params } : {}) });
      };
      const ids = ROSTER_VISIT_HEADERS.map((h) => text(at(h)));
      if (!/^\d+$/.test(visitText) || !/^\d+$/.test(ids[1]!) || !/^\d{4}-\d{2}-\d{2}$/.test(ids[2]!) || !/^\d+$/.test(ids[3]!)) {
        reject(ROSTER_VISIT_HEADERS[0], 'resultNoVisit');
        continue;
      }
      const parsed = readBlock(r.cells, layout, reject);
      if (!parsed) continue;
      const visitId = Number(visitText);
      const earlier = seen.get(visitId);
      if (earlier) {
        reject(ROSTER_VISIT_HEADERS[0], 'resultTwice', { row: earlier.row, sheet: earlier.sheet });
        continue;
      }
      seen.set(visitId, { sheet: name, row: r.row });
      out.rows.push({
        sheet: name, row: r.row, visitId, planId: Number(ids[1]), date: ids[2]!, hamletId: Number(ids[3]),
        hamletName: text(at(ROSTER_HAMLET_HEADER)), outcome: parsed,
      });
    }
  }
  return out;
}

function readBlock(cells: readonly Cell[], layout: Layout, reject: (column: string | null, key: string, params?: Record<string, string | number>) => void): VisitOutcome | null {
  const counts: number[] = [];
  let bad = false;
  for (const h of ROSTER_RESULT_HEADERS.slice(0, 4)) {
    const value = count(cells[layout.col[h]!]);
    if (value !== null && typeof value === 'object') {
      reject(h, value.key, { value: text(cells[layout.col[h]!]) });
      bad = true;
    } else counts.push(value ?? 0);
  }
  const reasonText = text(cells[layout.col[ROSTER_RESULT_HEADERS[4]]!]);
  const reason = reasonText ? labelToReason.get(reasonText.toLocaleLowerCase('vi')) ?? null : null;
  if (reasonText && !reason) {
    reject(ROSTER_RESULT_HEADERS[4], 'resultUnknownReason', { value: reasonText, choices: Object.values(NOT_DONE_LABELS).join('; ') });
    bad = true;
  }
  const note = text(cells[layout.col[ROSTER_RESULT_HEADERS[5]]!]);
  if (note.length > MAX_NOTE) {
    reject(ROSTER_RESULT_HEADERS[5], 'resultNoteTooLong', { max: MAX_NOTE });
    bad = true;
  }
  if (bad) return null;
  const [cccd, eid, homeCccd, homeEid] = counts as [number, number, number, number];
  if (reason && cccd + eid > 0) {
    reject(ROSTER_RESULT_HEADERS[4], 'resultNotDoneWithPeople');
    return null;
  }
  if (homeCccd > cccd || homeEid > eid) {
    reject(homeCccd > cccd ? ROSTER_RESULT_HEADERS[2] : ROSTER_RESULT_HEADERS[3], 'resultHomeAboveEnrolled');
    return null;
  }
  const enrolled: PerService = { cccd, eid };
  return { enrolled, homeVisits: { cccd: homeCccd, eid: homeEid }, note, notDone: reason };
}
