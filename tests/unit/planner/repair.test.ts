import { describe, expect, it } from 'vitest';
import type { PlanningInstance } from '../../../src-main/core/model';
import { PlanState } from '../../../src-main/core/planner/construct/state';
import { compareSkeletons, evaluate, makeBaseline, type Baseline, type Solution } from '../../../src-main/core/planner/evaluate/objective';
import type { Skeleton } from '../../../src-main/core/planner/evaluate/route-plan';
import type { RepairParams } from '../../../src-main/core/planner/operators/repair-workspace';
import { toRoute } from '../../../src-main/core/planner/output/routes';
import { prepare } from '../../../src-main/core/planner/prepare/prepare';
import type { Prepared } from '../../../src-main/core/planner/prepare/prepared';
import { addRoutes, fillIdle, repair, swapRoutes } from '../../../src-main/core/planner/search/repair';
import { checkPlan } from '../../../src-main/core/planner/selfcheck/check';
import { backlog, hamlet, instance, MONDAY, road, team, vehicle } from './fixtures';

const params: RepairParams = { shouldStop: () => false, now: () => 0, deadlineMs: Infinity, maxWork: 100_000, previous: new Map() };

function setUp(inst: PlanningInstance): { P: Prepared; baseline: Baseline } {
  const P = prepare(inst);
  const s = new PlanState(P);
  return { P, baseline: makeBaseline(P, { nonHomebound: s.nonHomebound, homebound: s.homebound, guide: null }) };
}

/** Routes given as [slot index, team index, vehicle indices, hamlet indices]. */
function solutionOf(P: Prepared, baseline: Baseline, routes: [number, number, number[], number[]][]): Solution {
  const skeletons: Skeleton[] = routes.map(([k, t, vehicles, stops]) => ({ slot: P.slots[k]!, team: t, vehicles, stops }));
  skeletons.sort((a, b) => compareSkeletons(P, a, b));
  return { skeletons, evaluation: evaluate(P, baseline, skeletons) };
}

function valid(P: Prepared, inst: PlanningInstance, s: Solution): void {
  const routes = s.skeletons.map((sk, i) => toRoute(P, sk, s.evaluation.plans[i]!));
  expect(checkPlan(inst, routes).violations).toEqual([]);
}

describe('shortfall repair moves', async () => {
  it('swap: the kit team takes the hamlet with CCCD left, the e-ID team the other', async () => {
    // Evening, 240 min; each hamlet 10 min from the base; setup 10: 210 min of work.
    // Team 1 (kit, CCCD 10/h, e-ID 20/h) at A (e-ID only): 70 e-ID. Team 2 (e-ID only) at B
    // (CCCD only): nobody. Swapped: team 1 at B does 20 CCCD (reach 0.5 of 40), team 2 at A
    // 70 e-ID: 90 people.
    const inst = instance({
      hamlets: [hamlet(1, { population: 1000 }), hamlet(2, { population: 100 })],
      backlogs: [backlog(1, 1000), backlog(2, 0, 40)],
      teams: [
        team(1, { services: ['cccd', 'eid'], kits: 1, throughputPerHour: { cccd: 10, eid: 20 } }),
        team(2),
      ],
      vehicles: [vehicle(1), vehicle(2)],
      travel: [road('b:1', 'h:1', 10), road('b:1', 'h:2', 10), road('h:1', 'h:2', 10)],
    });
    const { P, baseline } = setUp(inst);
    const before = solutionOf(P, baseline, [[0, 0, [0], [0]], [0, 1, [1], [1]]]);
    expect(before.evaluation.objective.people).toBe(70);
    const after = await swapRoutes(P, baseline, before, params);
    expect(after.evaluation.objective.people).toBe(90);
    expect(after.skeletons.find((sk) => sk.team === 0)!.stops).toEqual([1]);
    valid(P, inst, after);
  });

  it('fill: a route with idle time gets a second hamlet', async () => {
    // A: 10 e-ID, reach 0.5 -> 5 people in 15 min, then 195 min idle. B, 5 min from A,
    // has 10 more, 5 reachable: the route A -> B enrols 10.
    const inst = instance({
      hamlets: [hamlet(1, { population: 10 }), hamlet(2, { population: 10 })],
      backlogs: [backlog(1, 10), backlog(2, 10)],
      travel: [road('b:1', 'h:1', 10), road('b:1', 'h:2', 10), road('h:1', 'h:2', 5)],
    });
    const { P, baseline } = setUp(inst);
    const before = solutionOf(P, baseline, [[0, 0, [0], [0]]]);
    expect(before.evaluation.objective.people).toBe(5);
    const after = await fillIdle(P, baseline, before, params);
    expect(after.evaluation.objective.people).toBe(10);
    expect([...after.skeletons[0]!.stops].sort()).toEqual([0, 1]);
    valid(P, inst, after);
  });

  it('add: a shift the team may still work gets a route to the people left', async () => {
    // Two evenings; the plan works only Monday: 70 of A's 500 reachable. Tuesday adds 70.
    const inst = instance({
      campaign: { name: 'Thử', startDate: MONDAY, deadline: '2024-11-05' },
      hamlets: [hamlet(1, { population: 1000 })],
      backlogs: [backlog(1, 1000)],
      travel: [road('b:1', 'h:1', 10)],
    });
    const { P, baseline } = setUp(inst);
    const before = solutionOf(P, baseline, [[0, 0, [0], [0]]]);
    expect(before.evaluation.objective.people).toBe(70);
    const after = await addRoutes(P, baseline, before, params);
    expect(after.evaluation.objective.people).toBe(140);
    expect(after.skeletons.map((sk) => sk.slot.date)).toEqual([MONDAY, '2024-11-05']);
    valid(P, inst, after);
    // The whole repair does the same, and the same again on the same input.
    const a = await repair(P, baseline, before, params);
    const b = await repair(P, baseline, before, params);
    expect(a.evaluation.objective).toEqual(b.evaluation.objective);
    expect(a.evaluation.objective.people).toBe(140);
  });

  it('never enrols less, and stops at once when asked', async () => {
    const inst = instance({
      hamlets: [hamlet(1, { population: 1000 })],
      backlogs: [backlog(1, 1000)],
      travel: [road('b:1', 'h:1', 10)],
    });
    const { P, baseline } = setUp(inst);
    const before = solutionOf(P, baseline, [[0, 0, [0], [0]]]);
    const after = await repair(P, baseline, before, params);
    expect(after.evaluation.objective.people).toBe(before.evaluation.objective.people);
    const stopped = await repair(P, baseline, before, { ...params, shouldStop: () => true });
    expect(stopped.skeletons).toEqual(before.skeletons);
  });
});
