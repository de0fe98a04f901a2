import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntryDto, ListName, RegisterList } from '../../src-main/api/contract';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { planVisiting, type App } from './register-helpers';

// Issue 16: a confirmed delete of a hamlet rewrote the published plan (its routes and visits went,
// its stored report did not). Published and archived plans stay as they were published.
let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const keyOf = async (list: ListName, pick: (r: Record<string, unknown>) => boolean): Promise<string> =>
  valueOf<RegisterList>(await app.rpc('register.list', { list })).rows.find((r) => pick(r.record))!.key;
const publish = async (planId: number) => valueOf(await app.rpc('plans.publish', { planId }));
const planRows = () => ({
  routes: app.ctx.db.prepare('SELECT * FROM plan_routes ORDER BY id').all(),
  visits: app.ctx.db.prepare('SELECT * FROM plan_visits ORDER BY id').all(),
});

interface Deps {
  blockers: Array<{ key: string; params?: Record<string, unknown> }>;
  affects: Array<{ key: string; params?: Record<string, unknown> }>;
}

describe('a delete never rewrites a published or archived plan', () => {
  it('a hamlet visited by the published plan: refused, naming the plan, even when confirmed; nothing changes', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-03');
    await publish(planVisiting(app.ctx, [Number(key), 1], 'Kế hoạch tuần 47'));
    const deps = valueOf<Deps>(await app.rpc('register.dependents', { list: 'hamlets', key }));
    expect(deps.blockers).toEqual([{ key: 'visitsInPublishedPlan', params: { plan: 'Kế hoạch tuần 47', visits: 1 } }]);
    const before = snapshot(app.ctx);
    const env = await app.rpc('register.delete', { list: 'hamlets', key, confirm: true });
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'visitsInPublishedPlan' } } });
    expect(!env.ok && env.error.message).toContain('Kế hoạch tuần 47');
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('an archived plan is held to the same rule', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-03');
    await publish(planVisiting(app.ctx, [Number(key)], 'Kế hoạch cũ'));
    await publish(planVisiting(app.ctx, [1], 'Kế hoạch mới'));
    const deps = valueOf<Deps>(await app.rpc('register.dependents', { list: 'hamlets', key }));
    expect(deps.blockers).toEqual([{ key: 'visitsInArchivedPlan', params: { plan: 'Kế hoạch cũ', visits: 1 } }]);
    const before = snapshot(app.ctx);
    expect(await app.rpc('register.delete', { list: 'hamlets', key, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it.each([
    ['teams', "SELECT team_id AS id FROM plan_routes"],
    ['vehicles', "SELECT value AS id FROM plan_routes, json_each(plan_routes.vehicle_ids)"],
    ['shifts', "SELECT template_id AS id FROM plan_routes"],
    ['bases', "SELECT base_id AS id FROM plan_routes"],
  ] as const)('a record of %s a published route uses cannot be deleted either', async (list, sql) => {
    await publish(planVisiting(app.ctx, [1, 2], 'Kế hoạch tuần 47'));
    const key = String((app.ctx.db.prepare(`${sql} LIMIT 1`).get() as { id: number }).id);
    const deps = valueOf<Deps>(await app.rpc('register.dependents', { list, key }));
    expect(deps.blockers).toContainEqual({ key: 'routesInPublishedPlan', params: { plan: 'Kế hoạch tuần 47', routes: 1 } });
    const before = planRows();
    expect(await app.rpc('register.delete', { list, key, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(planRows()).toEqual(before);
  });

  it('a draft plan may still lose the record, and the dialog says it is a draft', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-03');
    planVisiting(app.ctx, [Number(key), 1], 'Bản nháp A');
    const deps = valueOf<Deps>(await app.rpc('register.dependents', { list: 'hamlets', key }));
    expect(deps.blockers).toEqual([]);
    expect(deps.affects[0]).toEqual({ key: 'visitsInDrafts', params: { visits: 1, plans: 1, names: 'Bản nháp A' } });
    valueOf(await app.rpc('register.delete', { list: 'hamlets', key, confirm: true }));
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plan_visits WHERE hamlet_id = ?').get(Number(key))).toEqual({ n: 0 });
  });

  it('undo of a delete does not put visits back into a plan published since', async () => {
    const key = await keyOf('hamlets', (r) => r.code === '15607-03');
    const planId = planVisiting(app.ctx, [Number(key), 1], 'Bản nháp A');
    valueOf(await app.rpc('register.delete', { list: 'hamlets', key, confirm: true }));
    await publish(planId);
    const before = snapshot(app.ctx);
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    expect(await app.rpc('undo.last', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('the database itself refuses to change the routes or visits of a published plan (whatever the code path)', async () => {
    const planId = planVisiting(app.ctx, [1, 2], 'Kế hoạch tuần 47');
    await publish(planId);
    const db = app.ctx.db;
    const route = db.prepare('SELECT id FROM plan_routes WHERE plan_id = ?').get(planId) as { id: number };
    expect(() => db.prepare('DELETE FROM plan_visits WHERE route_id = ?').run(route.id)).toThrow(/read-only/);
    expect(() => db.prepare('DELETE FROM plan_routes WHERE id = ?').run(route.id)).toThrow(/read-only/);
    expect(() => db.prepare('UPDATE plan_visits SET quota_eid = 0 WHERE route_id = ?').run(route.id)).toThrow(/read-only/);
    expect(() => db.prepare('UPDATE plan_routes SET team_id = team_id WHERE id = ?').run(route.id)).toThrow(/read-only/);
    expect(() => db.prepare("INSERT INTO plan_visits (route_id, seq, hamlet_id, arrive_min, start_min, end_min) VALUES (?, 9, 3, 0, 0, 0)").run(route.id))
      .toThrow(/read-only/);
    // Pinning a published route stays possible (re-planning prefers the published future), and a reset still empties everything.
    expect(valueOf(await app.rpc('plans.pin', { planId, routeIds: [route.id], pinned: true }))).toEqual({ changed: 1 });
    valueOf(await app.rpc('demo.reset', { confirm: true }));
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_routes').get()).toEqual({ n: 0 });
  });
});
