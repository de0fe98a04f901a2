import type { Entry } from './ledger';
import { GUIDE_GROUPS, takeInShift, type RoutePlan, type ShiftTaken } from './route-plan';

/**
 * Values per stop in a ledger snapshot: non-homebound (2 services), homebound (2), venue people
 * other teams took there earlier in the same shift (2), the team's guide (3 groups).
 */
export const TAKEN_AT = 4;
export const GUIDE_AT = 6;
export const SNAPSHOT_WIDTH = GUIDE_AT + GUIDE_GROUPS;

/** A hamlet followed through a ledger trial: what is left there, from `ord0` on. */
export interface HamletState {
  ord0: number;
  /** Non-homebound CCCD, e-ID; homebound CCCD, e-ID. */
  left: Float64Array;
  /** Team -> its guide targets still open here, by group. */
  guide: Map<number, Float64Array>;
  /** The shift (ledger ord / teams) of the last route followed here and the venue people it took: a ShiftTaken of this one hamlet. */
  shift: ShiftTaken;
}

/** The guide targets of team t a plan used at hamlet h, by group. */
function guideUsed(plan: RoutePlan, hamletCount: number, team: number, hamlet: number): number[] {
  const at = (team * hamletCount + hamlet) * GUIDE_GROUPS;
  const out = [0, 0, 0];
  for (let i = 0; i < plan.guideUse.length; i += 2) {
    const gk = plan.guideUse[i]!;
    if (gk >= at && gk < at + GUIDE_GROUPS) out[gk - at] = out[gk - at]! + plan.guideUse[i + 1]!;
  }
  return out;
}

/** Stop k got the same quotas and guide use in both plans of team t's route. */
export function sameStop(hamletCount: number, team: number, a: RoutePlan, b: RoutePlan, stop: number): boolean {
  const before = a.stops[stop]!;
  const after = b.stops[stop]!;
  if (before.quota[0] !== after.quota[0] || before.quota[1] !== after.quota[1] || before.home[0] !== after.home[0] || before.home[1] !== after.home[1]) return false;
  const ua = guideUsed(a, hamletCount, team, before.hamlet);
  const ub = guideUsed(b, hamletCount, team, after.hamlet);
  return ua[0] === ub[0] && ua[1] === ub[1] && ua[2] === ub[2];
}

/** Stop k's quotas and guide use taken out of a followed hamlet's state, its venue quotas added to what its shift took. */
export function takeStop(state: HamletState, hamletCount: number, team: number, plan: RoutePlan, stop: number, shift: number): void {
  const planned = plan.stops[stop]!;
  takeInShift(state.shift, 1, 0, planned.quota, shift);
  state.left[0] = state.left[0]! - planned.quota[0];
  state.left[1] = state.left[1]! - planned.quota[1];
  state.left[2] = state.left[2]! - planned.home[0];
  state.left[3] = state.left[3]! - planned.home[1];
  const targets = state.guide.get(team);
  if (!targets) return;
  const used = guideUsed(plan, hamletCount, team, planned.hamlet);
  for (let i = 0; i < GUIDE_GROUPS; i++) targets[i] = targets[i]! - used[i]!;
}

/** Venue people (per service) the routes at h (`entries`, by ord) of the shift of `ord`, and before it, took there. */
export function takenBefore(entries: readonly Entry[], hamlet: number, ord: number, shiftOf: (ord: number) => number, out: Int32Array): void {
  const shift = shiftOf(ord);
  for (const entry of entries) {
    if (entry.ord >= ord) break;
    if (shiftOf(entry.ord) !== shift) continue;
    const planned = entry.plan.stops[entry.sk.stops.indexOf(hamlet)]!;
    out[0] = out[0]! + planned.quota[0];
    out[1] = out[1]! + planned.quota[1];
  }
}

/** A trial's working set: routes taken out, hamlets followed, routes queued for re-allocation. */
export interface Cascade {
  gone: Set<number>;
  dirty: Map<number, HamletState>;
  queue: Entry[];
  queued: Set<number>;
}

/** Brings the earliest queued route (by ord, then id) to position `done` and returns it. */
export function nextInOrder(queue: Entry[], done: number): Entry {
  let best = done;
  for (let i = done + 1; i < queue.length; i++) {
    const candidate = queue[i]!;
    const current = queue[best]!;
    if (candidate.ord < current.ord || (candidate.ord === current.ord && candidate.id < current.id)) best = i;
  }
  const picked = queue[best]!;
  queue[best] = queue[done]!;
  queue[done] = picked;
  return picked;
}
