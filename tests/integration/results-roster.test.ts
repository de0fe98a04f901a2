/**
 * Issue 14: results through the Excel roster. The roster carries each visit in hidden columns and
 * a "Kết quả thực hiện" block; a filled one comes back to exactly those visits, all or nothing,
 * and every bad row is named by sheet, row and column with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src-main/core/planner';
import { buildRosterBundle } from '../../src-main/core/roster';
import { readRosterResults, ROSTER_RESULT_HEADERS } from '../../src-main/core/results/roster-import';
import { loadPlanningInstance, openDatabase, publishPlan, savePlan, type Db } from '../../src-main/db';
import { loadRosterSource } from '../../src-main/db/roster-data';
import { peekUndo, undoLatest } from '../../src-main/db/repos/journal';
import { checkRosterResults } from '../../src-main/db/repos/results-import';
import { readSpreadsheet } from '../../src-main/io/read';
import { rosterToXlsx } from '../../src-main/render/roster-xlsx';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const WEEK = '2022-W47';
let tmp: ReturnType<typeof tempDir>;
let dbFile: string;
let exported: Buffer;
let draftRoster: Buffer;

const results = (): string => {
  const db = openDatabase(dbFile);
  try {
    return JSON.stringify(db.prepare('SELECT * FROM visit_results ORDER BY visit_id').all());
  } finally {
    db.close();
  }
};
const cli = (...args: string[]) => spawnSync(TSX, [join(ROOT, 'src-main/cli/results.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  tmp = tempDir('luudong-results-roster-');
  dbFile = join(tmp.dir, 'demo.sqlite');
  const db: Db = openDatabase(dbFile);
  try {
    const instance = loadPlanningInstance(db);
    const made = await plan(instance, { seed: 1, timeLimitSeconds: 2 });
    publishPlan(db, savePlan(db, { name: 'Kế hoạch công bố', status: 'draft', fromDate: instance.from, seed: 1, routes: made.routes, report: made.report }));
    const draftId = savePlan(db, { name: 'Bản nháp', status: 'draft', fromDate: instance.from, seed: 1, routes: made.routes, report: made.report });
    draftRoster = await rosterToXlsx(buildRosterBundle(loadRosterSource(db, draftId)!, { week: WEEK, scope: { kind: 'allCommunes' } }));
  } finally {
    db.close();
  }
  const r = cli('export', '--week', WEEK, '--db', dbFile, '--out', join(tmp.dir, 'roster.xlsx'));
  expect(r.stderr).toBe('');
  exported = readFileSync(join(tmp.dir, 'roster.xlsx'));
}, 120_000);
afterAll(() => tmp.cleanup());

interface Slot { sheet: ExcelJS.Worksheet; row: number; col: Record<string, number> }

/** The data rows of every sheet, with the columns by header. */
async function slots(bytes: Buffer): Promise<{ book: ExcelJS.Workbook; rows: Slot[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: Slot[] = [];
  book.eachSheet((sheet) => {
    let header = 0;
    sheet.eachRow((row, n) => { if (!header && row.values && (row.values as unknown[]).includes('Mã lượt')) header = n; });
    if (!header) return;
    const col: Record<string, number> = {};
    sheet.getRow(header).eachCell((c, i) => { col[String(c.value)] = i; });
    sheet.getRow(header + 1).eachCell((c, i) => { if (ROSTER_RESULT_HEADERS.includes(String(c.value) as never)) col[String(c.value)] = i; });
    for (let n = header + 2; typeof sheet.getCell(n, 1).value === 'number'; n++) rows.push({ sheet, row: n, col });
  });
  return { book, rows };
}

const put = (s: Slot, header: string, value: ExcelJS.CellValue): void => { s.sheet.getCell(s.row, s.col[header]!).value = value; };
const get = (s: Slot, header: string): ExcelJS.CellValue => s.sheet.getCell(s.row, s.col[header]!).value;
const save = async (book: ExcelJS.Workbook, name: string): Promise<string> => {
  const file = join(tmp.dir, name);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
};

describe('results through the roster', () => {
  it('carries every visit of the week in hidden columns, with the result block to fill', async () => {
    const { rows } = await slots(exported);
    expect(rows.length).toBeGreaterThan(20);
    for (const s of rows) expect(Number(get(s, 'Mã lượt'))).toBeGreaterThan(0);
    expect(rows[0]!.sheet.getColumn(rows[0]!.col['Mã lượt']!).hidden).toBe(true);
  });

  it('a filled roster comes back to exactly its visits; filled again, it replaces them', async () => {
    const { book, rows } = await slots(exported);
    const [a, b, c] = rows as [Slot, Slot, Slot];
    put(a, 'Đã thu CCCD', 3); put(a, 'Đã thu ĐDĐT', 41); put(a, 'Tại nhà ĐDĐT', 2); put(a, 'Ghi chú', 'Dân đến muộn');
    put(b, 'Không thực hiện (lý do)', 'Mưa / đường bị chia cắt');
    put(c, 'Đã thu ĐDĐT', '12');
    const file = await save(book, 'filled.xlsx');
    const r = cli('import', file, '--db', dbFile, '--today', '2022-12-31');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Recorded the results of 3 visits');
    const stored = JSON.parse(results()) as Array<{ visit_id: number; enrolled_cccd: number; enrolled_eid: number; home_eid: number; note: string; not_done_reason: string | null }>;
    expect(stored.map((s) => s.visit_id).sort()).toEqual([a, b, c].map((s) => Number(get(s, 'Mã lượt'))).sort());
    expect(stored.find((s) => s.visit_id === Number(get(a, 'Mã lượt')))).toMatchObject({ enrolled_cccd: 3, enrolled_eid: 41, home_eid: 2, note: 'Dân đến muộn', not_done_reason: null });
    expect(stored.find((s) => s.visit_id === Number(get(b, 'Mã lượt')))).toMatchObject({ enrolled_eid: 0, not_done_reason: 'rain_road_cut' });
    const first = results();
    put(a, 'Đã thu ĐDĐT', 40);
    const again = cli('import', await save(book, 'filled-again.xlsx'), '--db', dbFile, '--today', '2022-12-31');
    expect(again.stdout).toContain('3 replaced an earlier entry');
    expect((JSON.parse(results()) as Array<{ enrolled_eid: number }>).length).toBe(3);

    // Each file is one change: one undo takes the whole file back, the next the first file.
    const db = openDatabase(dbFile);
    try {
      const entry = peekUndo(db)!;
      expect(entry.summary).toEqual({ key: 'rosterImported', params: { file: 'filled-again.xlsx', count: 3 } });
      undoLatest(db, entry.id);
      expect(results()).toBe(first);
      undoLatest(db, peekUndo(db)!.id);
      expect(results()).toBe('[]');
    } finally {
      db.close();
    }
    cli('import', file, '--db', dbFile, '--today', '2022-12-31');
  });

  it('refuses each bad file whole, naming sheet, row and column; nothing is written', async () => {
    const before = results();
    const cases: Array<{ name: string; spoil: (rows: Slot[]) => void; today?: string; expect: RegExp; bytes?: Buffer }> = [
      { name: 'negative', spoil: ([a]) => put(a!, 'Đã thu ĐDĐT', -4), expect: /column "Đã thu ĐDĐT": a count cannot be negative/ },
      { name: 'text', spoil: ([a]) => put(a!, 'Đã thu CCCD', 'mười'), expect: /column "Đã thu CCCD": "mười" is not a number/ },
      { name: 'twice', spoil: ([a, b]) => { put(a!, 'Đã thu ĐDĐT', 5); put(b!, 'Đã thu ĐDĐT', 6); put(b!, 'Mã lượt', get(a!, 'Mã lượt')); put(b!, 'Ngày (yyyy-MM-dd)', get(a!, 'Ngày (yyyy-MM-dd)')); put(b!, 'Mã thôn', get(a!, 'Mã thôn')); }, expect: /the same visit is already filled in/ },
      { name: 'hamlet', spoil: ([a]) => { put(a!, 'Đã thu ĐDĐT', 5); put(a!, 'Thôn/bản', 'Thôn Mới Đặt'); }, expect: /column "Thôn\/bản": the hamlet was changed/ },
      { name: 'moved', spoil: ([a, b]) => { put(a!, 'Đã thu ĐDĐT', 5); put(a!, 'Mã lượt', get(b!, 'Mã lượt')); }, expect: /the row was moved|the hamlet was changed/ },
      { name: 'other-plan', spoil: ([a]) => { put(a!, 'Đã thu ĐDĐT', 5); put(a!, 'Mã kế hoạch', 999); }, expect: /another plan/ },
      { name: 'future', spoil: ([a]) => put(a!, 'Đã thu ĐDĐT', 5), today: '2022-11-17', expect: /in the future/ },
      { name: 'reason', spoil: ([a]) => put(a!, 'Không thực hiện (lý do)', 'Bão'), expect: /"Bão" is not one of/ },
      { name: 'draft', spoil: ([a]) => put(a!, 'Đã thu ĐDĐT', 5), expect: /not the one in force/, bytes: undefined },
    ];
    cases.at(-1)!.bytes = draftRoster;
    for (const c of cases) {
      const { book, rows } = await slots(c.bytes ?? exported);
      c.spoil(rows);
      const r = cli('import', await save(book, `bad-${c.name}.xlsx`), '--db', dbFile, '--today', c.today ?? '2022-12-31');
      expect(r.status, c.name).toBe(1);
      expect(r.stderr, c.name).toMatch(/Nothing was recorded/);
      expect(r.stderr, c.name).toMatch(/row \d+/);
      expect(r.stderr, c.name).toMatch(c.expect);
      expect(results(), c.name).toBe(before);
    }
  }, 240_000);

  it('asks before recording more than a hamlet has left', async () => {
    const { book, rows } = await slots(exported);
    put(rows[5]!, 'Đã thu ĐDĐT', 90_000);
    const file = await save(book, 'above.xlsx');
    const before = results();
    const refused = cli('import', file, '--db', dbFile, '--today', '2022-12-31');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/more people than their hamlet has left/);
    expect(results()).toBe(before);
    const read = await readSpreadsheet(readFileSync(file));
    if (!read.ok) throw new Error('unreadable');
    const db = openDatabase(dbFile);
    try {
      expect(checkRosterResults(db, readRosterResults(read.sheets), '2022-12-31').aboveBacklog).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
