import { bestRoute, type ScoreContext } from '../construct/candidates';
import { PlanState } from '../construct/state';
import type { Skeleton } from '../evaluate/route-plan';
import type { RepairWorkspace } from './repair-workspace';

/**
 * New routes where a team could still work a shift (caps, days off, vehicles allow): the
 * best route on what the plan leaves at the end, kept when the whole plan enrols more.
 */
export async function repairAddRoutes(ws: RepairWorkspace): Promise<void> {
  const { prepared, ledger, baseline } = ws;
  const guide = prepared.guide;
  prepared.guide = null; // plain people: the state below follows no guide
  const state = new PlanState(prepared);
  prepared.guide = guide;
  for (const route of baseline.pinned) state.addPinned(route);
  for (const entry of ledger.list()) state.hold(entry.sk);
  const sync = (): void => {
    state.nonHomebound.set(ledger.pools.nonHomebound);
    state.homebound.set(ledger.pools.homebound);
  };
  sync();
  const context: ScoreContext = { rng: null, noise: 0, previous: ws.params.previous };
  for (const slot of prepared.slots) {
    for (let team = 0; team < prepared.teams.length; team++) {
      if (await ws.spent()) return;
      if (!state.teamCanTake(team, slot)) continue;
      const candidate = bestRoute(prepared, state, team, slot, context);
      if (!candidate || candidate.plan.people === 0) continue;
      const skeleton: Skeleton = { slot, team, vehicles: candidate.vehicles, stops: candidate.stops };
      if (!ws.tryChange([], [skeleton])) continue;
      state.hold(skeleton);
      sync();
    }
  }
}
