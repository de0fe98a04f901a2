import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LIST_NAMES, type AuditEntryDto, type FileDownload, type JournalEntryDto, type Overview, type RegisterList, type SaveResult,
} from '../../src-main/api/contract';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { confirm, domain, planVisiting, preview, type App } from './register-helpers';

let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const list = async (name: string) => valueOf<RegisterList>(await app.rpc('register.list', { list: name }));
const save = async (name: string, key: string | null, values: Record<string, unknown>) =>
  valueOf<SaveResult>(await app.rpc('register.save', { list: name, key, values }));
const keyOf = async (name: string, pick: (r: Record<string, unknown>) => boolean) => (await list(name)).rows.find((r) => pick(r.record))!.key;

describe('export then import changes nothing (round trip)', () => {
  for (const name of LIST_NAMES) {
    it.each(['xlsx', 'csv'] as const)(`${name} as %s, in both languages`, async (format) => {
      for (const language of ['vi', 'en'] as const) {
        const file = valueOf<FileDownload>(await app.rpc('export.list', { list: name, format, language }));
        expect(file.fileName).toMatch(new RegExp(`\\.${format}$`));
        const before = snapshot(app.ctx);
        const p = await preview(app, name, file.fileName, file.base64);
        expect(p.fileProblem).toBeNull();
        expect(p.rejects).toEqual([]);
        expect(p.counts).toMatchObject({ adds: 0, updates: 0, rejects: 0 });
        expect(p.counts.unchanged).toBe((await list(name)).rows.length);
        expect(valueOf(await confirm(app, name, file.fileName, p, file.base64))).toEqual({ added: 0, updated: 0 });
        expect(snapshot(app.ctx)).toEqual(before);
      }
    });
  }

  it('the template has a blank data sheet, Vietnamese notes and example rows, and imports as "no data"', async () => {
    const t = valueOf<FileDownload>(await app.rpc('export.template', { list: 'hamlets' }));
    expect(t.fileName).toBe('mau-thon-ban.xlsx');
    const p = await preview(app, 'hamlets', t.fileName, t.base64);
    expect(p.fileProblem).toEqual({ key: 'noDataRows', params: { sheet: 'Thôn bản' } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thôn bản', 'Ghi chú', 'Ví dụ']);
    expect(wb.getWorksheet('Ghi chú')!.getRow(2).getCell(6).text).toContain('Mã thôn');
    expect(wb.getWorksheet('Ví dụ')!.rowCount).toBe(3);
  });
});

describe('editing with inline validation', () => {
  it('a backlog edit changes the home totals and is audited with before -> after', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-01');
    const saved = await save('hamlets', key, { remainingEid: 128, countedOn: '2022-11-30' });
    expect(saved).toEqual({ saved: true, key, changed: ['remainingEid', 'countedOn'] });
    expect(valueOf<Overview>(await app.rpc('overview.get')).backlog.eid).toBe(65_720 - 100);
    const [entry] = valueOf<AuditEntryDto[]>(await app.rpc('audit.list', { limit: 1 }));
    expect(entry).toMatchObject({ action: 'edit', entity: 'hamlets', entityId: key });
    expect(entry!.userName).not.toBe('');
    expect((entry!.details as { changes: unknown[] }).changes).toEqual([
      { field: 'remainingEid', before: 228, after: 128 }, { field: 'countedOn', before: '2022-11-17', after: '2022-11-30' },
    ]);
  });

  it('a changed count without a date is dated today', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-02');
    await save('hamlets', key, { remainingCccd: 1 });
    const row = (await list('hamlets')).rows.find((r) => r.key === key)!;
    expect(row.record.countedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.record.countedOn).not.toBe('2022-11-17');
  });

  it.each([
    ['hamlets', { remainingEid: 5000 }, 'remainingEid', 'backlogOverPopulation'],
    ['hamlets', { homeboundEid: 500 }, 'homeboundEid', 'homeboundOverRemaining'],
    ['hamlets', { lat: 48.85 }, 'lat', 'outsideVietnam'],
    ['hamlets', { reachWeekend: 2 }, 'reachWeekend', 'tooBig'],
    ['hamlets', { commune: 'Xã Không Có' }, 'commune', 'unknownCommune'],
    ['hamlets', { name: '' }, 'name', 'required'],
    ['hamlets', { population: 12.5 }, 'population', 'notInteger'],
    ['teams', { throughputCccd: 0 }, 'throughputCccd', 'throughputZero'],
    ['teams', { kits: 0 }, 'kits', 'kitNeededForCccd'],
    ['teams', { size: 0 }, 'size', 'tooSmall'],
    ['teams', { services: [] }, 'services', 'emptyList'],
    ['teams', { code: 'LD-02' }, 'code', 'alreadyUsed'],
    ['vehicles', { seats: 0 }, 'seats', 'tooSmall'],
    ['vehicles', { base: 'Nowhere' }, 'base', 'unknownBase'],
    ['shifts', { endMin: 600 }, 'endMin', 'endBeforeStart'],
  ] as const)('%s %j is refused on its field', async (name, values, field, key) => {
    const rowKey = (await list(name)).rows[0]!.key;
    const before = snapshot(app.ctx);
    const result = await save(name, rowKey, values);
    expect(result.saved).toBe(false);
    expect(!result.saved && result.problems.map((p) => [p.field, p.key])).toContainEqual([field, key]);
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('moving a holiday to another date or a travel pair to other ends keeps one row, and undo moves it back', async () => {
    const before = domain(app.ctx);
    expect(await save('calendar', '2023-01-02', { date: '2023-01-03' })).toEqual({ saved: true, key: '2023-01-03', changed: ['date'] });
    expect(await save('travel', 'b:1>b:2', { to: 'Công an xã Yên Nhân' })).toMatchObject({ saved: false });
    expect(await save('travel', 'b:1>b:2', { to: '15607-01', minutes: 90 })).toEqual({ saved: true, key: 'b:1>h:1', changed: ['to', 'minutes'] });
    expect((await list('calendar')).rows.map((r) => r.key)).toContain('2023-01-03');
    for (let i = 0; i < 2; i++) {
      const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
      valueOf(await app.rpc('undo.last', { id: entry.id }));
    }
    expect(domain(app.ctx)).toEqual(before);
  });

  it('adds a holiday, a travel pair and a member, and the campaign deadline', async () => {
    expect(await save('calendar', null, { date: '2022-12-24', kind: 'blackout', name: 'Diễn tập' })).toMatchObject({ saved: true, key: '2022-12-24' });
    expect(await save('travel', null, { from: '15607-01', to: '15607-03', distanceKm: 2.5, minutes: 9 })).toMatchObject({ saved: true, key: 'h:1>h:3' });
    expect(await save('members', null, { team: 'LD-01', name: 'Lò Văn Mới', rank: 'Trung úy' })).toMatchObject({ saved: true });
    const bad = valueOf<SaveResult>(await app.rpc('campaign.update', { name: 'Đợt', startDate: '2022-11-17', deadline: '01/01/2022' }));
    expect(!bad.saved && bad.problems.map((p) => [p.field, p.key])).toEqual([['deadline', 'notDate']]);
    const late = valueOf<SaveResult>(await app.rpc('campaign.update', { name: 'Đợt', startDate: '2022-11-17', deadline: '2022-11-01' }));
    expect(!late.saved && late.problems.map((p) => [p.field, p.key])).toEqual([['deadline', 'deadlineBeforeStart']]);
    expect(valueOf<SaveResult>(await app.rpc('campaign.update', { name: 'Đợt', startDate: '2022-11-17', deadline: '2023-01-31' })).saved).toBe(true);
    expect(valueOf<Overview>(await app.rpc('overview.get')).campaign?.deadline).toBe('2023-01-31');
  });
});

describe('deleting asks what depends on it; foreign keys stay whole', () => {
  it('a hamlet used by plans: named dependents, refused without confirm, then removed from the plans too', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-03');
    planVisiting(app.ctx, [Number(key), 1]);
    planVisiting(app.ctx, [Number(key)], 'Kế hoạch hai');
    const deps = valueOf<{ label: string; blockers: unknown[]; affects: unknown[] }>(await app.rpc('register.dependents', { list: 'hamlets', key }));
    const pairs = (app.ctx.db.prepare("SELECT COUNT(*) AS n FROM travel_pairs WHERE from_key = 'h:' || ? OR to_key = 'h:' || ?").get(key, key) as { n: number }).n;
    expect(pairs).toBeGreaterThan(0);
    expect(deps).toEqual({
      label: 'Bản Lùm Nưa (Xã Bát Mọt)', blockers: [],
      affects: [{ key: 'visitsInDrafts', params: { visits: 2, plans: 2, names: 'Kế hoạch hai, Kế hoạch thử' } }, { key: 'travelGo', params: { count: pairs } }],
    });
    const before = snapshot(app.ctx);
    const beforeDomain = domain(app.ctx);
    expect(await app.rpc('register.delete', { list: 'hamlets', key, confirm: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
    valueOf(await app.rpc('register.delete', { list: 'hamlets', key, confirm: true }));
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plan_visits WHERE hamlet_id = ?').get(Number(key))).toEqual({ n: 0 });
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plan_routes').get()).toEqual({ n: 1 });
    expect(app.ctx.db.pragma('foreign_key_check')).toEqual([]);
    expect(app.ctx.db.prepare("SELECT COUNT(*) AS n FROM travel_pairs WHERE from_key = 'h:' || ? OR to_key = 'h:' || ?").get(key, key)).toEqual({ n: 0 });
    // Undo brings back the hamlet, its backlog and both plans' visits.
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect(domain(app.ctx)).toEqual(beforeDomain);
  });

  it('a commune with hamlets cannot be deleted; a base with teams neither', async () => {
    const commune = await keyOf('communes', (r) => r.code === '15607');
    expect(valueOf(await app.rpc('register.dependents', { list: 'communes', key: commune }))).toMatchObject({
      blockers: [{ key: 'communeHasHamlets', params: { count: 9 } }, { key: 'communeHasBases', params: { count: 1 } }],
    });
    const before = snapshot(app.ctx);
    expect(await app.rpc('register.delete', { list: 'communes', key: commune, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.rpc('register.delete', { list: 'bases', key: '1', confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a team goes with its members and its routes; undo restores all of them', async () => {
    const key = await keyOf('teams', (r) => r.code === 'LD-01');
    planVisiting(app.ctx, [1, 2]);
    const before = domain(app.ctx);
    const deps = valueOf<{ affects: unknown[] }>(await app.rpc('register.dependents', { list: 'teams', key }));
    expect(deps.affects).toEqual([{ key: 'routesInDrafts', params: { routes: 1, plans: 1, names: 'Kế hoạch thử' } }, { key: 'membersGo', params: { count: 4 } }]);
    valueOf(await app.rpc('register.delete', { list: 'teams', key, confirm: true }));
    expect(domain(app.ctx)).not.toEqual(before);
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect(domain(app.ctx)).toEqual(before);
  });
});

describe('undo and the audit log', () => {
  it('undoes the last import in one step, then the edit before it; both recorded in the audit log', async () => {
    const start = domain(app.ctx);
    const key = await keyOf('hamlets', (r) => r.code === '15607-05');
    await save('hamlets', key, { remainingEid: 10 });
    const afterEdit = domain(app.ctx);
    const p = await preview(app, 'hamlets', 'hamlets-good.xlsx');
    valueOf(await confirm(app, 'hamlets', 'hamlets-good.xlsx', p));
    const peek = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek')).entry;
    expect(peek).toMatchObject({ action: 'import', list: 'hamlets', summary: { key: 'importDone', params: { added: 2, updated: 1 } } });
    expect(await app.rpc('undo.last', { id: peek.id + 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    valueOf(await app.rpc('undo.last', { id: peek.id }));
    expect(domain(app.ctx)).toEqual(afterEdit);
    const second = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek')).entry;
    expect(second).toMatchObject({ action: 'edit' });
    valueOf(await app.rpc('undo.last', { id: second.id }));
    expect(domain(app.ctx)).toEqual(start);
    const actions = valueOf<AuditEntryDto[]>(await app.rpc('audit.list', {})).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(['undo', 'undo', 'import', 'edit']);
  });

  it('undo refuses to overwrite what something else changed since, and changes nothing', async () => {
    expect(await save('hamlets', '1', { remainingEid: 150 })).toMatchObject({ saved: true });
    app.ctx.db.prepare('UPDATE backlogs SET remaining_eid = 140 WHERE hamlet_id = 1').run();
    const before = snapshot(app.ctx);
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    expect(await app.rpc('undo.last', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'undoConflict' } } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a journal entry without a fingerprint (made before schema v3) is not offered for undo', async () => {
    expect(await save('hamlets', '1', { remainingEid: 150 })).toMatchObject({ saved: true });
    app.ctx.db.prepare("UPDATE undo_journal SET after_hash = ''").run();
    expect(valueOf<{ entry: unknown }>(await app.rpc('undo.peek')).entry).toBeNull();
  });

  it('a data reset voids the undo of earlier changes', async () => {
    expect(await save('hamlets', '1', { remainingEid: 100 })).toMatchObject({ saved: true });
    expect(valueOf<{ entry: unknown }>(await app.rpc('undo.peek')).entry).not.toBeNull();
    await app.rpc('demo.reset', { confirm: true });
    expect(valueOf<{ entry: unknown }>(await app.rpc('undo.peek')).entry).toBeNull();
  });

  it('undo of an import refuses when a plan made since uses an imported hamlet, and changes nothing', async () => {
    const p = await preview(app, 'hamlets', 'hamlets-good.xlsx');
    valueOf(await confirm(app, 'hamlets', 'hamlets-good.xlsx', p));
    const added = await keyOf('hamlets', (r) => r.code === '15607-10');
    planVisiting(app.ctx, [Number(added)]);
    const before = snapshot(app.ctx);
    const entry = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek')).entry;
    // The plan's own audit row sits between, but the import is still the last register change.
    const env = await app.rpc('undo.last', { id: entry.id });
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });
});

describe('a form asks what is wrong without saving (check)', () => {
  it('names every problem of the values and saves nothing; good values are "no problem", still not saved', async () => {
    const before = snapshot(app.ctx);
    const first = (await list('vehicles')).rows[0]!.record;
    const bad = valueOf<SaveResult>(await app.rpc('register.save', { list: 'vehicles', key: null, check: true, values: { ...first, code: '36B1-999.99', name: '', seats: 0 } }));
    expect(bad.saved).toBe(false);
    expect(!bad.saved && bad.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['name', 'seats']));
    const good = valueOf<SaveResult>(await app.rpc('register.save', { list: 'vehicles', key: null, check: true, values: { ...first, code: '36B1-999.99' } }));
    expect(good).toEqual({ saved: false, problems: [] });
    expect(snapshot(app.ctx)).toEqual(before);
  });
});

