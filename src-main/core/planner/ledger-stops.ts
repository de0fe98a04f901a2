import { GROUPS } from './guide';
import type { RoutePlan } from './evaluate';

/** A hamlet followed through a ledger trial: what is left there, from `ord0` on. */
export interface HamletState {
  ord0: number;
  /** Non-homebound CCCD, e-ID; homebound CCCD, e-ID. */
  v: Float64Array;
  /** Team -> its guide targets still open here, by group. */
  guide: Map<number, Float64Array>;
}

/** The guide targets of team t a plan used at hamlet h, by group. */
function guideUsed(plan: RoutePlan, H: number, t: number, h: number): number[] {
  const at = (t * H + h) * GROUPS;
  const out = [0, 0, 0];
  for (let i = 0; i < plan.guideUse.length; i += 2) {
    const gk = plan.guideUse[i]!;
    if (gk >= at && gk < at + GROUPS) out[gk - at] = out[gk - at]! + plan.guideUse[i + 1]!;
  }
  return out;
}

/** Stop k got the same quotas and guide use in both plans of team t's route. */
export function sameStop(H: number, t: number, a: RoutePlan, b: RoutePlan, k: number): boolean {
  const x = a.stops[k]!;
  const y = b.stops[k]!;
  if (x.quota[0] !== y.quota[0] || x.quota[1] !== y.quota[1] || x.home[0] !== y.home[0] || x.home[1] !== y.home[1]) return false;
  const ua = guideUsed(a, H, t, x.hamlet);
  const ub = guideUsed(b, H, t, y.hamlet);
  return ua[0] === ub[0] && ua[1] === ub[1] && ua[2] === ub[2];
}

/** Stop k's quotas and guide use taken out of a followed hamlet's state. */
export function takeStop(state: HamletState, H: number, t: number, plan: RoutePlan, k: number): void {
  const s = plan.stops[k]!;
  state.v[0] = state.v[0]! - s.quota[0];
  state.v[1] = state.v[1]! - s.quota[1];
  state.v[2] = state.v[2]! - s.home[0];
  state.v[3] = state.v[3]! - s.home[1];
  const g = state.guide.get(t);
  if (!g) return;
  const used = guideUsed(plan, H, t, s.hamlet);
  for (let i = 0; i < GROUPS; i++) g[i] = g[i]! - used[i]!;
}
