import type { Prepared } from '../prepare/prepared';
import { buildBoundModel } from './bound-model';
import { teamCapacity } from './bound-capacity';
import { solveHere, type LpSolve } from './highs';

/**
 * An LP larger than this many characters of model per second of its time is not tried:
 * HiGHS's own time limit does not cover reading it (17 M characters, the demo with 1,500
 * more hamlets, took seconds to read and ran past a minute; the demo's 0.86 M take 0.9 s).
 */
const LP_CHARS_PER_SECOND = 5_000_000;

export interface UpperBound {
  /** No checker-valid plan enrols more people (both services) by the deadline. */
  people: number;
  /**
   * 'lp' when HiGHS proved the LP optimum in time; else 'capacity', the people every team
   * could enrol working all its shifts at its fastest rate (capped by the backlog).
   */
  source: 'lp' | 'capacity';
  seconds: number;
}

/**
 * The LP relaxation of bound-model.ts solved by HiGHS within `seconds`. The optimum is
 * rounded down to whole people after a margin for the solver's tolerances (people are
 * whole, so no plan beats the floor; rounding up gave one away whenever the LP was exact).
 * If HiGHS fails or runs out of time (a very large area on a short limit), the capacity
 * bound stands in: weaker, but valid and instant, so the plan is never late for its bound.
 */
export async function upperBound(
  prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, now: () => number, solve: LpSolve = solveHere, seconds = 300,
): Promise<UpperBound> {
  const t0 = now();
  const model = buildBoundModel(prepared, nonHomebound, homebound);
  let left = 0;
  for (let i = 0; i < nonHomebound.length; i++) left += nonHomebound[i]! + homebound[i]!;
  const fallback = (): UpperBound => ({
    people: model.pinnedPeople + Math.min(left, capacityPeople(prepared)), source: 'capacity', seconds: (now() - t0) / 1000,
  });
  const timeLimit = Math.max(0.5, seconds - (now() - t0) / 1000);
  if (model.lp.length > LP_CHARS_PER_SECOND * timeLimit) return fallback();
  try {
    // Dual simplex without presolve: about twice as fast as the defaults on district models.
    const result = await solve(model.lp, { output_flag: false, presolve: 'off', simplex_strategy: 1, time_limit: timeLimit });
    if (result.Status !== 'Optimal') return fallback();
    const lpValue = Math.max(0, result.ObjectiveValue);
    const people = Math.min(model.pinnedPeople + left, model.pinnedPeople + Math.floor(lpValue * (1 + 1e-7) + 1e-6));
    return { people, source: 'lp', seconds: (now() - t0) / 1000 };
  } catch {
    return fallback();
  }
}

/**
 * Every team working the most shift minutes its caps allow, all of it enrolling at its
 * fastest rate (no travel, no setup, everyone turning up): no plan enrols more.
 */
function capacityPeople(prepared: Prepared): number {
  let people = 0;
  prepared.teams.forEach((entry, teamIndex) => {
    const { team } = entry;
    const capacity = teamCapacity(prepared, teamIndex);
    const fastest = Math.max(team.throughputPerHour.cccd, team.throughputPerHour.eid, team.homeThroughputPerHour);
    people += Math.floor((capacity.venueMinutes * fastest + capacity.homeMinutes * team.homeThroughputPerHour) / 60);
  });
  return people;
}

/**
 * Whether any plan could bring every hamlet down to what it may leave (`required` people of
 * each service and hamlet still to enrol): false is a proof that none can (the relaxation with
 * every cell's requirement has no solution, or some hamlet no team can reach must still be
 * done); true only says the relaxation allows it; null when HiGHS could not tell in time.
 */
export async function deadlinePossible(
  prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, required: Int32Array, solve: LpSolve = solveHere, seconds = 60,
): Promise<boolean | null> {
  const model = buildBoundModel(prepared, nonHomebound, homebound, required);
  if (model.impossible) return false;
  if (model.lp.length > LP_CHARS_PER_SECOND * seconds) return null;
  try {
    const result = await solve(model.lp, { output_flag: false, presolve: 'off', simplex_strategy: 1, time_limit: seconds });
    if (result.Status === 'Infeasible') return false;
    return result.Status === 'Optimal' ? true : null;
  } catch {
    return null;
  }
}
