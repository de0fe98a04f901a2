/**
 * Issue 16: a large uploaded workbook is read on its own thread, so the app keeps answering
 * (in the desktop app every window's calls go through the one main process). The thread's
 * answer is the same reader's, limits and problems included.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-main/api/contract';
import { LISTS, examplesSheet } from '../../src-main/core/register';
import { readSpreadsheet } from '../../src-main/io/read';
import { READ_INLINE_BYTES, readSpreadsheetOffThread } from '../../src-main/workers/read-thread';
import { testApp, valueOf } from '../helpers/app';

const app = testApp();
afterAll(() => app.close());

/** The longest time the event loop could not answer anything while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const value = await work();
  delay.disable();
  return { value, stallMs: delay.max / 1e6 };
}

async function bigHamletsWorkbook(rows: number): Promise<Buffer> {
  const example = examplesSheet(LISTS.hamlets);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thôn bản');
  ws.addRow(example.headers);
  const sample = example.rows[0]!;
  for (let i = 0; i < rows; i++) ws.addRow(sample.map((c, j) => (j === 0 ? `X${i}` : j === 1 ? `Thôn mới ${i}` : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a large upload is read off the calling thread', () => {
  it('previewing a 20,000-row workbook keeps the app answering: the longest stall is a fraction of reading it in place', async () => {
    const bytes = await bigHamletsWorkbook(20_000);
    expect(bytes.length).toBeGreaterThan(READ_INLINE_BYTES);
    // Side by side in one run (the machine's speed cancels out): the stall reading in place, then the app's preview.
    const inPlace = await longestStall(() => readSpreadsheet(bytes));
    const preview = await longestStall(async () => valueOf<ImportPreview>(await app.rpc('import.preview', { list: 'hamlets', fileName: 'lon.xlsx', base64: bytes.toString('base64') })));
    expect(preview.value.counts.rows).toBe(20_000);
    expect(preview.stallMs).toBeLessThan(inPlace.stallMs / 2);
  });

  it('the thread gives the same cells and the same problems as reading in place', async () => {
    const bytes = await bigHamletsWorkbook(3_000);
    expect(await readSpreadsheetOffThread(bytes)).toEqual(await readSpreadsheet(bytes));
    const notExcel = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(READ_INLINE_BYTES, 7)]);
    expect(await readSpreadsheetOffThread(notExcel)).toEqual(await readSpreadsheet(notExcel));
  });
});
