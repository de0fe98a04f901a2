/**
 * Issue 16: one export request must not take the process down. 100,000 rows of 50 columns
 * were within the row and column limits, kept the server busy for 7 minutes and ended in heap
 * exhaustion; now the contract refuses it before any work, naming the field, and the
 * largest table a province shows still exports.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TABLE_CELLS, type FileDownload } from '../../src-main/api/contract';
import { testApp, valueOf } from '../helpers/app';

const app = testApp();
afterAll(() => app.close());

const columns = (n: number) => Array.from({ length: n }, (_, i) => ({ header: `Cột ${i + 1}`, numeric: i > 0 }));

describe('export.table', () => {
  it('100,000 rows x 50 columns: BAD_PARAMS naming the rows, and the app still answers', async () => {
    const rows = Array.from({ length: 100_000 }, (_, r) => Array.from({ length: 50 }, (_, c) => r + c));
    const env = await app.rpc('export.table', { fileName: 'lon', title: 'Lớn', columns: columns(50), rows });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    if (env.ok) return;
    expect(env.error.message).toContain('rows');
    expect(env.error.message).toContain('200,000 cells');
    expect(valueOf<unknown[]>(await app.rpc('teams.list', {})).length).toBeGreaterThan(0);
  });

  it('a province-sized table (20,000 hamlets x 10 columns) exports every row', async () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => [`Thôn ${r + 1}`, ...Array.from({ length: 9 }, (_, c) => r * c)]);
    expect(rows.length * 10).toBeLessThanOrEqual(MAX_TABLE_CELLS);
    const file = valueOf<FileDownload>(await app.rpc('export.table', { fileName: 'tinh', title: 'Tỉnh', columns: columns(10), rows }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(20_002);
    expect(ws.getRow(20_002).getCell(1).value).toBe('Thôn 20000');
  });
});
