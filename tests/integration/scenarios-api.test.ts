/** Issue 13 through the contract: scenarios made, planned, asked "what would it take", deleted; the base data never changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinExtraRunDto, PlanRun, ScenarioDto } from '../../src-main/api/contract';
import type { PlanSummary } from '../../src-main/core/model';
import { testApp, valueOf } from '../helpers/app';
import { domain } from './register-helpers';

let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  app = testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

/** The base data: every planning table but the scenarios and their plans. */
const base = (): Record<string, unknown[]> => {
  const { scenarios: _s, plans: _p, plan_routes: _r, plan_visits: _v, ...rest } = domain(app.ctx);
  return rest;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T extends { state: string }>(poll: () => Promise<T>): Promise<T> {
  for (;;) {
    const run = await poll();
    if (run.state !== 'running') return run;
    await sleep(150);
  }
}

describe('scenarios', () => {
  let lose2: ScenarioDto;
  let before: Record<string, unknown[]>;

  it('a change that cannot apply is refused naming the change and field; nothing saved', async () => {
    before = base();
    const env = await app.rpc('scenarios.create', { name: 'Mất 9 xe ô tô', changes: [{ kind: 'loseVehicles', vehicleKind: 'car', count: 9 }] });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(!env.ok && env.error.message).toMatch(/change 1 \(loseVehicles\), count: only 2 vehicles of kind car/);
    expect(valueOf<ScenarioDto[]>(await app.rpc('scenarios.list', {}))).toEqual([]);
  });

  it('"Mất 2 xe ô tô" is made, planned as a draft of its own, and cannot be published', async () => {
    lose2 = valueOf<ScenarioDto>(await app.rpc('scenarios.create', { name: 'Mất 2 xe ô tô', changes: [{ kind: 'loseVehicles', vehicleKind: 'car', count: 2 }] }));
    expect(lose2.lastPlan).toBeNull();
    const { runId } = valueOf<{ runId: string }>(await app.rpc('scenarios.plan', { id: lose2.id, timeLimitSeconds: 1 }));
    const run = await until(async () => valueOf<PlanRun>(await app.rpc('plan.status', { runId })));
    expect(run.state).toBe('done');
    const [listed] = valueOf<ScenarioDto[]>(await app.rpc('scenarios.list', {}));
    expect(listed!.lastPlan).toMatchObject({ id: run.planId, scenarioId: lose2.id, status: 'draft' });
    expect(await app.rpc('plans.publish', { planId: run.planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'scenarioPlan' } } });
    expect(base()).toEqual(before);
  });

  it('cloned and renamed; the copy keeps the changes', async () => {
    const copy = valueOf<ScenarioDto>(await app.rpc('scenarios.create', { name: 'Mất 2 xe, hạn sớm 1 tuần', cloneOf: lose2.id, changes: [{ kind: 'deadline', deadline: '2022-12-24' }] }));
    expect(copy.changes.map((c) => c.kind)).toEqual(['loseVehicles', 'deadline']);
    const renamed = valueOf<ScenarioDto>(await app.rpc('scenarios.update', { id: copy.id, name: 'Hạn 24/12' }));
    expect(renamed).toMatchObject({ name: 'Hạn 24/12', changes: copy.changes });
  });

  it('"what would it take": a number only with its evidence, saved as the scenario\'s plan', async () => {
    const many = valueOf<ScenarioDto>(await app.rpc('scenarios.create', { name: 'Mượn 10 tổ', changes: [{ kind: 'addTeams', count: 10, likeTeam: 'LD-01' }] }));
    const { runId } = valueOf<{ runId: string }>(await app.rpc('scenarios.minExtra', { id: many.id, resource: { kind: 'teams', likeTeam: 'LD-01' }, maxExtra: 2, timeLimitSeconds: 2 }));
    const run = await until(async () => valueOf<MinExtraRunDto>(await app.rpc('scenarios.minExtraStatus', { runId })));
    expect(run.state).toBe('done');
    expect(run.steps[0]).toMatchObject({ k: 0, what: 'bound' });
    const a = run.answer!;
    expect(a.deadline).toBe('2022-12-31');
    if (a.minimum !== null) {
      expect(a).toMatchObject({ planMeetsDeadline: true, checkerValid: true });
      const plans = valueOf<PlanSummary[]>(await app.rpc('plans.list', {}));
      expect(plans.find((p) => p.id === a.planId)).toMatchObject({ scenarioId: many.id, deadlineMet: true, extra: `teams +${a.minimum}`, name: `Mượn 10 tổ: thêm ${a.minimum} tổ (như tổ LD-01)` });
      // The scenario's own verdict is not the one with teams added: it was never planned itself.
      const listed = valueOf<ScenarioDto[]>(await app.rpc('scenarios.list', {})).find((x) => x.id === many.id);
      expect(listed?.lastPlan).toBeNull();
      // Nor is its brief: the plan with teams added is not the scenario's answer to its own question.
      expect(await app.rpc('scenarios.brief', { id: many.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'scenarioNotPlanned' } } });
      expect(a.provenMinimal).toBe(a.minimum === 0 || (a.boundForOneFewer !== null && a.boundForOneFewer < a.need));
    } else {
      expect(a.planId).toBeNull();
    }
    expect(await app.rpc('scenarios.minExtra', { id: many.id, resource: { kind: 'teams', likeTeam: 'NO-SUCH' } })).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    // A base the manager names must exist: else the teams would silently not be added.
    const unknownBase = await app.rpc('scenarios.minExtra', { id: many.id, resource: { kind: 'teams', likeTeam: 'LD-01', baseName: 'Công an xã Không Có' } });
    expect(unknownBase).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS', message: expect.stringContaining('resource.baseName') } });
  });

  it('"what would it take" in shifts: the ticked shifts, each copied onto the days it lacks, added in order', async () => {
    const tight = valueOf<ScenarioDto>(await app.rpc('scenarios.create', { name: 'Hạn 10/12', changes: [{ kind: 'deadline', deadline: '2022-12-10' }] }));
    const bad = await app.rpc('scenarios.minExtra', { id: tight.id, resource: { kind: 'shifts', shiftCodes: ['KHONG-CO'] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(!bad.ok && bad.error.message).toMatch(/resource.shiftCodes: no shift KHONG-CO/);
    const { runId } = valueOf<{ runId: string }>(await app.rpc('scenarios.minExtra', {
      id: tight.id, resource: { kind: 'shifts', shiftCodes: ['SANG-T7-CN', 'TOI-T7-CN'] }, maxExtra: 2, timeLimitSeconds: 1,
    }));
    const run = await until(async () => valueOf<MinExtraRunDto>(await app.rpc('scenarios.minExtraStatus', { runId })));
    expect(run.state).toBe('done');
    // Never more than the two shifts ticked; a number only with its evidence.
    expect(Math.max(...run.steps.map((st) => st.k))).toBeLessThanOrEqual(2);
    const a = run.answer!;
    if (a.minimum !== null) expect(a).toMatchObject({ planMeetsDeadline: true, checkerValid: true });
    else expect(a.planId).toBeNull();
  });

  it('deleted with its plans; the base data and the other plans stay', async () => {
    const plansBefore = valueOf<PlanSummary[]>(await app.rpc('plans.list', {}));
    expect(valueOf(await app.rpc('scenarios.delete', { id: lose2.id }))).toEqual({ deleted: lose2.id });
    const plansAfter = valueOf<PlanSummary[]>(await app.rpc('plans.list', {}));
    expect(plansAfter).toEqual(plansBefore.filter((p) => p.scenarioId !== lose2.id));
    expect(await app.rpc('scenarios.delete', { id: lose2.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(base()).toEqual(before);
  });
});
