import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../model';
import { upperBound } from './bound/bound';
import { planningGuide } from './bound/guide';
import { loadHighs, type LpSolve } from './bound/highs';
import { constructSteps, drive } from './construct/construct';
import { keptFromPrevious } from './construct/keep-previous';
import { PlanState } from './construct/state';
import type { Skeleton } from './evaluate/route-plan';
import { compareObjectives, compareSkeletons, evaluate, makeBaseline, type Baseline, type Evaluation, type Objective, type Solution } from './evaluate/objective';
import type { RepairParams } from './operators/repair-workspace';
import { project } from './output/project';
import { buildReport, materialize } from './output/report';
import { prepare } from './prepare/prepare';
import type { Prepared } from './prepare/prepared';
import { previousGuide, previousIndex } from './prepare/previous';
import { improve } from './search/large-neighbourhood';
import { localSearch } from './search/local-search';
import { repair } from './search/repair';
import { Rng } from '../rng';
import { checkPlan } from './selfcheck/check';

export interface PlanProgress {
  placedShare: number;
  bestObjective: number;
  elapsedSeconds: number;
}

export interface PlanHooks {
  /** Milliseconds from any fixed origin. */
  now(): number;
  onProgress?(progress: PlanProgress): void;
  shouldStop?(): boolean;
  /**
   * Solves the bound's LP; a shell with a spare core runs it on another thread, so the
   * search has the whole time limit. Default: HiGHS on this thread.
   */
  solveLp?: LpSolve;
}

export interface PlanResult {
  routes: Route[];
  report: PlanReport;
}

/**
 * Share of the time limit the search may use; the repair, bound, projection and checks follow.
 * A guard for slow machines: on the reference machine the work budgets end first (at 0.75 the
 * demo at 5 s sometimes reached it, and the same seed no longer gave the same plan).
 */
const SEARCH_SHARE = 0.8;
/**
 * The shortfall repair before and after the search (repair.ts): its end on the clock (only a slow
 * machine reaches it) and its deterministic budget of route allocations per second of time limit.
 */
const REPAIR_SHARE = 0.85;
const REPAIR_WORK_PER_SECOND = 20_000;
/**
 * Route allocations per second of time limit for the local search (local-search.ts): a
 * deterministic budget, about a fifth of the time limit on the reference machine (2 cores).
 */
const MOVE_WORK_PER_SECOND = 50_000;
/**
 * The planning guide (a second LP) is built only when the time limit is at least this and
 * the district is small enough for it: its solve grows with the team-hamlet pairs a team
 * can reach (0.8 s for the demo's 3,100 pairs, 1.6-2.9 s for 11,000 on the reference
 * machine), and with it the construction runs twice (greedy and guided). At most
 * GUIDE_PAIRS_PER_SECOND pairs per second of limit keep both within about half the limit, so
 * the search keeps its share (at 2,500 a 290-hamlet area at 5 s spent 5.4 s before its
 * search began). Sizes and limits, not measured times, decide, so the choice is the same on
 * every machine.
 */
const GUIDE_MIN_SECONDS = 3;
/**
 * The bound's LP may take this share of the time limit; the guide's LP at most the time
 * limit, and never less than GUIDE_MIN_LP_SECONDS (its size rule above is what keeps it
 * short: the clock is only a net, so a busy machine does not change the plan).
 */
const BOUND_SHARE = 0.9;
/**
 * Time guards for the stages that are not budgeted in work. The construction is the plan's
 * backbone (cut short, the rest of the horizon stays empty: a 3 s limit on the province's
 * largest districts lost 60-85 % of their plans), so its guard is only a net against a
 * runaway: CONSTRUCT_NET × the limit plus CONSTRUCT_NET_SECONDS; the demo builds in under a
 * second, the largest district in about three. The projection past the deadline gets what
 * is left of the limit, and at least a second.
 */
const CONSTRUCT_NET = 3;
const CONSTRUCT_NET_SECONDS = 10;
const PROJECTION_MIN_SECONDS = 1;
const GUIDE_MIN_LP_SECONDS = 5;
const GUIDE_PAIRS_PER_SECOND = 1_250;
/**
 * How strictly the guided constructions keep to the guide (the worth of people beyond it);
 * each is tried, as is pure greedy, and the best plan goes on to the search.
 */
const GUIDE_STRICTNESS = [0.2];

/**
 * Instance -> plan and report: the LP upper bound (solved alongside, see PlanHooks.solveLp);
 * the planning guide (who does what where over the whole horizon); the shift-by-shift
 * construction, which always runs to its end unless cancelled; a shortfall repair (new
 * routes in free team-shifts, hamlet swaps between teams of a shift, idle time filled with
 * one more stop); local search on single routes with incremental evaluation; large-
 * neighbourhood search; the repair again; each within a deterministic work budget (the
 * time limit and shouldStop() only cut them short); a projection past the deadline for
 * the clearance date; the independent checker. Same instance and seed give the same plan,
 * byte for byte; with the same clock readings, the same report too.
 */
export async function plan(instance: PlanningInstance, options: Partial<PlanOptions> = {}, hooks?: PlanHooks): Promise<PlanResult> {
  const places = instance.hamlets.length + instance.bases.length;
  if (places > MAX_PLACES) throw new AreaTooLargeError(places);
  const now = hooks?.now ?? ((): number => Date.now());
  const seed = options.seed ?? 1;
  const timeLimit = options.timeLimitSeconds ?? 10;
  const t0 = now();
  const elapsed = (): number => (now() - t0) / 1000;
  const stopRequested = throttle(hooks?.shouldStop ?? ((): boolean => false), now);
  void loadHighs().catch(() => undefined); // compile the solver while the instance is prepared

  const prepared = prepare(instance);
  const pinnedOnly = new PlanState(prepared);
  for (const route of instance.pinned) pinnedOnly.addPinned(route);
  const backlogTotal = prepared.remaining.reduce((a, b) => a + b, 0);
  const tell = (objective: Objective): void => hooks?.onProgress?.({
    placedShare: backlogTotal === 0 ? 1 : objective.people / backlogTotal,
    bestObjective: objective.weighted,
    elapsedSeconds: elapsed(),
  });
  const run: Run = { prepared, seed, timeLimit, t0, now, stopRequested, tell, previous: new Map() };

  // Started now, awaited at the end: on another thread it costs the search nothing.
  // Its LP may take what is left of the limit; past that, the capacity bound stands in.
  const boundPromise = upperBound(prepared, pinnedOnly.nonHomebound, pinnedOnly.homebound, now, hooks?.solveLp, BOUND_SHARE * timeLimit - elapsed());
  let pairs = 0;
  for (const reaches of prepared.reachable) pairs += reaches;
  const guide = timeLimit >= GUIDE_MIN_SECONDS && pairs <= GUIDE_PAIRS_PER_SECOND * timeLimit && !stopRequested()
    ? await planningGuide(prepared, pinnedOnly.nonHomebound, pinnedOnly.homebound, Math.max(GUIDE_MIN_LP_SECONDS, timeLimit)) : null;
  run.previous = previousIndex(prepared);
  const { baseline, solution: built } = await constructBest(run, pinnedOnly, guide);
  tell(built.evaluation.objective);
  const { skeletons, evaluation } = await search(run, baseline, built, boundPromise);

  const bound = await boundPromise;
  const routes = materialize(prepared, baseline, skeletons, evaluation);
  const projectUntil = Math.max(t0 + timeLimit * 1000, now() + PROJECTION_MIN_SECONDS * 1000);
  const projected = await project(prepared, baseline, skeletons, () => stopRequested() || now() > projectUntil, now);
  const report = buildReport(prepared, routes, projected, evaluation, bound, seed);
  const checker = checkPlan(instance, routes, report);
  const result: PlanResult = { routes, report: { ...report, checker, seconds: round3(elapsed()) } };
  tell(evaluation.objective);
  return result;
}

/**
 * Places (hamlets and bases) one district may hold: the travel matrix alone takes 12 bytes
 * per pair of them (300 MB at 5,000; a province's 6,000 hamlets come as ~27 districts, each
 * planned on its own). Beyond it the planner refuses at once rather than run out of memory.
 */
export const MAX_PLACES = 5_000;

export class AreaTooLargeError extends Error {
  constructor(readonly places: number) {
    super(`One district holds ${places.toLocaleString('en')} places (hamlets and bases); the planner takes at most `
      + `${MAX_PLACES.toLocaleString('en')} per district. Give each commune its district (teams do not cross district lines) so the area is planned district by district.`);
  }
}

/** What the phases of one plan() share. */
interface Run {
  prepared: Prepared;
  seed: number;
  timeLimit: number;
  t0: number;
  now: () => number;
  stopRequested: () => boolean;
  tell: (objective: Objective) => void;
  previous: Map<string, Set<number>>;
}

/**
 * Greedy alone, then (with a guide) following the guide: the better plan goes on, and the
 * prepared instance keeps its guide. The guide pays where teams are short of time and can
 * cost a little where they are not.
 */
async function constructBest(run: Run, pinnedOnly: PlanState, guide: Float64Array | null): Promise<{ baseline: Baseline; solution: Solution }> {
  const { prepared, stopRequested, now, previous, t0, timeLimit } = run;
  const { instance } = prepared;
  const constructUntil = t0 + (timeLimit * CONSTRUCT_NET + CONSTRUCT_NET_SECONDS) * 1000;
  const outOfTime = (): boolean => stopRequested() || now() > constructUntil;
  let best: { baseline: Baseline; solution: Solution; offGuide: number } | null = null;
  const fresh = guide ? [{ guide: null, offGuide: 1 }, ...GUIDE_STRICTNESS.map((offGuide) => ({ guide, offGuide }))] : [{ guide: null, offGuide: 1 }];
  // A re-plan starts from the published plan's routes that still hold, and plans around them.
  // ... following the published plan's own allocation first, then the LP's guide or none.
  const published = previousGuide(prepared);
  const kept = published ? [{ guide: published, offGuide: GUIDE_STRICTNESS[0]!, keep: true }, ...fresh.map((v) => ({ ...v, keep: true }))] : [];
  const variants = [...kept, ...fresh.map((v) => ({ ...v, keep: false }))];
  for (const variant of variants) {
    if (best && stopRequested()) break;
    prepared.guide = variant.guide;
    prepared.offGuide = variant.offGuide;
    const baseline = makeBaseline(prepared, { nonHomebound: pinnedOnly.nonHomebound, homebound: pinnedOnly.homebound, guide: variant.guide });
    const start = new PlanState(prepared);
    for (const route of instance.pinned) start.addPinned(route);
    const kept = variant.keep ? keptFromPrevious(prepared, start) : new Map<string, Skeleton[]>();
    const built = await drive(constructSteps(prepared, start, prepared.slots, { rng: null, noise: 0, previous }, outOfTime, kept), now);
    const skeletons = [...[...kept.values()].flat(), ...built.map((b) => b.skeleton)].sort((a, b) => compareSkeletons(prepared, a, b));
    const evaluation = evaluate(prepared, baseline, skeletons);
    if (!best || compareObjectives(evaluation.objective, best.solution.evaluation.objective) > 0) {
      best = { baseline, solution: { skeletons, evaluation }, offGuide: variant.offGuide };
    }
    run.tell(best.solution.evaluation.objective);
  }
  if (!best) throw new Error('planner: no construction ran'); // the first variant always runs
  prepared.guide = best.baseline.guide;
  prepared.offGuide = best.offGuide;
  return best;
}

/**
 * The repair first (cheap, and it pays most per second: it may run past the search's
 * share on a slow machine), then the local search, the large-neighbourhood search, then
 * the repair again.
 */
async function search(run: Run, baseline: Baseline, built: Solution, boundPromise: Promise<{ people: number }>): Promise<Solution> {
  const { prepared, seed, timeLimit, t0, now, stopRequested, tell, previous } = run;
  const progress = (evaluation: Evaluation): void => tell(evaluation.objective);
  const repairParams = (share: number): RepairParams => ({
    shouldStop: stopRequested, now, deadlineMs: t0 + timeLimit * 1000 * share,
    maxWork: Math.round(timeLimit * REPAIR_WORK_PER_SECOND), previous,
  });
  const first = await repair(prepared, baseline, built, repairParams(REPAIR_SHARE));
  progress(first.evaluation);
  // The local search weighs people and kilometres, not changes: a re-plan does without it.
  const moved = prepared.instance.previous.length ? first : await localSearch(prepared, baseline, first, {
    rng: new Rng(seed), now, deadlineMs: t0 + timeLimit * 1000 * SEARCH_SHARE, maxWork: timeLimit * MOVE_WORK_PER_SECOND,
    shouldStop: stopRequested, onProgress: tell,
  });
  progress(moved.evaluation);
  // Everyone the bound allows is enrolled: the large-neighbourhood search could only even out
  // the teams now, and on the province's districts that cost kilometres rather than saved them
  // (measured: equal or fewer km without it, a quarter to a third less time). It is skipped;
  // its clean-up and vehicle polish still run. Waiting for the bound here (not polling it)
  // keeps the plan the same whatever the clock.
  const atBound = moved.evaluation.objective.people >= (await boundPromise).people;
  const better = await improve(prepared, baseline, moved.skeletons, moved.evaluation, {
    rng: new Rng(seed), now, deadlineMs: t0 + timeLimit * 1000 * SEARCH_SHARE, timeLimitSeconds: timeLimit,
    shouldStop: stopRequested, onImprove: progress, previous, budgetShare: atBound ? 0 : 1,
  });
  const repaired = await repair(prepared, baseline, better, repairParams(REPAIR_SHARE));
  progress(repaired.evaluation);
  return repaired;
}

/** Asks the host at most every 25 ms: the check itself may cost a message round-trip. */
function throttle(ask: () => boolean, now: () => number): () => boolean {
  let last = -Infinity;
  let answer = false;
  return () => {
    if (answer) return true;
    const time = now();
    if (time - last >= 25) {
      last = time;
      answer = ask();
    }
    return answer;
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
