import { describe, expect, it } from 'vitest';
import { plan } from '../../../src-main/core/planner';
import { upperBound } from '../../../src-main/core/planner/bound/bound';
import { PlanState } from '../../../src-main/core/planner/construct/state';
import { MAX_PLACES } from '../../../src-main/core/planner/plan';
import { prepare } from '../../../src-main/core/planner/prepare/prepare';
import { verifyPlan } from '../../../src-main/core/verify';
import { backlog, demoWithExtraHamlets, hamlet, instance } from './fixtures';

// Issue 16: the demo plus 1,500 imported hamlets at --time-limit 2 took 312 s (the bound's LP
// had 300 s of its own); plus 20,000 hamlets it ran out of memory with no word.
describe('time limits and sizes the planner keeps', () => {
  it('gives the bound only the time it has: an LP too big for it yields the capacity bound at once', async () => {
    const prepared = prepare(demoWithExtraHamlets(1500));
    const pinned = new PlanState(prepared);
    const t0 = performance.now();
    const bound = await upperBound(prepared, pinned.nonHomebound, pinned.homebound, () => performance.now(), undefined, 2);
    expect(bound.source).toBe('capacity');
    expect(performance.now() - t0).toBeLessThan(5_000);
    const backlog = prepared.remaining.reduce((a, b) => a + b, 0);
    expect(bound.people).toBeLessThan(backlog);
  });

  it('stops building at its time net and returns a valid plan of what it has', async () => {
    const instance = demoWithExtraHamlets(1500);
    // A clock that runs thirty times fast: every time guard of the planner is reached, while the
    // construction still gets half a real second before its net (at a hundred times, a busy machine built nothing).
    const fast = (): number => performance.now() * 30;
    const { routes, report } = await plan(instance, { seed: 1, timeLimitSeconds: 2 }, { now: fast });
    expect(routes.length).toBeGreaterThan(0);
    expect(verifyPlan(instance, routes, report).violations).toEqual([]);
    expect(report.enrolled.cccd + report.enrolled.eid).toBeLessThanOrEqual(report.upperBound);
  });

  it(`refuses a district of more than ${MAX_PLACES} places at once, saying how to split it`, async () => {
    const t0 = performance.now();
    await expect(plan(demoWithExtraHamlets(MAX_PLACES), { timeLimitSeconds: 2 })).rejects.toThrow(/at most 5,000 per district/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('the report says which bound it gives', () => {
  const small = instance({ hamlets: [hamlet(1)], backlogs: [backlog(1, 400)] });

  it("the LP's when HiGHS solves it in time", async () => {
    const { report } = await plan(small, { seed: 1, timeLimitSeconds: 1 }, { now: () => 0 });
    expect(report.upperBoundSource).toBe('lp');
  });

  it('the rough capacity bound, said as such, when the LP runs out of time (a short limit on a busy machine)', async () => {
    const outOfTime = async () => ({ Status: 'Time limit reached', ObjectiveValue: 0 });
    const { report } = await plan(small, { seed: 1, timeLimitSeconds: 1 }, { now: () => 0, solveLp: outOfTime });
    expect(report.upperBoundSource).toBe('capacity');
    expect(report.upperBound).toBeGreaterThanOrEqual(report.enrolled.cccd + report.enrolled.eid);
  });
});
