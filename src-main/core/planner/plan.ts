import { burndown, clearanceDate, enrolledUntil, shortfall } from '../analysis';
import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../model';
import { upperBound } from './bound';
import { loadHighs, type LpSolve } from './highs';
import { checkPlan } from './check';
import { constructSteps, drive } from './construct';
import { dayNumber } from './days';
import { planningGuide } from './guide';
import { compareObjectives, compareSkeletons, evaluate, makeBaseline, type Baseline, type Evaluation, type Objective } from './objective';
import { sortRoutes, toRoute } from './output';
import { prepare, type Prepared } from './prepare';
import { project } from './project';
import { Rng } from './rng';
import { repair, type RepairParams } from './repair';
import { improve } from './search';
import { localSearch } from './local-search';
import { PlanState, type Skeleton } from './state';

export interface PlanProgress {
  placedShare: number;
  bestObjective: number;
  elapsedSeconds: number;
}

export interface PlanHooks {
  /** Milliseconds from any fixed origin. */
  now(): number;
  onProgress?(p: PlanProgress): void;
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
 * can reach (0.8 s for the demo's 3,100 pairs, 1.6 s for 11,000 on the reference machine),
 * so a short limit on a big district goes to the search instead. Sizes and limits, not
 * measured times, decide, so the choice is the same on every machine.
 */
const GUIDE_MIN_SECONDS = 3;
const GUIDE_PAIRS_PER_SECOND = 2_500;
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
  const now = hooks?.now ?? ((): number => Date.now());
  const seed = options.seed ?? 1;
  const timeLimit = options.timeLimitSeconds ?? 10;
  const t0 = now();
  const elapsed = (): number => (now() - t0) / 1000;
  const stopRequested = throttle(hooks?.shouldStop ?? ((): boolean => false), now);
  void loadHighs().catch(() => undefined); // compile the solver while the instance is prepared

  const P = prepare(instance);
  const pinnedOnly = new PlanState(P);
  for (const r of instance.pinned) pinnedOnly.addPinned(r);
  const backlogTotal = P.remaining.reduce((a, b) => a + b, 0);
  const tell = (o: Objective): void => hooks?.onProgress?.({
    placedShare: backlogTotal === 0 ? 1 : o.people / backlogTotal,
    bestObjective: o.weighted,
    elapsedSeconds: elapsed(),
  });
  const progress = (e: Evaluation): void => tell(e.objective);

  // Started now, awaited at the end: on another thread it costs the search nothing.
  const boundPromise = upperBound(P, pinnedOnly.nonHomebound, pinnedOnly.homebound, now, hooks?.solveLp);
  let pairs = 0;
  for (const r of P.reachable) pairs += r;
  const guide = timeLimit >= GUIDE_MIN_SECONDS && pairs <= GUIDE_PAIRS_PER_SECOND * timeLimit && !stopRequested()
    ? await planningGuide(P, pinnedOnly.nonHomebound, pinnedOnly.homebound) : null;
  // Greedy alone, then (with a guide) following the guide: the better plan goes on. The
  // guide pays where teams are short of time and can cost a little where they are not.
  const previous = previousIndex(P);
  let best: { baseline: Baseline; skeletons: Skeleton[]; evaluation: Evaluation; offGuide: number } | null = null;
  const variants = guide ? [{ g: null, off: 1 }, ...GUIDE_STRICTNESS.map((off) => ({ g: guide, off }))] : [{ g: null, off: 1 }];
  for (const { g, off } of variants) {
    if (best && stopRequested()) break;
    P.guide = g;
    P.offGuide = off;
    const baseline = makeBaseline(P, { nonHomebound: pinnedOnly.nonHomebound, homebound: pinnedOnly.homebound, guide: g });
    const start = new PlanState(P);
    for (const r of instance.pinned) start.addPinned(r);
    const built = await drive(constructSteps(P, start, P.slots, { rng: null, noise: 0, previous }, stopRequested), now);
    const skeletons = built.map((b) => b.skeleton).sort((a, b) => compareSkeletons(P, a, b));
    const evaluation = evaluate(P, baseline, skeletons);
    if (!best || compareObjectives(evaluation.objective, best.evaluation.objective) > 0) best = { baseline, skeletons, evaluation, offGuide: off };
  }
  const { baseline } = best!;
  P.guide = baseline.guide;
  P.offGuide = best!.offGuide;
  let { skeletons, evaluation } = best!;
  progress(evaluation);

  // The repair first (cheap, and it pays most per second: it may run past the search's
  // share on a slow machine), then the search, then the repair again.
  const repairParams = (share: number): RepairParams => ({
    shouldStop: stopRequested, now, deadlineMs: t0 + timeLimit * 1000 * share,
    maxWork: Math.round(timeLimit * REPAIR_WORK_PER_SECOND), previous,
  });
  const first = await repair(P, baseline, { skeletons, evaluation }, repairParams(REPAIR_SHARE));
  progress(first.evaluation);
  const moved = await localSearch(P, baseline, first, {
    rng: new Rng(seed), now, deadlineMs: t0 + timeLimit * 1000 * SEARCH_SHARE, maxWork: timeLimit * MOVE_WORK_PER_SECOND,
    shouldStop: stopRequested, onProgress: tell,
  });
  progress(moved.evaluation);
  const better = await improve(P, baseline, moved.skeletons, moved.evaluation, {
    rng: new Rng(seed), now, deadlineMs: t0 + timeLimit * 1000 * SEARCH_SHARE, timeLimitSeconds: timeLimit,
    shouldStop: stopRequested, onImprove: progress, previous,
  });
  const repaired = await repair(P, baseline, better, repairParams(REPAIR_SHARE));
  skeletons = repaired.skeletons;
  evaluation = repaired.evaluation;
  progress(evaluation);

  const bound = await boundPromise;
  const routes = materialize(P, baseline, skeletons, evaluation);
  const projected = await project(P, baseline, skeletons, stopRequested, now);
  const report = buildReport(P, routes, projected, evaluation, bound.people, seed);
  const checker = checkPlan(instance, routes, report);
  const result: PlanResult = { routes, report: { ...report, checker, seconds: round3(elapsed()) } };
  progress(evaluation);
  return result;
}

function materialize(P: Prepared, baseline: Baseline, skeletons: readonly Skeleton[], evaluation: Evaluation): Route[] {
  const planned = skeletons.map((sk, i) => toRoute(P, sk, evaluation.plans[i]!));
  return sortRoutes(P, [...baseline.pinned.map((r) => ({ ...r, pinned: true })), ...planned]);
}

function buildReport(
  P: Prepared, routes: readonly Route[], projected: readonly Route[], evaluation: Evaluation, bound: number, seed: number,
): Omit<PlanReport, 'checker'> {
  const { instance } = P;
  const deadline = instance.campaign.deadline;
  const backlog = { cccd: 0, eid: 0 };
  for (const b of instance.backlogs) {
    backlog.cccd += b.remaining.cccd;
    backlog.eid += b.remaining.eid;
  }
  const enrolled = enrolledUntil(routes, deadline);
  const clearance = clearanceDate(instance, [...routes, ...projected]);
  let distanceM = 0;
  let cost = 0;
  for (const r of routes) {
    distanceM += r.distanceM;
    cost += r.cost;
  }
  return {
    from: instance.from,
    deadline,
    backlog,
    enrolled,
    upperBound: bound,
    clearanceDate: clearance,
    deadlineMet: clearance !== null && clearance <= deadline,
    shortfall: shortfall(instance, routes),
    burndown: instance.from <= deadline ? burndown(backlog, routes, instance.from, deadline) : [],
    objectives: {
      weightedEnrolled: round6(evaluation.objective.weighted),
      imbalance: round6(evaluation.objective.imbalance),
      distanceM,
      cost,
      changes: evaluation.objective.changes,
    },
    shifts: routes.length,
    seconds: 0,
    seed,
  };
}

/** `${day}|${templateId}|${team}` -> hamlets of the previous plan there. */
function previousIndex(P: Prepared): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  for (const r of P.instance.previous) {
    const t = P.teamIdx.get(r.teamId);
    if (t === undefined) continue;
    const hamlets = new Set(r.stops.flatMap((s) => {
      const h = P.hamletIdx.get(s.hamletId);
      return h === undefined ? [] : [h];
    }));
    index.set(`${dayNumber(r.date)}|${r.templateId}|${t}`, hamlets);
  }
  return index;
}

/** Asks the host at most every 25 ms: the check itself may cost a message round-trip. */
function throttle(ask: () => boolean, now: () => number): () => boolean {
  let last = -Infinity;
  let answer = false;
  return () => {
    if (answer) return true;
    const t = now();
    if (t - last >= 25) {
      last = t;
      answer = ask();
    }
    return answer;
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
