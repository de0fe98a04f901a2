import type { ScoreContext } from './candidates';
import { construct, slotKey, yieldThread } from './construct';
import { allocate, commit, consumeGuide, routeFrame, type RoutePlan } from './evaluate';
import { compareObjectives, compareSkeletons, evaluate, type Baseline, type Evaluation } from './objective';
import type { Prepared, PSlot } from './prepare';
import type { Rng } from './rng';
import { PlanState, type Skeleton } from './state';

export interface SearchParams {
  rng: Rng;
  now: () => number;
  /** Wall-clock end of the search (ms, same origin as now()). */
  deadlineMs: number;
  timeLimitSeconds: number;
  shouldStop: () => boolean;
  onImprove?: (e: Evaluation) => void;
  /** The previous plan's routes, for the tie-break towards keeping them (objective level 4). */
  previous: ScoreContext['previous'];
}

export interface Solution {
  skeletons: Skeleton[];
  evaluation: Evaluation;
}

/**
 * Work units per second of time limit the search may spend: a unit is one route
 * evaluated or one team considered for one shift. The budget, not the clock, ends a normal
 * run, so the same seed gives the same plan on any machine; the clock only cuts it short
 * on a machine slower than this calibration assumes.
 */
const UNITS_PER_SECOND = 50_000;
/** Fixed cost of one iteration in work units (rebuilding the bookings). */
const ITERATION_UNITS = 400;
/** Iterations in a row without a strictly better plan after which the search gives up. */
const STALL_ITERATIONS = 150;
const NOISE = 0.3;

/**
 * Large-neighbourhood search: tear out the routes of a window of weeks (all teams, a few
 * teams, or the hamlets of one commune) and rebuild them with a randomised greedy; keep the
 * result when it is at least as good lexicographically. Then polish vehicles for cost.
 */
export async function improve(P: Prepared, baseline: Baseline, skeletons: Skeleton[], evaluation: Evaluation, params: SearchParams): Promise<Solution> {
  let current: Solution = cleanup(P, baseline, { skeletons, evaluation });
  const weeks = [...new Set(P.slots.map((s) => s.week))];
  const budget = params.timeLimitSeconds * UNITS_PER_SECOND;
  let used = 0;
  let stall = 0;
  let lastReport = params.now();
  let lastYield = params.now();
  const ctx: ScoreContext = { rng: params.rng, noise: NOISE, previous: params.previous };
  while (weeks.length > 0 && used < budget && stall < STALL_ITERATIONS && params.now() < params.deadlineMs && !params.shouldStop()) {
    if (params.now() - lastYield >= 40) {
      await yieldThread(); // lets a cancel message reach shouldStop()
      lastYield = params.now();
    }
    const { rng } = params;
    const span = 1 + rng.int(Math.min(2, weeks.length));
    const first = rng.int(weeks.length - span + 1);
    const window = new Set(weeks.slice(first, first + span));
    const windowSlots = P.slots.filter((s) => window.has(s.week));
    const mode = rng.int(3);
    const teams = new Set<number>();
    const hamlets = new Set<number>();
    if (mode === 1) for (let k = 0; k < 3; k++) teams.add(rng.int(P.teams.length));
    if (mode === 2) {
      const communeId = P.hamlets[rng.int(P.hamlets.length)]!.hamlet.communeId;
      P.hamlets.forEach((ph, h) => { if (ph.hamlet.communeId === communeId) hamlets.add(h); });
    }
    const torn = (sk: Skeleton): boolean => window.has(sk.slot.week)
      && (mode === 0 || (mode === 1 && teams.has(sk.team)) || (mode === 2 && sk.stops.some((h) => hamlets.has(h))));
    const keptIdx = current.skeletons.flatMap((sk, i) => (torn(sk) ? [] : [i]));
    const kept = keptIdx.map((i) => current.skeletons[i]!);
    const keptPlans = keptIdx.map((i) => current.evaluation.plans[i]!);
    const candidate = cleanup(P, baseline, rebuild(P, baseline, kept, keptPlans, windowSlots, ctx));
    used += ITERATION_UNITS + current.skeletons.length * 2 + windowSlots.length * P.teams.length;
    const verdict = compareObjectives(candidate.evaluation.objective, current.evaluation.objective);
    stall = verdict > 0 ? 0 : stall + 1;
    if (verdict >= 0) {
      const strictly = verdict > 0;
      current = candidate;
      if (strictly && params.onImprove && params.now() - lastReport > 200) {
        lastReport = params.now();
        params.onImprove(current.evaluation);
      }
    }
  }
  return polishVehicles(P, baseline, current);
}

/** Rebuilds the window around the kept routes, which stay booked and take their people. */
function rebuild(
  P: Prepared, baseline: Baseline, kept: readonly Skeleton[], keptPlans: readonly RoutePlan[], windowSlots: readonly PSlot[], ctx: ScoreContext,
): Solution {
  const state = new PlanState(P);
  for (const r of baseline.pinned) state.addPinned(r);
  const firstSlot = windowSlots[0];
  const fixed = new Map<string, Skeleton[]>();
  const inWindow = new Set(windowSlots.map(slotKey));
  kept.forEach((sk, i) => {
    state.hold(sk);
    if (inWindow.has(slotKey(sk.slot))) {
      const list = fixed.get(slotKey(sk.slot));
      if (list) list.push(sk);
      else fixed.set(slotKey(sk.slot), [sk]);
    } else if (firstSlot && before(sk.slot, firstSlot)) {
      const plan = allocate(P, sk.team, sk.slot, sk.stops, state);
      if (plan) commit(P, plan, state);
    } else consumeGuide(keptPlans[i]!, state);
  });
  const built = construct(P, state, windowSlots, ctx, undefined, fixed);
  const skeletons = [...kept, ...built.map((b) => b.skeleton)].sort((a, b) => compareSkeletons(P, a, b));
  return { skeletons, evaluation: evaluate(P, baseline, skeletons) };
}

const before = (a: PSlot, b: PSlot): boolean => a.day < b.day || (a.day === b.day && (a.start < b.start || (a.start === b.start && a.templateId < b.templateId)));

/** Drops stops that enrol nobody (and routes left empty): less travel, more time elsewhere. */
export function cleanup(P: Prepared, baseline: Baseline, solution: Solution): Solution {
  let current = solution;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    const next: Skeleton[] = [];
    current.skeletons.forEach((sk, i) => {
      const plan = current.evaluation.plans[i]!;
      let stops = sk.stops.filter((_, k) => {
        const s = plan.stops[k]!;
        return s.quota[0] + s.quota[1] + s.home[0] + s.home[1] > 0;
      });
      // Travel times need not obey the triangle inequality: a shortcut may be slower.
      if (stops.length > 0 && routeFrame(P, sk.team, sk.slot, stops).work < 0) stops = sk.stops;
      if (stops.length !== sk.stops.length) changed = true;
      if (stops.length > 0) next.push(stops.length === sk.stops.length ? sk : { ...sk, stops });
    });
    if (!changed) return current;
    current = { skeletons: next, evaluation: evaluate(P, baseline, next) };
  }
  return current;
}

/**
 * Cheapest vehicles per route, shift by shift (level 3): quotas do not depend on the
 * vehicles, so this never costs people. A shift whose routes cannot all be re-equipped
 * keeps its vehicles.
 */
function polishVehicles(P: Prepared, baseline: Baseline, solution: Solution): Solution {
  const state = new PlanState(P);
  for (const r of baseline.pinned) state.addPinned(r);
  const out: Skeleton[] = [];
  const list = solution.skeletons;
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j < list.length && slotKey(list[j]!.slot) === slotKey(list[i]!.slot)) j++;
    const group = list.slice(i, j);
    const picked: Skeleton[] = [];
    for (const sk of group) {
      const vehicles = state.pickVehicles(sk.team, sk.stops, sk.slot);
      if (!vehicles) return solution; // keep the construction's vehicles: they fit together
      picked.push({ ...sk, vehicles });
      state.hold({ ...sk, vehicles, stops: [] });
    }
    out.push(...picked);
    i = j;
  }
  const evaluation = evaluate(P, baseline, out);
  return compareObjectives(evaluation.objective, solution.evaluation.objective) >= 0 ? { skeletons: out, evaluation } : solution;
}
