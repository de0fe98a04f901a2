import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanRun } from '../../src-main/api/contract';
import type { PlanSummary } from '../../src-main/core/model';
import { snapshot, testApp, valueOf } from '../helpers/app';

let app: ReturnType<typeof testApp>;
beforeAll(() => (app = testApp()));
afterAll(() => app.close());

async function runToEnd(params: Record<string, unknown>): Promise<PlanRun> {
  const { runId } = valueOf<{ runId: string }>(await app.rpc('plan.start', params));
  for (;;) {
    const run = valueOf<PlanRun>(await app.rpc('plan.status', { runId }));
    if (run.state !== 'running') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('planning from the app', () => {
  let first: PlanRun;

  it('a run reports progress, then saves a draft the independent verifier found valid, with its report', async () => {
    first = await runToEnd({ timeLimitSeconds: 2, from: '2022-11-17' });
    expect(first.error).toBeNull();
    expect(first.state).toBe('done');
    expect(first.planId).not.toBeNull();
    expect(app.events.some((e) => (e as { topic: string }).topic === 'plan.progress')).toBe(true);
    const plan = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: first.planId }));
    expect(plan.summary.status).toBe('draft');
    expect(plan.routes.length).toBeGreaterThan(100);
    expect(plan.report.checker).toMatchObject({ valid: true, source: 'verifier' });
    expect(plan.report.enrolled.eid + plan.report.enrolled.cccd).toBeLessThanOrEqual(plan.report.upperBound);
    expect(plan.report.burndown[0]!.date).toBe('2022-11-17');
  });

  it('a start after the deadline is refused, naming the field and the deadline; nothing is saved', async () => {
    const before = valueOf<unknown[]>(await app.rpc('plans.list')).length;
    const env = await app.rpc('plan.start', { timeLimitSeconds: 1, from: '2023-01-05' });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS', details: { key: 'fromAfterDeadline', field: 'from', params: { from: '2023-01-05', deadline: '2022-12-31' } } } });
    expect(valueOf<unknown[]>(await app.rpc('plans.list'))).toHaveLength(before);
  });

  it('only one run at a time', async () => {
    const { runId } = valueOf<{ runId: string }>(await app.rpc('plan.start', { timeLimitSeconds: 30 }));
    const second = await app.rpc('plan.start', { timeLimitSeconds: 1 });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Its time counts on before the planner has anything to report (the screen showed 0.0 s for seconds).
    await new Promise((r) => setTimeout(r, 700));
    expect(valueOf<PlanRun>(await app.rpc('plan.status', { runId })).progress.elapsedSeconds).toBeGreaterThanOrEqual(0.6);
    await app.rpc('plan.cancel', { runId });
  });

  it('cancel stops within a second and leaves the data untouched', async () => {
    // Let the previous cancelled run's worker wind down.
    await new Promise((r) => setTimeout(r, 300));
    const before = snapshot(app.ctx);
    const { runId } = valueOf<{ runId: string }>(await app.rpc('plan.start', { timeLimitSeconds: 60 }));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    const cancelled = valueOf<PlanRun>(await app.rpc('plan.cancel', { runId }));
    expect(cancelled.state).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(valueOf<PlanRun>(await app.rpc('plan.status', { runId })).state).toBe('cancelled');
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('publishing keeps earlier published plans, read-only, as history', async () => {
    const published = valueOf<PlanSummary>(await app.rpc('plans.publish', { planId: first.planId }));
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const second = await runToEnd({ timeLimitSeconds: 1 });
    valueOf(await app.rpc('plans.publish', { planId: second.planId }));
    const list = valueOf<PlanSummary[]>(await app.rpc('plans.list'));
    expect(list.find((p) => p.id === first.planId)?.status).toBe('archived');
    expect(list.find((p) => p.id === second.planId)?.status).toBe('published');
    expect(list.filter((p) => p.status === 'published')).toHaveLength(1);
    // Runs made in the same minute still get names of their own.
    expect(new Set(list.map((p) => p.name)).size).toBe(list.length);
    // The change log names the plan published, not its number.
    const [logged] = valueOf<Array<{ action: string; details: { name?: string } }>>(await app.rpc('audit.list', { limit: 1 }));
    expect(logged).toMatchObject({ action: 'publish', details: { name: list.find((p) => p.id === second.planId)!.name } });
    const pinArchived = await app.rpc('plans.pin', { planId: first.planId, routeIds: [1], pinned: true });
    expect(pinArchived).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.rpc('plans.publish', { planId: first.planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a pinned route is kept exactly by the next run', async () => {
    const draft = await runToEnd({ timeLimitSeconds: 1 });
    const plan = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: draft.planId }));
    const chosen = plan.routes[Math.floor(plan.routes.length / 2)]!;
    valueOf(await app.rpc('plans.pin', { planId: draft.planId, routeIds: [chosen.id], pinned: true }));
    const next = await runToEnd({ timeLimitSeconds: 1, basePlanId: draft.planId });
    const replanned = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: next.planId }));
    const strip = ({ id: _i, visitIds: _v, ...r }: PlanDetail['routes'][number]) => r;
    const kept = replanned.routes.filter((r) => r.pinned).map(strip);
    expect(kept).toEqual([{ ...strip(chosen), pinned: true }]);
    expect(replanned.report.checker.valid).toBe(true);
  });

  it('a hand edit that breaks the plan is flagged and not saved; a valid one is saved', async () => {
    const draft = valueOf<PlanSummary[]>(await app.rpc('plans.list')).find((p) => p.status === 'draft')!;
    const plan = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: draft.id }));
    const free = plan.routes.filter((r) => !r.pinned);
    const route = free.find((r) => free.some((o) => o.teamId !== r.teamId && o.date === r.date && o.templateId === r.templateId))!;
    const other = free.find((o) => o.teamId !== route.teamId && o.date === route.date && o.templateId === route.templateId);
    // Give the route to a team that already works that very shift: one place at a time breaks.
    const clash = valueOf<{ valid: boolean; saved: boolean; violations: Array<{ message: string }> }>(
      await app.rpc('plans.editRoute', { planId: draft.id, routeId: route.id, date: route.date, templateId: route.templateId, teamId: other!.teamId, save: true }),
    );
    expect(clash.valid).toBe(false);
    expect(clash.saved).toBe(false);
    expect(clash.violations.length).toBeGreaterThan(0);
    const unchanged = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: draft.id }));
    expect(unchanged.routes.find((r) => r.id === route.id)).toEqual(route);
    // Moving it onto itself is trivially valid and saves.
    const same = valueOf<{ valid: boolean; saved: boolean }>(
      await app.rpc('plans.editRoute', { planId: draft.id, routeId: route.id, date: route.date, templateId: route.templateId, teamId: route.teamId, save: true }),
    );
    expect(same).toMatchObject({ valid: true, saved: true });
  });
});
