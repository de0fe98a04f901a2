import type { Route } from '../model';
import { constructSteps, drive } from './construct';
import { isoOfDay } from './days';
import { allocate, commit } from './evaluate';
import type { Baseline } from './objective';
import { toRoute } from './output';
import { makeSlots, type Prepared } from './prepare';
import { PlanState, type Skeleton } from './state';

/** How far past the deadline the projection looks for the clearance date. */
const PROJECTION_DAYS = 365;
/** Weeks without anyone enrolled after which the projection gives up (null clearance). */
const IDLE_WEEKS = 16;

/** Nobody left whom any shift could enrol: the clearance rule of core/analysis. */
export function poolsCleared(P: Prepared, nonHomebound: Int32Array, homebound: Int32Array): boolean {
  const H = P.hamlets.length;
  const kinds = P.instance.shiftTemplates.filter((t) => !t.homeVisitsOnly).map((t) => t.kind);
  for (let h = 0; h < H; h++) {
    const reach = Math.max(0, ...kinds.map((k) => P.hamlets[h]!.hamlet.reach[k]));
    for (let s = 0; s < 2; s++) {
      if (homebound[s * H + h]! > 0) return false;
      const left = nonHomebound[s * H + h]!;
      if (left > 0 && (reach === 0 || Math.floor(reach * left + 1e-9) > 0)) return false;
    }
  }
  return true;
}

/**
 * Carries on past the deadline with the same rules (teams, caps, turnout) to find when
 * the backlog would be cleared. These routes are a forecast, never part of the plan.
 */
export async function project(
  P: Prepared, baseline: Baseline, skeletons: readonly Skeleton[], shouldStop: () => boolean, now: () => number,
): Promise<Route[]> {
  const state = new PlanState(P);
  for (const r of baseline.pinned) state.addPinned(r);
  for (const sk of skeletons) {
    state.hold(sk);
    const plan = allocate(P, sk.team, sk.slot, sk.stops, state);
    if (plan) commit(P, plan, state);
  }
  if (poolsCleared(P, state.nonHomebound, state.homebound)) return [];
  const slots = makeSlots(P.instance, P.templateIdx, isoOfDay(P.deadlineDay + 1), isoOfDay(P.deadlineDay + PROJECTION_DAYS));
  let idle = 0;
  let lastLeft = -1;
  const enough = (): boolean => {
    if (poolsCleared(P, state.nonHomebound, state.homebound)) return true;
    let left = 0;
    for (let i = 0; i < state.nonHomebound.length; i++) left += state.nonHomebound[i]! + state.homebound[i]!;
    idle = left === lastLeft ? idle + 1 : 0;
    lastLeft = left;
    return idle >= IDLE_WEEKS;
  };
  const built = await drive(constructSteps(P, state, slots, { rng: null, noise: 0, previous: new Map() }, shouldStop, new Map(), enough), now);
  return built.map((b) => toRoute(P, b.skeleton, b.plan));
}
