import { describe, expect, it } from 'vitest';
import { clearanceDate, residualLeft, shortfall } from '../../../src-main/core/analysis';
import type { PlanningInstance, Route } from '../../../src-main/core/model';
import { applyScenario } from '../../../src-main/core/scenario';
import { verifyPlan } from '../../../src-main/core/verify';
import { backlog, demoInstance, EVENING, hamlet, instance, MONDAY, planFrozen } from '../planner/fixtures';

/** One route on Monday evening taking `eid` people at hamlet `hamletId`. */
const visit = (hamletId: number, eid: number, date = MONDAY): Route => ({
  date, templateId: EVENING.id, teamId: 1, vehicleIds: [1], baseId: 1, departMin: 1080, returnMin: 1320,
  stops: [{ hamletId, arriveMin: 1090, startMin: 1100, endMin: 1300, quota: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: 0 } }],
  distanceM: 1000, cost: 3000, pinned: false,
});

function twoHamlets(): PlanningInstance {
  // 200 e-ID each (2 % is 4 people); reach 0.9, so even 2 left can be met: only the residual rule frees them.
  const reach = { weekday_day: 0.1, weekday_evening: 0.9, weekend: 0.9 };
  return instance({
    campaign: { name: 'Thử', startDate: MONDAY, deadline: '2024-11-08' },
    hamlets: [hamlet(1, { population: 400, reach }), hamlet(2, { population: 400, reach })],
    backlogs: [backlog(1, 200), backlog(2, 200)],
  });
}

describe('the verdict: what is left for the commune post is not a shortfall', () => {
  it('a hamlet with no more than max(3, 2 %) left is done, shown apart; one with more is short by all it has left', () => {
    const inst = twoHamlets();
    const routes = [visit(1, 196), visit(2, 190)];
    expect(shortfall(inst, routes)).toEqual([expect.objectContaining({ hamletId: 2, missing: { cccd: 0, eid: 10 } })]);
    expect(residualLeft(inst, routes)).toEqual({ people: 4, hamlets: 1 });
    expect(clearanceDate(inst, routes)).toBeNull();
    const both = [visit(1, 196), visit(2, 196, '2024-11-05')];
    expect(shortfall(inst, both)).toEqual([]);
    expect(residualLeft(inst, both)).toEqual({ people: 8, hamlets: 2 });
    expect(clearanceDate(inst, both)).toBe('2024-11-05');
  });

  it('the residual is the user’s to set', () => {
    const strict = { ...twoHamlets(), residual: { people: 0, percent: 0 } };
    expect(shortfall(strict, [visit(1, 196), visit(2, 196)]).map((s) => s.missing.eid)).toEqual([4, 4]);
  });

  it('the demo with three times the teams meets the deadline and lists no hamlet short, only what is left to the posts', async () => {
    const demo = demoInstance();
    const tripled = applyScenario(demo, demo.teams.map((t) => ({ kind: 'addTeams' as const, count: 2, likeTeam: t.code, withVehicles: true }))).instance;
    const { routes, report } = await planFrozen(tripled, 1, 3);
    expect(report.deadlineMet).toBe(true);
    expect(report.shortfall).toEqual([]);
    expect(report.hamletsShort).toBe(0);
    expect(report.residual!.people).toBeGreaterThan(0);
    expect(report.residual!.people).toBeLessThanOrEqual(3 * 2 * demo.hamlets.length);
    expect(verifyPlan(tripled, routes, report).violations).toEqual([]);
  });

  it('a report that says "met" with a hamlet short is refused by the verifier', async () => {
    const inst = twoHamlets();
    const { routes, report } = await planFrozen({ ...inst, campaign: { ...inst.campaign, deadline: MONDAY } });
    expect(report.deadlineMet).toBe(false);
    expect(report.shortfall.length).toBeGreaterThan(0);
    const lie = { ...report, deadlineMet: true, clearanceDate: MONDAY };
    expect(verifyPlan({ ...inst, campaign: { ...inst.campaign, deadline: MONDAY } }, routes, lie).violations.map((v) => v.params?.what)).toContain('deadline met');
  });
});
