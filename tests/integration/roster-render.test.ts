import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRosterBundle } from '../../src-main/core/roster';
import { renderRoster } from '../../src-main/render/roster';
import { tempDir } from '../helpers/tmp';
import { fixture, ps, route, stop } from '../unit/roster/fixture';

// The render layer on its own: page size and orientation, the embedded font, long names.
const tmp = tempDir('luudong-render-');
afterAll(() => tmp.cleanup());

const source = fixture([
  route('2022-11-28', 2, 1, [stop(1, 1110, ps(3, 25)), stop(2, 1215, ps(2, 18), ps(0, 1))], [2]),
  route('2022-11-29', 1, 1, [stop(2, 1110, ps(5, 40), ps(1, 2)), stop(3, 1215, ps(4, 30))]),
]);
const communeBundle = buildRosterBundle(source, { week: '2022-W48', scope: { kind: 'commune', communeId: 1 } });
const teamBundle = buildRosterBundle(source, { week: '2022-W48', scope: { kind: 'allTeams' } });

function write(name: string, bytes: Buffer): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, bytes);
  return file;
}

const info = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const text = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');

describe('roster PDF', () => {
  it('a commune roster is A4 landscape by default, portrait on request, and keeps long names whole', async () => {
    const landscape = write('l.pdf', (await renderRoster(communeBundle, 'pdf')).bytes);
    expect(info(landscape)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const portrait = write('p.pdf', (await renderRoster(communeBundle, 'pdf', 'portrait')).bytes);
    expect(info(portrait)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    for (const file of [landscape, portrait]) {
      const words = text(file);
      // The long hamlet name wraps onto a second line inside its cell (pdftotext reads the
      // table row by row, so the two halves come apart), and nothing of it is lost.
      expect(words).toContain('Bản Nà Tao Thượng Xóm');
      expect(words).toContain('Dưới Khe Suối');
      expect(words).toContain('Tổng cộng: 3 lượt tại 2 thôn/bản, 2 ca trực');
      expect(words).toContain('Lữ Văn Ón');
    }
  });

  it("a commune's week of nine visits is one landscape page: a line a visit, each team's officers listed once", async () => {
    const days = ['2022-11-28', '2022-11-29', '2022-11-30', '2022-12-01', '2022-12-02'];
    const week = fixture([
      ...days.map((date) => route(date, 2, 1, [stop(1, 1100, ps(2, 30))], [2])),
      ...['2022-12-03', '2022-12-04'].flatMap((date, i) => [
        route(date, 2, 2, [stop(1, 460, ps(3, 40))], [2]),
        route(date, 1, 1, [stop(2 - i, 1100, ps(1, 20))], [1]),
      ]),
    ]);
    const bundle = buildRosterBundle(week, { week: '2022-W48', scope: { kind: 'commune', communeId: 1 } });
    expect(bundle.documents[0]!.kind === 'commune' && bundle.documents[0]!.rows).toHaveLength(9);
    const file = write('week.pdf', (await renderRoster(bundle, 'pdf')).bytes);
    expect(info(file)).toMatch(/Pages:\s+1\n/);
    const words = text(file);
    expect(words).toContain('Tổng cộng: 9 lượt tại 2 thôn/bản, 9 ca trực');
    // The hall named after its hamlet is not named twice; the officers appear once, by team.
    expect(words).toContain('Thôn 1 — Nhà văn hóa');
    expect(words).not.toContain('Nhà văn hóa thôn 1');
    expect(words.split('Lữ Văn Ón')).toHaveLength(3); // in the officers' list and as the chief who signs
    expect(words).toContain('Tổ lưu động số 1: Đại úy Trần Trung Hiếu');
  });

  it('team schedules: one section per team, each starting on its own page, portrait', async () => {
    const file = write('t.pdf', (await renderRoster(teamBundle, 'pdf')).bytes);
    expect(info(file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info(file))?.[1])).toBeGreaterThanOrEqual(2);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(first).toContain('TỔ LƯU ĐỘNG SỐ 1');
    expect(first).not.toContain('TỔ CÔNG TÁC XÃ XUÂN CAO TUẦN');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSerif-Regular');
    expect(fonts).not.toMatch(/Helvetica|Times-Roman/);
  });
});

describe('roster workbook', () => {
  it('one sheet per document, A4, fit to one page wide, header row repeated, bold headers and borders', async () => {
    const file = await renderRoster(teamBundle, 'xlsx');
    expect(file.fileName).toBe('lich-cong-tac_2022-W48_tat-ca-to.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['LD-01', 'CT-15631']);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const [top] = (ws.pageSetup.printTitlesRow ?? '').split(':').map(Number);
    const header = ws.getRow(top!);
    expect(header.getCell(1).value).toBe('Giờ');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).border?.left?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
  });
});
