import { residualAllowances } from '../../analysis/residual';
import type { PlanningInstance } from '../../model';
import { PlanState } from '../construct/state';
import { prepare } from '../prepare/prepare';
import { deadlinePossible, upperBound, type UpperBound } from './bound';
import { solveHere, type LpSolve } from './highs';

/**
 * The upper bound of an instance on its own, without planning it: what no plan can beat
 * (pinned routes counted as they are). A what-if's "one fewer cannot make it" rests on it.
 */
export function upperBoundOf(instance: PlanningInstance, seconds = 60, solve: LpSolve = solveHere, now: () => number = Date.now): Promise<UpperBound> {
  const prepared = prepare(instance);
  const pinnedOnly = new PlanState(prepared);
  for (const route of instance.pinned) pinnedOnly.addPinned(route);
  return upperBound(prepared, pinnedOnly.nonHomebound, pinnedOnly.homebound, now, solve, seconds);
}

/**
 * Whether any plan could meet the deadline under the residual rule (every hamlet and service
 * down to what it may leave to the commune post): false proves that none can; see deadlinePossible.
 */
export function deadlinePossibleOf(instance: PlanningInstance, seconds = 60, solve: LpSolve = solveHere): Promise<boolean | null> {
  const prepared = prepare(instance);
  const pinnedOnly = new PlanState(prepared);
  for (const route of instance.pinned) pinnedOnly.addPinned(route);
  const allowances = residualAllowances(instance);
  const hamletCount = prepared.hamlets.length;
  const required = new Int32Array(2 * hamletCount);
  prepared.hamlets.forEach((ph, hamlet) => {
    const allow = allowances.get(ph.hamlet.id) ?? { cccd: 0, eid: 0 };
    [allow.cccd, allow.eid].forEach((allowed, service) => {
      const i = service * hamletCount + hamlet;
      required[i] = Math.max(0, pinnedOnly.nonHomebound[i]! + pinnedOnly.homebound[i]! - allowed);
    });
  });
  return deadlinePossible(prepared, pinnedOnly.nonHomebound, pinnedOnly.homebound, required, solve, seconds);
}
