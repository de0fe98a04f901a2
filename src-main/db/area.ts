import { existsSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { vietnamHolidays } from '../core/calendar/holidays';
import { isoDate } from '../core/model';
import {
  examplesSheet, LISTS, listSheet, normalizeText, notesSheet, planImport, readTable, type ListName, type OutSheet, type Problem, type RawSheet,
  type ParsedRow, type RowIssue,
} from '../core/register';
import { formerNames } from './units';
import { defaultGeneralSettings } from '../core/roster/settings';
import { readDemoData } from './demo';
import { openMigrated, type Db } from './open';
import { ROSTER_GENERAL_KEY } from './roster-data';
import { applyImport, planContext } from './repos/register';
import { setSetting } from './repos/settings';

/**
 * A planning area of one's own from a blank start: any set of communes under any parent unit,
 * named as the user names it, with its lists from one workbook (a sheet per list) imported all
 * at once: every sheet checked, every row error named, and nothing written unless all of it is.
 */
export const newArea = z.object({
  name: z.string().trim().min(2, 'the area needs a name').max(120),
  /** The unit above the communes, as it signs: "Công an tỉnh Thanh Hóa", or "Tỉnh Thanh Hóa". */
  parent: z.string().trim().min(2, 'the parent unit is needed').max(120),
  startDate: isoDate,
  deadline: isoDate,
}).strict().refine((a) => a.deadline >= a.startDate, { message: 'the deadline is before the start', path: ['deadline'] });
export type NewArea = z.infer<typeof newArea>;

/** The workbook's sheets in the order they are written (later lists refer to earlier ones). */
export const AREA_SHEETS: ReadonlyArray<{ list: ListName; required: boolean }> = [
  { list: 'communes', required: true },
  { list: 'bases', required: true },
  { list: 'hamlets', required: true },
  { list: 'teams', required: true },
  { list: 'members', required: false },
  { list: 'vehicles', required: true },
  { list: 'shifts', required: false },
  { list: 'calendar', required: false },
  { list: 'travel', required: false },
];

export interface AreaSheetReport {
  list: ListName;
  /** The sheet read, as the file names it; null when the file has none for this list. */
  sheet: string | null;
  added: number;
  /** Rows whose commune was named by its pre-2025 name, read as the commune it is part of now. */
  renamed: number;
  problem: Problem | null;
  rejects: RowIssue[];
}

export interface AreaImportReport {
  ok: boolean;
  sheets: AreaSheetReport[];
}

const INSTRUCTIONS: OutSheet = {
  name: 'Hướng dẫn',
  headers: ['Sổ dữ liệu khu vực mới (Lưu Động)'],
  rows: [
    ['Mỗi trang là một danh sách: Xã/phường, Cơ sở (trụ sở công an), Thôn/bản, Tổ công tác, Cán bộ, Phương tiện, Ca làm việc, Lịch & ngày nghỉ, Quãng đường.'],
    ['Bắt buộc: Xã/phường, Cơ sở, Thôn/bản, Tổ công tác, Phương tiện. Ca làm việc để trống thì dùng các ca thường dùng (tối T2-T6, sáng/chiều/tối T7-CN, ban ngày đến tận nhà).'],
    ['Quãng đường để trống thì ứng dụng ước tính theo địa hình (được đánh dấu là ước tính).'],
    ['Giữ nguyên dòng tiêu đề của mỗi trang; các trang "Ví dụ - ..." chỉ để tham khảo, không được nhập.'],
    ['Khi nhập, ứng dụng kiểm tra cả sổ: dòng lỗi được nêu rõ trang, dòng và cột; còn lỗi thì không ghi gì cả.'],
  ],
};

/** Excel allows 31 characters in a sheet name. */
const exampleName = (sheet: string): string => `Ví dụ - ${sheet}`.slice(0, 31);

/** The blank area workbook: instructions, one empty sheet per list, the notes, and a filled example of each. */
export function areaTemplateSheets(communes: ReadonlyArray<{ code: string; name: string }> = []): OutSheet[] {
  const sheets: OutSheet[] = [INSTRUCTIONS];
  for (const { list } of AREA_SHEETS) {
    const sheet = listSheet(LISTS[list], [], 'vi');
    // The communes picked from the official list: code and name filled, the position left to the user.
    if (list === 'communes') sheet.rows = communes.map((c) => [c.code, c.name, null, null, null]);
    sheets.push(sheet);
  }
  for (const { list } of AREA_SHEETS) sheets.push({ ...examplesSheet(LISTS[list]), name: exampleName(LISTS[list].sheet.vi) });
  sheets.push({ ...notesSheet(LISTS.hamlets), name: 'Ghi chú - Thôn bản' });
  return sheets;
}

/** The sheet of the file that holds this list, by its name (Vietnamese, English or an alias); examples never count. */
function sheetFor(list: ListName, sheets: readonly RawSheet[]): RawSheet | null {
  const spec = LISTS[list];
  const names = [spec.sheet.vi, spec.sheet.en, ...spec.sheetAliases].map(normalizeText);
  return sheets.find((s) => names.includes(normalizeText(s.name ?? ''))) ?? null;
}

const hasRows = (sheet: RawSheet): boolean => sheet.rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== '')).length > 1;

class Rollback extends Error {}

/**
 * Imports every list of the workbook into `db`, in order, in one transaction: each sheet is
 * planned against what the earlier sheets added (a hamlet names a commune of the file). Any
 * missing required sheet, file problem or rejected row rolls everything back; `dryRun` rolls back
 * even a clean file (the preview).
 */
export function importAreaWorkbook(db: Db, sheets: readonly RawSheet[], fileName: string, today: string, dryRun: boolean): AreaImportReport {
  const reports: AreaSheetReport[] = [];
  try {
    db.transaction(() => {
      for (const { list, required } of AREA_SHEETS) {
        const sheet = sheetFor(list, sheets);
        const report: AreaSheetReport = { list, sheet: sheet?.name ?? null, added: 0, renamed: 0, problem: null, rejects: [] };
        reports.push(report);
        if (!sheet || !hasRows(sheet)) {
          if (required) report.problem = { key: 'areaSheetMissing', params: { sheet: LISTS[list].sheet.vi } };
          continue;
        }
        const table = readTable(LISTS[list], [sheet]);
        if (!table.ok) {
          report.problem = table.problem;
          continue;
        }
        if (list === 'bases' || list === 'hamlets') report.renamed = renameFormerCommunes(db, table.table.rows);
        const plan = planImport(planContext(db, list, today), table.table.rows, table.table.columns);
        report.rejects = [...table.table.issues, ...plan.rejects].sort((a, b) => a.row - b.row);
        if (report.rejects.length) continue;
        report.added = applyImport(db, list, plan, fileName).added;
      }
      if (!reports.some((r) => r.list === 'shifts' && r.added > 0)) insertUsualShifts(db);
      if (dryRun || reports.some((r) => r.problem || r.rejects.length)) throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return { ok: reports.every((r) => !r.problem && r.rejects.length === 0), sheets: reports };
}

/**
 * Communes named by a pre-2025 name (registers still carry them) read as today's commune of the
 * area they became part of, by the official list; returns how many rows were read so.
 */
function renameFormerCommunes(db: Db, rows: ParsedRow[]): number {
  const area = db.prepare('SELECT code, name FROM communes').all() as Array<{ code: string; name: string }>;
  const known = new Set(area.map((c) => normalizeText(c.name)));
  const former = formerNames(area.map((c) => c.code));
  let renamed = 0;
  for (const row of rows) {
    const named = row.values.commune;
    if (typeof named !== 'string' || known.has(normalizeText(named))) continue;
    const now = former.get(normalizeText(named));
    if (now) {
      row.values.commune = now;
      renamed++;
    }
  }
  return renamed;
}

/** The demo's shift templates, the usual ones of a district: a new area starts with them unless its workbook gives its own. */
function insertUsualShifts(db: Db): void {
  if ((db.prepare('SELECT COUNT(*) AS n FROM shift_templates').get() as { n: number }).n > 0) return;
  const stmt = db.prepare(`INSERT INTO shift_templates (code, name, kind, weekdays, start_min, end_min, home_visits_only, on_holidays)
    VALUES (?,?,?,?,?,?,?,?)`);
  for (const s of readDemoData().data.shiftTemplates) {
    stmt.run(s.code, s.name, s.kind, JSON.stringify(s.weekdays), s.startMin, s.endMin, s.homeVisitsOnly ? 1 : 0, s.onHolidays ? 1 : 0);
  }
}

/** The area's own units, campaign, label and roster headers: "CÔNG AN TỈNH ..." above each commune. */
export function setUpArea(db: Db, area: NewArea): void {
  db.transaction(() => {
    const parent = db.prepare("INSERT INTO area_units (parent_id, level, code, name, is_planning_area) VALUES (NULL, 'province', 'parent', ?, 0)")
      .run(unitName(area.parent)).lastInsertRowid;
    const own = db.prepare("INSERT INTO area_units (parent_id, level, code, name, is_planning_area) VALUES (?, 'cluster', 'area', ?, 1)")
      .run(parent, area.name).lastInsertRowid;
    db.prepare('INSERT INTO campaigns (area_id, name, start_date, deadline, is_current) VALUES (?,?,?,?,1)')
      .run(own, `Cấp CCCD và định danh điện tử - ${area.name}`, area.startDate, area.deadline);
    setSetting(db, 'dataset', { label: area.name, demo: false });
    // Communes report to the parent unit (there is no district level since 1 July 2025).
    const parentName = unitName(area.parent);
    const general = defaultGeneralSettings({ province: '', district: parentName });
    setSetting(db, ROSTER_GENERAL_KEY, { ...general, provinceUnit: '', districtPlace: '' });
  })();
}

/** Vietnam's public holidays of the campaign's dates (Tết from the lunar calendar), unless the workbook gave its own days. */
function addHolidays(db: Db, area: NewArea): void {
  if ((db.prepare('SELECT COUNT(*) AS n FROM calendar_exceptions').get() as { n: number }).n > 0) return;
  const stmt = db.prepare('INSERT INTO calendar_exceptions (date, kind, name) VALUES (?,?,?)');
  db.transaction(() => {
    for (const day of vietnamHolidays(area.startDate, area.deadline)) stmt.run(day.date, day.kind, day.name);
  })();
}

/** "Công an tỉnh Thanh Hóa" and "Tỉnh Thanh Hóa" both name the unit "Tỉnh Thanh Hóa". */
const unitName = (parent: string): string => parent.replace(/^công an\s+/i, '').replace(/^./, (c) => c.toLocaleUpperCase('vi'));

/**
 * A new area database at `file` from a filled workbook, all or nothing: on any problem the file
 * is not left behind. Refuses a path that already exists (an area is never overwritten).
 */
export function createAreaDatabase(file: string, area: NewArea, sheets: readonly RawSheet[], fileName: string, today: string): AreaImportReport {
  if (existsSync(file)) throw new Error(`${file} already exists: choose a new file for the new area.`);
  const db = openMigrated(file);
  let report: AreaImportReport;
  try {
    setUpArea(db, area);
    report = importAreaWorkbook(db, sheets, fileName, today, false);
    if (report.ok) addHolidays(db, area);
  } finally {
    db.close();
  }
  if (!report.ok) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  return report;
}
