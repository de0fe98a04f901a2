/**
 * Issue 17: an area of one's own from a blank start: the blank workbook, a new area database
 * from a filled one of another district than the demo (Lang Chánh), planned, its rosters headed
 * by its own parent unit; and the bad workbooks, each named by sheet, row and column, with no
 * database left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRosterBundle } from '../../src-main/core/roster';
import { plan } from '../../src-main/core/planner';
import { loadPlanningInstance, openDatabase, savePlan } from '../../src-main/db';
import { createAreaDatabase, type NewArea } from '../../src-main/db/area';
import { loadRosterSource } from '../../src-main/db/roster-data';
import { readSpreadsheet } from '../../src-main/io/read';
import { fillAreaWorkbook, langChanhRows, type AreaRows } from '../helpers/area-workbook';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const AREA: NewArea = { name: 'Cụm Lang Chánh', parent: 'Công an tỉnh Thanh Hóa', startDate: '2026-12-07', deadline: '2027-02-28' };

let tmp: ReturnType<typeof tempDir>;
let template: Buffer;
beforeAll(() => {
  tmp = tempDir('luudong-area-');
  const r = spawnSync(TSX, [join(ROOT, 'src-main/cli/area.ts'), 'template', '--out', join(tmp.dir, 'area.xlsx')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  template = readFileSync(join(tmp.dir, 'area.xlsx'));
});
afterAll(() => tmp.cleanup());

const area = (...args: string[]) => spawnSync(TSX, [join(ROOT, 'src-main/cli/area.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

async function sheetsOf(rows: AreaRows, omit: ReadonlyArray<keyof AreaRows> = []) {
  const read = await readSpreadsheet(await fillAreaWorkbook(template, rows, omit));
  if (!read.ok) throw new Error('unreadable test workbook');
  return read.sheets;
}

describe('a new area from the area workbook', () => {
  it('creates the area database from a filled workbook, plans it, and heads its rosters with its own units', async () => {
    const workbook = join(tmp.dir, 'lang-chanh.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(workbook, await fillAreaWorkbook(template, langChanhRows()));
    const file = join(tmp.dir, 'lang-chanh.sqlite');
    const r = area('new', '--name', AREA.name, '--parent', AREA.parent, '--start', AREA.startDate, '--deadline', AREA.deadline, '--workbook', workbook, '--db', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Thôn bản: 44 rows');
    expect(r.status).toBe(0);

    const db = openDatabase(file);
    try {
      const counts = db.prepare(`SELECT (SELECT COUNT(*) FROM communes) AS communes, (SELECT COUNT(*) FROM hamlets) AS hamlets,
        (SELECT COUNT(*) FROM teams) AS teams, (SELECT COUNT(*) FROM vehicles) AS vehicles, (SELECT COUNT(*) FROM shift_templates) AS shifts`).get();
      expect(counts).toEqual({ communes: 11, hamlets: 44, teams: 5, vehicles: 9, shifts: 5 });
      // Tết 2027 falls in the campaign: proposed from the lunar calendar.
      const tet = db.prepare("SELECT kind FROM calendar_exceptions WHERE date = '2027-02-06'").get() as { kind: string } | undefined;
      expect(tet?.kind).toBe('blackout');
      const instance = loadPlanningInstance(db);
      expect(instance.from).toBe('2026-12-07');
      const made = await plan(instance, { seed: 1, timeLimitSeconds: 2 });
      expect(made.report.checker.valid).toBe(true);
      expect(made.report.enrolled.eid).toBeGreaterThan(0);
      const planId = savePlan(db, { name: 'Tuần đầu', status: 'draft', fromDate: instance.from, seed: 1, routes: made.routes, report: made.report });
      const bundle = buildRosterBundle(loadRosterSource(db, planId)!, { week: '2026-W50', scope: { kind: 'allCommunes' } });
      const headers = bundle.documents.map((d) => d.header);
      expect(headers.length).toBe(11);
      for (const h of headers) expect(h.superiorUnit).toBe('CÔNG AN TỈNH THANH HÓA');
      expect(headers.map((h) => h.issuingUnit)).toContain('CÔNG AN XÃ YÊN KHƯƠNG');
    } finally {
      db.close();
    }
  });

  it('names each bad row by sheet, row and column, and leaves no database behind', async () => {
    const cases: Array<{ name: string; spoil: (rows: AreaRows) => void; omit?: Array<keyof AreaRows>; expect: RegExp }> = [
      { name: 'a missing sheet', spoil: () => undefined, omit: ['vehicles'], expect: /areaSheetMissing/ },
      { name: 'a hamlet in a commune not in the area', spoil: (r) => { r.hamlets[3]![1] = 'Xã Xuân Cao'; }, expect: /hamlets row 5 Xã/ },
      { name: 'a commune code used twice', spoil: (r) => { r.communes[2]![0] = r.communes[1]![0]; }, expect: /communes row 4 Mã/ },
      { name: 'a team at an unknown base', spoil: (r) => { r.teams[0]![3] = 'Công an phường Hạc Thành'; }, expect: /teams row 2 Nơi đóng/ },
      { name: 'a position outside Vietnam', spoil: (r) => { r.communes[0]![2] = 48.85; }, expect: /communes row 2 Vĩ độ/ },
    ];
    for (const c of cases) {
      const rows = langChanhRows();
      c.spoil(rows);
      const file = join(tmp.dir, `bad-${c.name.replace(/\W+/g, '-')}.sqlite`);
      const report = createAreaDatabase(file, AREA, await sheetsOf(rows, c.omit), 'bad.xlsx', '2026-12-04');
      const named = report.sheets.flatMap((s) => [
        ...(s.problem ? [`${s.problem.key}`] : []),
        ...s.rejects.map((r) => `${s.list} row ${r.row} ${r.column ?? ''}`),
      ]).join('\n');
      expect(report.ok, c.name).toBe(false);
      expect(named, c.name).toMatch(c.expect);
      expect(existsSync(file), c.name).toBe(false);
    }
  });

  it('reads a commune named by its pre-2025 name as the commune it is part of now', async () => {
    const rows = langChanhRows();
    // Today's Xã Linh Sơn (official code 15055) took in the town of Lang Chánh; the register still says "Thị trấn Lang Chánh".
    const town = rows.communes.findIndex((c) => c[1] === 'Thị trấn Lang Chánh');
    rows.communes[town] = ['15055', 'Xã Linh Sơn', rows.communes[town]![2], rows.communes[town]![3], rows.communes[town]![4]];
    const file = join(tmp.dir, 'former-names.sqlite');
    const report = createAreaDatabase(file, AREA, await sheetsOf(rows), 'former.xlsx', '2026-12-04');
    expect(report.ok).toBe(true);
    expect(report.sheets.find((s) => s.list === 'hamlets')!.renamed).toBe(4);
    const db = openDatabase(file);
    try {
      const n = db.prepare("SELECT COUNT(*) AS n FROM hamlets h JOIN communes c ON c.id = h.commune_id WHERE c.name = 'Xã Linh Sơn'").get();
      expect(n).toEqual({ n: 4 });
    } finally {
      db.close();
    }
  });

  it('never overwrites an existing file', async () => {
    const file = join(tmp.dir, 'taken.sqlite');
    openDatabase(file).close();
    const sheets = await sheetsOf(langChanhRows());
    expect(() => createAreaDatabase(file, AREA, sheets, 'x.xlsx', '2026-12-04')).toThrow(/already exists/);
  });

  it('lists the holidays of a period, Tết from the lunar calendar', () => {
    const r = area('holidays', '--from', '2027-01-01', '--to', '2027-12-31', '--json', join(tmp.dir, 'h.json'));
    expect(r.status).toBe(0);
    const days = JSON.parse(readFileSync(join(tmp.dir, 'h.json'), 'utf8')) as Array<{ date: string; kind: string; name: string }>;
    expect(days.find((d) => d.date === '2027-02-06')?.name).toContain('Tết Nguyên đán');
  });
});
