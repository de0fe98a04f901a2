import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { listCommunes, listHamlets } from '../../src-main/db/repos/places';
import { saveSamplePlan, sampleRoutes, SAMPLE_COMMUNE_CODE, SAMPLE_WEEK } from '../helpers/sample-plan';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src-main/cli/roster.ts');

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let planId: number;
/** What the plan holds for the sample commune in the sample week. */
let expected: { communeName: string; hamlets: string[]; cccd: number; eid: number; homeCccd: number; homeEid: number; visits: number };

/** The PDF's text, lines joined: a long name may wrap inside its table cell. */
const pdfText = (file: string): string =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');

function roster(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  tmp = tempDir('luudong-roster-');
  dbPath = join(tmp.dir, 'luudong.sqlite');
  const db = openDatabase(dbPath);
  planId = saveSamplePlan(db, { status: 'published' });
  const commune = listCommunes(db).find((c) => c.code === SAMPLE_COMMUNE_CODE)!;
  const hamlets = new Map(listHamlets(db).filter((h) => h.communeId === commune.id).map((h) => [h.id, h.name]));
  const stops = sampleRoutes(db)
    .filter((r) => r.date >= '2022-11-28' && r.date <= '2022-12-04')
    .flatMap((r) => r.stops)
    .filter((s) => hamlets.has(s.hamletId));
  expected = {
    communeName: commune.name,
    hamlets: [...new Set(stops.map((s) => hamlets.get(s.hamletId)!))],
    cccd: stops.reduce((n, s) => n + s.quota.cccd, 0),
    eid: stops.reduce((n, s) => n + s.quota.eid, 0),
    homeCccd: stops.reduce((n, s) => n + s.homeVisits.cccd, 0),
    homeEid: stops.reduce((n, s) => n + s.homeVisits.eid, 0),
    visits: stops.length,
  };
  db.close();
});
afterAll(() => tmp.cleanup());

describe('npm run roster (the real command)', () => {
  it('writes the commune roster as a PDF with the national header, the commune and every hamlet visited', () => {
    const out = join(tmp.dir, 'pdf');
    const r = roster('--plan', String(planId), '--week', SAMPLE_WEEK, '--commune', SAMPLE_COMMUNE_CODE, '--format', 'pdf', '--out', out, '--db', dbPath);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*lich-truc_2022-W48_15631_xa-xuan-cao\.pdf/);
    expect(r.stdout).toMatch(/1 file for plan \d+ .* in \d+\.\d\d s/);
    const pdf = join(out, 'lich-truc_2022-W48_15631_xa-xuan-cao.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('CÔNG AN XÃ XUÂN CAO');
    expect(text).toContain('trên địa bàn xã Xuân Cao');
    expect(text).toContain('Xuân Cao, ngày 25 tháng 11 năm 2022');
    expect(text).toContain('Thứ Hai');
    expect(text).toContain('Chủ nhật');
    expect(expected.hamlets.length).toBeGreaterThanOrEqual(6);
    for (const hamlet of expected.hamlets) expect(text).toContain(hamlet);
    expect(text).toContain('TRƯỞNG CÔNG AN XÃ');
    expect(text).toContain('Nơi nhận:');
    // The font is embedded (a subset), so the letters print the same on any computer.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/NotoSerif-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('writes the same roster as a workbook whose rows, quotas and totals match the plan', async () => {
    const out = join(tmp.dir, 'xlsx');
    const r = roster('--plan', String(planId), '--week', SAMPLE_WEEK, '--commune', SAMPLE_COMMUNE_CODE, '--format', 'xlsx', '--out', out, '--db', dbPath);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'lich-truc_2022-W48_15631_xa-xuan-cao.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Xuân Cao');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    // Printed: up to the result block (M..R); the visit's identity (S..V) is hidden, not printed.
    expect(ws.pageSetup.printArea).toMatch(/^A1:R\d+$/);
    expect(['S', 'T', 'U', 'V'].map((c) => ws.getColumn(c).hidden)).toEqual([true, true, true, true]);
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    const rows: Array<{ hamlet: string; counts: number[] }> = [];
    let totals: number[] = [];
    ws.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'number') {
        rows.push({ hamlet: String(row.getCell(4).value), counts: [9, 10, 11, 12].map((c) => Number(row.getCell(c).value)) });
      } else if (typeof first === 'string' && first.startsWith('Tổng cộng')) {
        totals = [9, 10, 11, 12].map((c) => (row.getCell(c).value as { result: number }).result);
        expect((row.getCell(9).value as { formula: string }).formula).toMatch(/^SUM\(I\d+:I\d+\)$/);
      }
    });
    expect(rows).toHaveLength(expected.visits);
    expect([...new Set(rows.map((r) => r.hamlet))].sort()).toEqual([...expected.hamlets].sort());
    const sum = (i: number): number => rows.reduce((n, r) => n + r.counts[i]!, 0);
    expect([sum(0), sum(1), sum(2), sum(3)]).toEqual([expected.cccd, expected.eid, expected.homeCccd, expected.homeEid]);
    expect(totals).toEqual([expected.cccd, expected.eid, expected.homeCccd, expected.homeEid]);
    expect(String(ws.getCell('A1').value)).toBe('CÔNG AN HUYỆN THƯỜNG XUÂN');
    expect(String(ws.getCell('F1').value)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('--all writes one file per commune (16), empty weeks included, and reports the time', () => {
    const out = join(tmp.dir, 'all');
    const r = roster('--plan', String(planId), '--week', SAMPLE_WEEK, '--all', '--out', out, '--db', dbPath);
    expect(r.status).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(16);
    expect(r.stdout).toMatch(/16 files for plan .* in \d+\.\d\d s/);
    const empty = files.find((f) => f.includes('_15607_'))!;
    const text = pdfText(join(out, empty));
    expect(text).toContain('Không có lịch trực trong tuần này');
    expect(text).toContain('CÔNG AN XÃ BÁT MỌT');
  });

  it('--team writes the team schedule (by code) with departure and return times', () => {
    const out = join(tmp.dir, 'team');
    const r = roster('--plan', String(planId), '--week', SAMPLE_WEEK, '--team', 'ld-01', '--out', out, '--db', dbPath);
    expect(r.status).toBe(0);
    const text = pdfText(join(out, 'lich-cong-tac_2022-W48_ld-01.pdf'));
    expect(text).toContain('LỊCH CÔNG TÁC');
    expect(text).toContain('Xuất phát từ Công an huyện Thường Xuân');
    expect(text).toContain('Về đến Công an huyện Thường Xuân');
    expect(text).toContain('Trần Trung Hiếu');
  });

  it('names the bad flag and exits 2; a missing plan exits 1', () => {
    const bad = roster('--plan', 'latest', '--week', '2022-W99', '--all', '--format', 'docx', '--db', dbPath);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--plan:');
    expect(bad.stderr).toContain('--week:');
    expect(bad.stderr).toContain('--format:');
    const twoScopes = roster('--plan', '1', '--week', SAMPLE_WEEK, '--all', '--commune', '15631', '--db', dbPath);
    expect(twoScopes.status).toBe(2);
    expect(twoScopes.stderr).toContain('choose exactly one of --commune');
    const unknown = roster('--plan', '1', '--week', SAMPLE_WEEK, '--all', '--colour', 'red', '--db', dbPath);
    expect(unknown.stderr).toContain('unknown flag --colour');
    const missing = roster('--plan', '9999', '--week', SAMPLE_WEEK, '--all', '--db', dbPath);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--plan: no plan with id 9999');
    const unplanned = join(tmp.dir, 'unplanned.sqlite');
    openDatabase(unplanned).close();
    const none = roster('--plan', 'published', '--week', SAMPLE_WEEK, '--all', '--db', unplanned);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('--plan: there is no published plan');
  });
});
