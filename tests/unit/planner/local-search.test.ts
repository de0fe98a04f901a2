import { describe, expect, it } from 'vitest';
import { PlanState } from '../../../src-main/core/planner/construct/state';
import { compareSkeletons, evaluate, makeBaseline } from '../../../src-main/core/planner/evaluate/objective';
import type { Skeleton } from '../../../src-main/core/planner/evaluate/route-plan';
import { toRoute } from '../../../src-main/core/planner/output/routes';
import { prepare } from '../../../src-main/core/planner/prepare/prepare';
import { localSearch, type LocalSearchParams } from '../../../src-main/core/planner/search/local-search';
import { Rng } from '../../../src-main/core/rng';
import { checkPlan } from '../../../src-main/core/planner/selfcheck/check';
import { backlog, hamlet, instance, road, team, vehicle } from './fixtures';

const params = (seed: number): LocalSearchParams => ({ rng: new Rng(seed), now: () => 0, deadlineMs: Infinity, maxWork: 20_000, shouldStop: () => false });

describe('local search on routes', () => {
  it('sends the kit team where CCCD is left and the other team to the e-ID, and the plan stays valid', async () => {
    // As in the repair test: team 1 (kit) at A does 70 e-ID; team 2 at B, with only CCCD, does
    // nothing. Traded: team 1 at B does 20 CCCD, team 2 at A 70 e-ID.
    const inst = instance({
      hamlets: [hamlet(1, { population: 1000 }), hamlet(2, { population: 100 })],
      backlogs: [backlog(1, 1000), backlog(2, 0, 40)],
      teams: [team(1, { services: ['cccd', 'eid'], kits: 1, throughputPerHour: { cccd: 10, eid: 20 } }), team(2)],
      vehicles: [vehicle(1), vehicle(2)],
      travel: [road('b:1', 'h:1', 10), road('b:1', 'h:2', 10), road('h:1', 'h:2', 10)],
    });
    const P = prepare(inst);
    const s = new PlanState(P);
    const baseline = makeBaseline(P, { nonHomebound: s.nonHomebound, homebound: s.homebound, guide: null });
    const skeletons: Skeleton[] = [
      { slot: P.slots[0]!, team: 0, vehicles: [0], stops: [0] },
      { slot: P.slots[0]!, team: 1, vehicles: [1], stops: [1] },
    ].sort((a, b) => compareSkeletons(P, a, b));
    const before = { skeletons, evaluation: evaluate(P, baseline, skeletons) };
    expect(before.evaluation.objective.people).toBe(70);
    const after = await localSearch(P, baseline, before, params(1));
    expect(after.evaluation.objective.people).toBeGreaterThanOrEqual(90);
    const routes = after.skeletons.map((sk, i) => toRoute(P, sk, after.evaluation.plans[i]!));
    expect(checkPlan(inst, routes).violations).toEqual([]);
    // Same seed, same plan.
    const again = await localSearch(P, baseline, before, params(1));
    expect(again.skeletons).toEqual(after.skeletons);
  });
});
