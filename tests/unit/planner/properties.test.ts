import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planningInstance, planReport, route } from '../../../src-main/core/model';
import { verifyPlan } from '../../../src-main/core/verify';
import { backlog, enrolledTotal, hamlet, instance, MONDAY, planFrozen, team, vehicle } from './fixtures';
import { smallInstance } from './random';

describe('planner properties', () => {
  it('random small districts: the independent verifier accepts the plan, which never beats the LP bound', async () => {
    await fc.assert(
      fc.asyncProperty(smallInstance, async (inst) => {
        planningInstance.parse(inst);
        const result = await planFrozen(inst, 3, 0.5);
        expect(result.report.checker.violations).toEqual([]);
        expect(verifyPlan(inst, result.routes, result.report).violations).toEqual([]);
        expect(enrolledTotal(result)).toBeLessThanOrEqual(result.report.upperBound);
        // Never "met" and "short" at once.
        expect(result.report.deadlineMet && result.report.shortfall.length > 0).toBe(false);
        planReport.parse(result.report);
        for (const r of result.routes) route.parse(r);
      }),
      // PLANNER_PROPERTY_RUNS=2000 for a soak run (about 30 s per 1,000).
      { numRuns: Number(process.env.PLANNER_PROPERTY_RUNS ?? 40), seed: 20241104 },
    );
  });

  it('same instance and seed give byte-identical output', async () => {
    const inst = await fc.sample(smallInstance, { numRuns: 1, seed: 7 })[0]!;
    const a = await planFrozen(inst, 11, 1);
    const b = await planFrozen(inst, 11, 1);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps a pinned route exactly and plans around it', async () => {
    const inst = instance({
      campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' },
      hamlets: [1, 2, 3].map((id) => hamlet(id, { population: 500 })),
      backlogs: [1, 2, 3].map((id) => backlog(id, 400)),
      teams: [team(1), team(2)],
      vehicles: [vehicle(1), vehicle(2)],
    });
    const first = await planFrozen(inst);
    const chosen = { ...first.routes[Math.floor(first.routes.length / 2)]!, pinned: true };
    const again = await planFrozen({ ...inst, pinned: [chosen] });
    expect(again.report.checker.valid).toBe(true);
    expect(again.routes.filter((r) => r.pinned)).toEqual([chosen]);
    expect(again.routes.filter((r) => r.teamId === chosen.teamId && r.date === chosen.date && r.templateId === chosen.templateId))
      .toHaveLength(1);
    expect(enrolledTotal(again)).toBeLessThanOrEqual(again.report.upperBound);
  });
});
