/**
 * Issue 13, item 5: plans have names the user gives, a draft can be deleted (a published or
 * archived plan never), and a plan whose data changed since it was made says so.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryDto, ListName, PlanRun, RegisterList, SaveResult } from '../../src-main/api/contract';
import type { PlanSummary } from '../../src-main/core/model';
import { dataVersion } from '../../src-main/db';
import { saveSamplePlan } from '../helpers/sample-plan';
import { testApp, valueOf } from '../helpers/app';

let app: ReturnType<typeof testApp>;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const plans = async (): Promise<PlanSummary[]> => valueOf<PlanSummary[]>(await app.rpc('plans.list', {}));
const summary = async (id: number): Promise<PlanSummary> => (await plans()).find((p) => p.id === id)!;
const rows = (sql: string, ...args: unknown[]): number => (app.ctx.db.prepare(sql).get(...args) as { n: number }).n;
const firstRow = async (list: ListName) => valueOf<RegisterList>(await app.rpc('register.list', { list })).rows[0]!;
/** A form save that must go through (the test is about what follows it). */
const save = async (list: ListName, key: string, values: Record<string, unknown>): Promise<void> => {
  expect(valueOf<SaveResult>(await app.rpc('register.save', { list, key, values }))).toMatchObject({ saved: true });
};

describe('plans with names', () => {
  it('any plan can be renamed, published included; the audit log says from what to what', async () => {
    const draft = saveSamplePlan(app.ctx.db);
    const published = saveSamplePlan(app.ctx.db, { status: 'published' });
    expect(valueOf<PlanSummary>(await app.rpc('plans.rename', { planId: draft, name: '  Tuần 48, thêm đội Xuân Cao ' })).name).toBe('Tuần 48, thêm đội Xuân Cao');
    expect(valueOf<PlanSummary>(await app.rpc('plans.rename', { planId: published, name: 'Kế hoạch đã gửi xã' })).status).toBe('published');
    expect((await summary(published)).name).toBe('Kế hoạch đã gửi xã');
    const audit = valueOf<AuditEntryDto[]>(await app.rpc('audit.list', {}));
    expect(audit.find((a) => a.action === 'rename' && a.entityId === String(draft))?.details).toEqual({ from: 'Kế hoạch mẫu tuần 48', to: 'Tuần 48, thêm đội Xuân Cao' });
  });

  it('an empty name or an unknown plan is refused, naming the field', async () => {
    const draft = saveSamplePlan(app.ctx.db);
    const empty = await app.rpc('plans.rename', { planId: draft, name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(!empty.ok && empty.error.message).toContain('name: a name is needed');
    expect(await app.rpc('plans.rename', { planId: 999_999, name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a draft is deleted with its routes and visits; a published or archived plan is refused and left whole', async () => {
    const archived = saveSamplePlan(app.ctx.db, { status: 'published' });
    const published = saveSamplePlan(app.ctx.db);
    await app.rpc('plans.publish', { planId: published });
    const draft = saveSamplePlan(app.ctx.db);
    const routesOf = (id: number): number => rows('SELECT COUNT(*) AS n FROM plan_routes WHERE plan_id = ?', id);
    const visits = (): number => rows('SELECT COUNT(*) AS n FROM plan_visits');
    const keptRoutes = routesOf(published);
    const visitsBefore = visits();
    expect(routesOf(draft)).toBeGreaterThan(0);

    expect(valueOf(await app.rpc('plans.delete', { planId: draft }))).toEqual({ deleted: draft });
    expect(routesOf(draft)).toBe(0);
    expect(visits()).toBeLessThan(visitsBefore);
    expect((await plans()).map((p) => p.id)).not.toContain(draft);

    for (const kept of [published, archived]) {
      expect(await app.rpc('plans.delete', { planId: kept })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'planKept' } } });
    }
    expect(routesOf(published)).toBe(keptRoutes);
    expect((await summary(archived)).status).toBe('archived');
    expect(await app.rpc('plans.delete', { planId: draft })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a scenario\'s what-if beside the district\'s plans', () => {
  it('has no change list against the published plan: it is never printed, so nothing is "to print again"', async () => {
    saveSamplePlan(app.ctx.db, { status: 'published' });
    const draft = saveSamplePlan(app.ctx.db, { name: 'Nháp' });
    app.ctx.db.prepare("INSERT INTO scenarios (id, name, created_at) VALUES (900, 'Thêm tổ', '2022-11-20T00:00:00Z')").run();
    const whatIf = saveSamplePlan(app.ctx.db, { name: 'Thêm tổ: kế hoạch', scenarioId: 900 });
    expect(valueOf<{ against: unknown }>(await app.rpc('plans.changes', { planId: draft })).against).not.toBeNull();
    expect(valueOf(await app.rpc('plans.changes', { planId: whatIf }))).toEqual({ against: null, report: null });
  });
});

describe('a plan says when the data it was made from has changed', () => {
  it('fresh after it is made; stale once a hamlet or a team changes; a new plan is fresh again', async () => {
    const first = saveSamplePlan(app.ctx.db);
    expect((await summary(first)).stale).toBe(false);

    const hamlet = await firstRow('hamlets');
    await save('hamlets', hamlet.key, { population: Number(hamlet.record.population) + 10 });
    expect((await summary(first)).stale).toBe(true);

    const second = saveSamplePlan(app.ctx.db);
    expect((await summary(second)).stale).toBe(false);
    const team = await firstRow('teams');
    await save('teams', team.key, { size: Number(team.record.size) + 1 });
    expect((await summary(second)).stale).toBe(true);
  });

  it('publishing, pinning and renaming do not make a plan stale', async () => {
    const id = saveSamplePlan(app.ctx.db);
    await app.rpc('plans.rename', { planId: id, name: 'Tuần 48' });
    await app.rpc('plans.publish', { planId: id });
    const routeId = (app.ctx.db.prepare('SELECT id FROM plan_routes WHERE plan_id = ? LIMIT 1').get(id) as { id: number }).id;
    await app.rpc('plans.pin', { planId: id, routeIds: [routeId], pinned: true });
    expect((await summary(id)).stale).toBe(false);
  });

  it('a run whose data is edited while it works saves a plan that is stale at once', async () => {
    const { runId } = valueOf<{ runId: string }>(await app.rpc('plan.start', { timeLimitSeconds: 1 }));
    const hamlet = await firstRow('hamlets');
    await save('hamlets', hamlet.key, { population: Number(hamlet.record.population) + 10 });
    let run = valueOf<PlanRun>(await app.rpc('plan.status', { runId }));
    while (run.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      run = valueOf<PlanRun>(await app.rpc('plan.status', { runId }));
    }
    expect(run.state).toBe('done');
    expect((await summary(run.planId!)).stale).toBe(true);
    expect(dataVersion(app.ctx.db)).toBeGreaterThan(0);
  });
});
