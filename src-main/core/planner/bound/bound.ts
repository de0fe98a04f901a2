import type { Prepared } from '../prepare/prepared';
import { buildBoundModel } from './bound-model';
import { solveHere, type LpSolve } from './highs';

export interface UpperBound {
  /** No checker-valid plan enrols more people (both services) by the deadline. */
  people: number;
  /** 'lp' when HiGHS proved the optimum, else the trivial backlog bound. */
  source: 'lp' | 'backlog';
  seconds: number;
}

/**
 * The LP relaxation of bound-model.ts solved by HiGHS. The optimum is rounded up with a
 * margin for the solver's tolerances; if HiGHS fails, the backlog itself (after the pinned
 * routes) is the bound.
 */
export async function upperBound(
  prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, now: () => number, solve: LpSolve = solveHere,
): Promise<UpperBound> {
  const t0 = now();
  const model = buildBoundModel(prepared, nonHomebound, homebound);
  let left = 0;
  for (let i = 0; i < nonHomebound.length; i++) left += nonHomebound[i]! + homebound[i]!;
  const trivial = model.pinnedPeople + left;
  try {
    // Dual simplex without presolve: about twice as fast as the defaults on district models.
    const result = await solve(model.lp, { output_flag: false, presolve: 'off', simplex_strategy: 1, time_limit: 300 });
    if (result.Status !== 'Optimal') return { people: trivial, source: 'backlog', seconds: (now() - t0) / 1000 };
    const lpValue = Math.max(0, result.ObjectiveValue);
    const people = Math.min(trivial, model.pinnedPeople + Math.ceil(lpValue * (1 + 1e-7) + 1e-6));
    return { people, source: 'lp', seconds: (now() - t0) / 1000 };
  } catch {
    return { people: trivial, source: 'backlog', seconds: (now() - t0) / 1000 };
  }
}
