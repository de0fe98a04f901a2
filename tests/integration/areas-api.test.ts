/**
 * Issue 17: several areas, each its own database file: a new area from a workbook (refused whole
 * with its row errors), switching, copying for a new campaign, and the demo one call away.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { areaDbPath } from '../../src-main/api/areas-store';
import type { AreaInfo } from '../../src-main/api/contract';
import { areaTemplateSheets } from '../../src-main/db/area';
import { readSpreadsheet } from '../../src-main/io/read';
import { sheetsToXlsx } from '../../src-main/io/write';
import { fillAreaWorkbook, langChanhRows } from '../helpers/area-workbook';
import { snapshot, testApp, valueOf } from '../helpers/app';

let template: Buffer;
beforeAll(async () => {
  template = await sheetsToXlsx(areaTemplateSheets());
});

let app: ReturnType<typeof testApp> | null = null;
afterEach(() => app?.close());

const NEW = { name: 'Cụm Lang Chánh', parent: 'Công an tỉnh Thanh Hóa', startDate: '2026-12-07', deadline: '2027-02-28', fileName: 'lang-chanh.xlsx' };

describe('areas', () => {
  it('creates an area from a workbook and opens it; the demo stays one call away, untouched', async () => {
    app = testApp();
    const demoBefore = snapshot(app.ctx);
    const listed = valueOf<AreaInfo[]>(await app.rpc('areas.list'));
    expect(listed).toEqual([expect.objectContaining({ id: 'default', current: true, demo: true, hamlets: 152 })]);

    const base64 = (await fillAreaWorkbook(template, langChanhRows())).toString('base64');
    const created = valueOf<{ created: AreaInfo | null }>(await app.rpc('areas.create', { ...NEW, base64 }));
    expect(created.created).toMatchObject({ id: 'cum-lang-chanh', label: 'Cụm Lang Chánh', current: true, communes: 11, hamlets: 44, demo: false });
    // Every call now works on the new area.
    const overview = valueOf<{ hamlets: number }>(await app.rpc('overview.get'));
    expect(JSON.stringify(overview)).toContain('44');
    const areas = valueOf<AreaInfo[]>(await app.rpc('areas.list'));
    expect(areas.map((a) => [a.id, a.current])).toEqual([['default', false], ['cum-lang-chanh', true]]);

    const demo = valueOf<AreaInfo>(await app.rpc('areas.open', { id: 'default' }));
    expect(demo).toMatchObject({ id: 'default', current: true, hamlets: 152 });
    expect(snapshot(app.ctx)).toEqual(demoBefore);
  });

  it('refuses a bad workbook whole, naming sheet, row and column; no area is left behind', async () => {
    app = testApp();
    const rows = langChanhRows();
    rows.teams[1]![3] = 'Công an phường Hạc Thành';
    const base64 = (await fillAreaWorkbook(template, rows)).toString('base64');
    const result = valueOf<{ created: AreaInfo | null; sheets: Array<{ list: string; rejects: Array<{ row: number; column: string | null; key: string }> }> }>(
      await app.rpc('areas.create', { ...NEW, base64 }));
    expect(result.created).toBeNull();
    expect(result.sheets.find((s) => s.list === 'teams')!.rejects).toEqual([expect.objectContaining({ row: 3, column: 'Nơi đóng' })]);
    expect(valueOf<AreaInfo[]>(await app.rpc('areas.list')).map((a) => a.id)).toEqual(['default']);
    // Some text that is no area workbook: read as a one-sheet CSV, every required list is missing.
    const notAWorkbook = valueOf<{ created: AreaInfo | null; sheets: Array<{ problem: { key: string } | null }> }>(
      await app.rpc('areas.create', { ...NEW, base64: Buffer.from('not a spreadsheet at all').toString('base64') }));
    expect(notAWorkbook.created).toBeNull();
    expect(notAWorkbook.sheets.filter((s) => s.problem?.key === 'areaSheetMissing')).toHaveLength(5);
    expect(valueOf<AreaInfo[]>(await app.rpc('areas.list')).map((a) => a.id)).toEqual(['default']);
  });

  it('copies an area for a new campaign under a new name; the original is unchanged', async () => {
    app = testApp();
    const before = snapshot(app.ctx);
    const copy = valueOf<AreaInfo>(await app.rpc('areas.copy', { id: 'default', name: 'Thường Xuân 2027' }));
    expect(copy).toMatchObject({ id: 'thuong-xuan-2027', label: 'Thường Xuân 2027', current: true, hamlets: 152 });
    valueOf(await app.rpc('areas.open', { id: 'default' }));
    expect(snapshot(app.ctx)).toEqual(before);
    expect((await app.rpc('areas.open', { id: '../etc' })).ok).toBe(false);
    expect((await app.rpc('areas.open', { id: 'nope' })).ok).toBe(false);
  });

  it('refuses to open an area file made by a newer version, or one that is no database, and leaves both untouched', async () => {
    app = testApp();
    const dataDir = app.ctx.dataDir!;
    const newer = areaDbPath(dataDir, 'newer');
    mkdirSync(dirname(newer), { recursive: true });
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const junk = areaDbPath(dataDir, 'junk');
    mkdirSync(dirname(junk), { recursive: true });
    writeFileSync(junk, 'this is not a database, just text in a file');
    const before = [readFileSync(newer), readFileSync(junk)];
    const listed = valueOf<AreaInfo[]>(await app.rpc('areas.list'));
    expect(listed.find((a) => a.id === 'newer')!.problem).toMatch(/newer version/);
    expect(listed.find((a) => a.id === 'junk')!.problem).not.toBeNull();
    for (const id of ['newer', 'junk']) {
      const refused = await app.rpc('areas.open', { id });
      expect(refused.ok, id).toBe(false);
    }
    expect([readFileSync(newer), readFileSync(junk)]).toEqual(before);
    // The open area is still the demo, working.
    expect(valueOf<AreaInfo[]>(await app.rpc('areas.list')).find((a) => a.current)!.id).toBe('default');
  });

  it('gives the blank area workbook, with the communes picked from the official list filled in', async () => {
    app = testApp();
    const provinces = valueOf<Array<{ code: string; name: string }>>(await app.rpc('units.provinces'));
    expect(provinces).toHaveLength(34);
    const thanhHoa = provinces.find((p) => p.name === 'Tỉnh Thanh Hóa')!;
    const communes = valueOf<Array<{ code: string; name: string; formerly: Array<{ name: string; district: string }> }>>(
      await app.rpc('units.communes', { provinceCode: thanhHoa.code }));
    // Since 1 July 2025 the town of Lang Chánh is part of Xã Linh Sơn.
    const linhSon = communes.find((c) => c.formerly.some((f) => f.name === 'Thị trấn Lang Chánh'))!;
    expect(linhSon.name).toBe('Xã Linh Sơn');
    const file = valueOf<{ fileName: string; base64: string }>(await app.rpc('areas.template', { communeCodes: [linhSon.code] }));
    expect(file.fileName).toMatch(/\.xlsx$/);
    const read = await readSpreadsheet(Buffer.from(file.base64, 'base64'));
    if (!read.ok) throw new Error('unreadable template');
    const sheet = read.sheets.find((x) => x.name === 'Xã')!;
    expect(sheet.rows[1]!.cells.slice(0, 2)).toEqual([linhSon.code, 'Xã Linh Sơn']);
    expect((await app.rpc('areas.template', { communeCodes: ['99999'] })).ok).toBe(false);
    expect((await app.rpc('units.communes', { provinceCode: 'x' })).ok).toBe(false);
  });
});
