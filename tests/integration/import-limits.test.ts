/**
 * Regressions of the import fuzz (issue 16): a workbook is checked in its zip before ExcelJS
 * builds anything, a CSV is parsed no further than a list can use, and a text repeated in
 * thousands of cells is parsed once. The finding: a 0.5 MB xlsx expanding to 8 million rows took
 * 70 s and 3.1 GB to preview; 20 MB of line breaks took 14 s and 3.3 GB; one 30,000-character
 * shared string in 380,000 cells took 124 s.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-main/api/contract';
import { LISTS, examplesSheet } from '../../src-main/core/register';
import { readSpreadsheet } from '../../src-main/io/read';
import { MAX_EXPANDED_BYTES, MAX_WORKBOOK_CELLS } from '../../src-main/io/zip-guard';
import { testApp, valueOf } from '../helpers/app';
import { bombSheet, deflated, rowXml, workbookParts, zip, type ZipEntry } from '../helpers/zip';

const ROW = rowXml(2, [1]);
/** Guards against the findings (70 s, 3 GB), not timings: a shared machine's noise stays well under them. */
const HANG_MS = 10_000;
const RUNAWAY_MB = 1_500;
const workbook = (...sheets: ZipEntry[]): Buffer => zip([...workbookParts(sheets.map((_, i) => `S${i + 1}`)), ...sheets]);

async function timedRead(bytes: Buffer): Promise<{ result: Awaited<ReturnType<typeof readSpreadsheet>>; ms: number; grewMb: number }> {
  const rss = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await readSpreadsheet(bytes);
  return { result, ms: performance.now() - t0, grewMb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

describe('zip bombs are refused before they are parsed', () => {
  it('8 million rows in 0.9 MB: refused by the sizes the zip declares, at once', async () => {
    const bytes = workbook(bombSheet('xl/worksheets/sheet1.xml', ROW, 10_000, 800));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { result, ms, grewMb } = await timedRead(bytes);
    expect(result).toEqual({ ok: false, problem: { key: 'tooLargeExpanded', params: { maxMb: MAX_EXPANDED_BYTES / 1024 / 1024 } } });
    expect(ms).toBeLessThan(HANG_MS);
    expect(grewMb).toBeLessThan(RUNAWAY_MB);
  });

  it('the same bomb whose directory says 4 kB: caught while inflating, never past the declared size', async () => {
    const { result, ms } = await timedRead(workbook(bombSheet('xl/worksheets/sheet1.xml', ROW, 10_000, 800, 4_000)));
    expect(result).toMatchObject({ ok: false, problem: { key: 'tooLargeExpanded' } });
    expect(ms).toBeLessThan(HANG_MS);
  });

  it.each([
    ['2.4 million rows under the size limit', bombSheet('xl/worksheets/sheet1.xml', ROW, 10_000, 240), 2_400_000],
    ['60,000 rows', bombSheet('xl/worksheets/sheet1.xml', ROW, 10_000, 6), 60_000],
    ['rows in an entry ExcelJS would read under another name', bombSheet('zz/xl/worksheets/sheet1.xml', ROW, 10_000, 240), 2_400_000],
  ])('%s: tooManyRows, counted in the XML', async (_name, sheet, rows) => {
    const { result, ms } = await timedRead(workbook(sheet));
    expect(result).toEqual({ ok: false, problem: { key: 'tooManyRows', params: { rows, max: 50_000 } } });
    expect(ms).toBeLessThan(HANG_MS);
  });

  it('two million cells in a few rows: tooManyCells', async () => {
    const wide = `<row r="2">${'<c r="A2"><v>1</v></c>'.repeat(1_000)}</row>`;
    const { result } = await timedRead(workbook(bombSheet('xl/worksheets/sheet1.xml', wide, 100, 20)));
    expect(result).toMatchObject({ ok: false, problem: { key: 'tooManyCells', params: { max: MAX_WORKBOOK_CELLS } } });
  });

  it('an ordinary workbook still reads', async () => {
    const { result } = await timedRead(workbook(deflated('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, ['Mã', 'Tên'])}${rowXml(2, ['A', 7])}</sheetData></worksheet>`)));
    expect(result).toEqual({ ok: true, format: 'xlsx', sheets: [{ name: 'S1', rows: [{ row: 1, cells: ['Mã', 'Tên'] }, { row: 2, cells: ['A', 7] }] }] });
  });
});

describe('CSV and cell limits', () => {
  it('19 MB of line breaks: tooManyRows refused, not parsed for 14 s into 3 GB', async () => {
    const bytes = Buffer.concat([Buffer.from('Mã thôn,Xã\n'), Buffer.alloc(19 * 1024 * 1024, 0x0a)]);
    const { result, ms, grewMb } = await timedRead(bytes);
    expect(result).toMatchObject({ ok: false, problem: { key: 'tooManyRows', params: { rows: 19 * 1024 * 1024 + 2, max: 50_000 } } });
    expect(ms).toBeLessThan(HANG_MS);
    expect(grewMb).toBeLessThan(RUNAWAY_MB);
  });

  it('one line of 19 million separators: tooManyCells', async () => {
    const { result } = await timedRead(Buffer.concat([Buffer.from('Mã thôn,Xã\r\n'), Buffer.alloc(19 * 1024 * 1024, 0x2c)]));
    expect(result).toMatchObject({ ok: false, problem: { key: 'tooManyCells' } });
  });

  it('a 30,000-character shared string in every cell of 20,000 rows is parsed once per column (preview in seconds, not minutes)', async () => {
    const header = examplesSheet(LISTS.hamlets).headers.map(String);
    const strings = deflated('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'Thôn '.repeat(6_000)}</t></si></sst>`);
    const cells = (r: number): string => header.map((_, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>0</v></c>`).join('');
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}">${cells(i + 2)}</row>`).join('');
    const sheet = deflated('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, header)}${rows}</sheetData></worksheet>`);
    const app = testApp();
    try {
      const t0 = performance.now();
      const p = valueOf<ImportPreview>(await app.rpc('import.preview', { list: 'hamlets', fileName: 'x.xlsx', base64: zip([...workbookParts(['Thôn bản']), sheet, strings]).toString('base64') }));
      expect(performance.now() - t0).toBeLessThan(10_000);
      expect(p.counts).toMatchObject({ rows: 20_000, rejects: 20_000, adds: 0 });
      expect(p.rejects[0]).toMatchObject({ row: 2, column: expect.any(String) });
    } finally {
      app.close();
    }
  });
});
