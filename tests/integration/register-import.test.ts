import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListName, Overview, RegisterList } from '../../src-main/api/contract';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { confirm, domain, fixture, preview, type App } from './register-helpers';

let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const hamlet = async (code: string) =>
  valueOf<RegisterList>(await app.rpc('register.list', { list: 'hamlets' })).rows.find((r) => r.record.code === code)?.record;

describe('good files: preview, then everything in one transaction', () => {
  it('hamlets-good.xlsx: a title row, decimal commas, 75 %, dd/MM/yyyy, a real date and an Excel serial', async () => {
    const before = domain(app.ctx);
    const p = await preview(app, 'hamlets', 'hamlets-good.xlsx');
    expect(domain(app.ctx)).toEqual(before);
    expect(p).toMatchObject({ format: 'xlsx', sheet: 'Thôn bản', fileProblem: null, canConfirm: true });
    expect(p.counts).toEqual({ rows: 3, adds: 2, updates: 1, unchanged: 0, rejects: 0 });
    expect(p.updates[0]).toMatchObject({ row: 5, label: 'Làng Dùng (Xã Bát Mọt)' });
    expect(p.updates[0]!.changes).toEqual([
      { field: 'remainingEid', before: 228, after: 200 }, { field: 'countedOn', before: '2022-11-17', after: '2022-11-21' },
    ]);
    expect(valueOf(await confirm(app, 'hamlets', 'hamlets-good.xlsx', p))).toEqual({ added: 2, updated: 1 });
    expect(await hamlet('15607-10')).toMatchObject({ name: 'Bản Khà Mới', lat: 20.0312, reachWeekdayEvening: 0.75, reachWeekend: 0.85, countedOn: '2022-11-20' });
    expect(await hamlet('15610-10')).toMatchObject({ name: 'Bản Mới Lập', commune: 'Xã Yên Nhân', roadClass: 'forest', motorbikeOnly: true, cutMonths: [7, 8], countedOn: '2022-11-21' });
    expect(await hamlet('15607-01')).toMatchObject({ remainingEid: 200, countedOn: '2022-11-21' });
    expect(valueOf<Overview>(await app.rpc('overview.get')).backlog.eid).toBe(65_720 - 28 + 150 + 150);
  });

  it('hamlets-bom.csv: UTF-8 with BOM, ";" separated, decimal commas and a thousands point', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-bom.csv');
    expect(p).toMatchObject({ format: 'csv', canConfirm: true, counts: { adds: 1, updates: 1, rejects: 0 } });
    valueOf(await confirm(app, 'hamlets', 'hamlets-bom.csv', p));
    expect(await hamlet('15607-11')).toMatchObject({ name: 'Bản Chiềng', lat: 20.041, lon: 105.011, population: 1250, reachWeekdayDay: 0.15 });
  });

  it('hamlets-english.csv: English headers, commune given by its code, ISO date', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-english.csv');
    expect(p.columns.map((c) => c.header)).toContain('e-ID backlog');
    expect(p.adds[0]!.record).toMatchObject({ code: '15610-10', commune: 'Xã Yên Nhân', countedOn: '2022-11-22', roadClass: 'paved' });
  });

  it('hamlets-backlog-only.xlsx: only counts, rows found by commune + name, dates as Excel serials', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-backlog-only.xlsx');
    expect(p.counts).toMatchObject({ adds: 0, updates: 3, rejects: 0 });
    expect(p.updates.map((u) => u.label)).toEqual(['Bản Lùm Nưa (Xã Bát Mọt)', 'Bản Pùng (Xã Bát Mọt)', 'Bản Đục (Xã Yên Nhân)']);
    valueOf(await confirm(app, 'hamlets', 'hamlets-backlog-only.xlsx', p));
    expect(await hamlet('15607-04')).toMatchObject({ name: 'Bản Pùng', remainingCccd: 3, remainingEid: 250, countedOn: '2022-11-25' });
  });

  it('hamlets-csv-renamed.xlsx: a CSV saved with an .xlsx name is read as CSV (the bytes decide)', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-csv-renamed.xlsx');
    expect(p).toMatchObject({ format: 'csv', canConfirm: true, counts: { adds: 1 } });
  });

  it.each([
    ['teams', 'teams-good.xlsx', 2, 0],
    ['vehicles', 'vehicles-good.csv', 2, 0],
    ['travel', 'travel-good.xlsx', 1, 1],
  ] as const)('%s from %s', async (list, file, adds, updates) => {
    const p = await preview(app, list, file);
    expect(p.rejects).toEqual([]);
    expect(p.counts).toMatchObject({ adds, updates });
    expect(valueOf(await confirm(app, list, file, p))).toEqual({ added: adds, updated: updates });
  });

  it('the team file: choices by label, blank cells take their defaults, dates as text and as a serial', async () => {
    const p = await preview(app, 'teams', 'teams-good.xlsx');
    expect(p.adds.map((a) => a.record)).toEqual([
      expect.objectContaining({ code: 'LD-05', services: ['cccd', 'eid'], allowedShiftKinds: ['weekday_evening', 'weekend'], daysOff: ['2022-11-20', '2022-11-27'] }),
      expect.objectContaining({ code: 'CT-XL', kind: 'fixed', kits: 0, throughputCccd: 0, maxShiftsPerWeek: 21, allowedShiftKinds: ['weekday_day', 'weekday_evening', 'weekend'] }),
    ]);
  });

  it('10,000 new hamlets: previewed and written at once', async () => {
    const p = await preview(app, 'hamlets', 'big-10000.xlsx');
    expect(p.counts).toEqual({ rows: 10_000, adds: 10_000, updates: 0, unchanged: 0, rejects: 0 });
    expect(p.adds).toHaveLength(200);
    expect(valueOf(await confirm(app, 'hamlets', 'big-10000.xlsx', p))).toEqual({ added: 10_000, updated: 0 });
    expect(valueOf<Overview>(await app.rpc('overview.get')).hamlets).toBe(152 + 10_000);
  });
});

/** Each bad file: a clear, named problem, and the database exactly as it was. */
const badFiles: Array<[string, ListName, string, Array<[number, string, string]> | null]> = [
  ['empty.csv', 'hamlets', 'emptyFile', null],
  ['empty.xlsx', 'hamlets', 'emptyFile', null],
  ['wrong-sheet.xlsx', 'hamlets', 'wrongSheetEither', null],
  ['missing-column.xlsx', 'hamlets', 'missingColumnsEither', null],
  ['not-a-spreadsheet.xlsx', 'hamlets', 'notSpreadsheet', null],
  ['old-format.xls', 'hamlets', 'oldXls', null],
  ['windows-1258.csv', 'hamlets', 'notUtf8', null],
  ['duplicate-codes.xlsx', 'hamlets', '', [[3, 'Mã thôn', 'duplicateInFile'], [4, 'Mã thôn', 'alreadyUsed']]],
  ['text-in-numbers.csv', 'hamlets', '', [[2, 'Dân số', 'notNumber'], [3, 'ĐDĐT còn phải làm', 'notNumber'], [3, 'Vĩ độ', 'notNumber']]],
  ['absurd-hamlets.xlsx', 'hamlets', '', [
    [2, 'ĐDĐT còn phải làm', 'backlogOverPopulation'], [3, 'Dân số', 'tooSmall'], [4, 'CCCD cần đến nhà', 'homeboundOverRemaining'],
    [5, 'Tỷ lệ gặp buổi tối', 'tooBig'],
  ]],
  ['absurd-teams.xlsx', 'teams', '', [[2, 'CCCD/giờ', 'throughputZero'], [3, 'Quân số', 'tooSmall'], [4, 'Số máy cấp CCCD', 'kitNeededForCccd']]],
  ['absurd-vehicles.csv', 'vehicles', '', [[2, 'Số chỗ', 'tooSmall'], [3, 'Số chỗ', 'motorbikeSeats'], [4, 'Chi phí (đ/km)', 'tooSmall'], [5, 'Nơi đóng', 'unknownBase']]],
  ['outside-vietnam.csv', 'hamlets', '', [[2, 'Vĩ độ', 'outsideVietnam'], [2, 'Kinh độ', 'outsideVietnam']]],
  ['unknown-commune.xlsx', 'hamlets', '', [[2, 'Xã', 'unknownCommune']]],
  ['bad-dates.csv', 'hamlets', '', [[2, 'Ngày thống kê', 'notDate'], [3, 'Ngày thống kê', 'notDate']]],
];

describe('bad files are refused by name and change nothing', () => {
  it.each(badFiles)('%s', async (file, list, fileProblem, rejects) => {
    const before = snapshot(app.ctx);
    const p = await preview(app, list, file);
    expect(p.canConfirm).toBe(false);
    if (fileProblem) expect(p.fileProblem?.key).toBe(fileProblem);
    if (rejects) expect(p.rejects.map((r) => [r.row, r.column, r.key])).toEqual(rejects);
    const refused = await confirm(app, list, file, p);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('CONFLICT');
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a file with good rows and one bad row is not half-imported, even when asked for the good rows only', async () => {
    const before = snapshot(app.ctx);
    const p = await preview(app, 'hamlets', 'text-in-numbers.csv');
    expect(p.counts).toMatchObject({ adds: 1, rejects: 2 });
    const forced = await app.rpc('import.confirm', { list: 'hamlets', fileName: 'x.csv', base64: fixture('text-in-numbers.csv'), expected: { adds: 1, updates: 0 } });
    expect(forced).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'importHasRejects' } } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a confirm whose preview no longer holds is refused', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-good.xlsx');
    valueOf(await confirm(app, 'hamlets', 'hamlets-good.xlsx', p));
    const before = snapshot(app.ctx);
    const again = await confirm(app, 'hamlets', 'hamlets-good.xlsx', p);
    expect(again).toMatchObject({ ok: false, error: { details: { key: 'previewOutdated' } } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('an upload over 20 MB is refused before it is read', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41).toString('base64');
    const env = await app.rpc('import.preview', { list: 'hamlets', fileName: 'big.csv', base64: big });
    expect(env.ok).toBe(false);
    const justOver = Buffer.alloc(20 * 1024 * 1024 + 10, 0x41).toString('base64');
    expect((await preview(app, 'hamlets', 'big.csv', justOver)).fileProblem).toEqual({ key: 'tooLarge', params: { maxMb: 20 } });
  });
});
