import { residualAllowances } from '../../analysis';
import type { Route } from '../../model';
import { constructSteps, drive } from '../construct/construct';
import { PlanState } from '../construct/state';
import { allocate, commit } from '../evaluate/allocate';
import type { Baseline } from '../evaluate/objective';
import type { Skeleton } from '../evaluate/route-plan';
import { isoOfDay } from '../prepare/days';
import { makeSlots } from '../prepare/prepare';
import type { Prepared } from '../prepare/prepared';
import { toRoute } from './routes';

/** How far past the deadline the projection looks for the clearance date. */
const PROJECTION_DAYS = 365;
/** Weeks without anyone enrolled after which the projection gives up (null clearance). */
const IDLE_WEEKS = 16;

/**
 * Every hamlet done: the clearance rule of core/analysis (nobody left whom any shift could
 * enrol, or no more than the hamlet's residual for the commune post). `allowance` is by
 * service × hamlet, as the pools are.
 */
export function poolsCleared(prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, allowance: Int32Array): boolean {
  const hamletCount = prepared.hamlets.length;
  const kinds = prepared.instance.shiftTemplates.filter((t) => !t.homeVisitsOnly).map((t) => t.kind);
  for (let hamletIndex = 0; hamletIndex < hamletCount; hamletIndex++) {
    const reach = Math.max(0, ...kinds.map((k) => prepared.hamlets[hamletIndex]!.hamlet.reach[k]));
    for (let service = 0; service < 2; service++) {
      const at = service * hamletCount + hamletIndex;
      if (homebound[at]! + nonHomebound[at]! <= allowance[at]!) continue;
      if (homebound[at]! > 0) return false;
      const left = nonHomebound[at]!;
      if (left > 0 && (reach === 0 || Math.floor(reach * left + 1e-9) > 0)) return false;
    }
  }
  return true;
}

/** Each hamlet's residual allowance per service, laid out as the pools are (service × hamlet). */
function allowanceArray(prepared: Prepared): Int32Array {
  const byHamlet = residualAllowances(prepared.instance);
  const hamletCount = prepared.hamlets.length;
  const allowance = new Int32Array(2 * hamletCount);
  prepared.hamlets.forEach((entry, hamletIndex) => {
    const a = byHamlet.get(entry.hamlet.id);
    allowance[hamletIndex] = a?.cccd ?? 0;
    allowance[hamletCount + hamletIndex] = a?.eid ?? 0;
  });
  return allowance;
}

/**
 * Carries on past the deadline with the same rules (teams, caps, turnout) to find when
 * the backlog would be cleared. These routes are a forecast, never part of the plan.
 */
export async function project(
  prepared: Prepared, baseline: Baseline, skeletons: readonly Skeleton[], shouldStop: () => boolean, now: () => number,
): Promise<Route[]> {
  const state = new PlanState(prepared);
  const allowance = allowanceArray(prepared);
  for (const route of baseline.pinned) state.addPinned(route);
  for (const sk of skeletons) {
    state.hold(sk);
    const plan = allocate(prepared, sk.team, sk.slot, sk.stops, state, sk.targets);
    if (plan) commit(prepared, plan, state, sk.slot);
  }
  if (poolsCleared(prepared, state.nonHomebound, state.homebound, allowance)) return [];
  const slots = makeSlots(prepared.instance, prepared.templateIdx, isoOfDay(prepared.deadlineDay + 1), isoOfDay(prepared.deadlineDay + PROJECTION_DAYS));
  let idle = 0;
  let lastLeft = -1;
  const enough = (): boolean => {
    if (poolsCleared(prepared, state.nonHomebound, state.homebound, allowance)) return true;
    let left = 0;
    for (let i = 0; i < state.nonHomebound.length; i++) left += state.nonHomebound[i]! + state.homebound[i]!;
    idle = left === lastLeft ? idle + 1 : 0;
    lastLeft = left;
    return idle >= IDLE_WEEKS;
  };
  const built = await drive(constructSteps(prepared, state, slots, { rng: null, noise: 0, previous: new Map() }, shouldStop, new Map(), enough), now);
  return built.map((b) => toRoute(prepared, b.skeleton, b.plan));
}
