import type { PlanningInstance } from '../../model';
import { PlanState } from '../construct/state';
import { prepare } from '../prepare/prepare';
import { upperBound, type UpperBound } from './bound';
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
