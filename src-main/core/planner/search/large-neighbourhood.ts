import type { ScoreContext } from '../construct/candidates';
import { construct, slotKey, yieldThread } from '../construct/construct';
import { PlanState } from '../construct/state';
import { allocate, commit, consumeGuide } from '../evaluate/allocate';
import { compareObjectives, compareSkeletons, evaluate, type Baseline, type Evaluation, type Solution } from '../evaluate/objective';
import type { RoutePlan, Skeleton } from '../evaluate/route-plan';
import type { Prepared, PSlot } from '../prepare/prepared';
import { cleanup, polishVehicles } from './cleanup';
import type { Rng } from '../../rng';

export interface SearchParams {
  rng: Rng;
  now: () => number;
  /** Wall-clock end of the search (ms, same origin as now()). */
  deadlineMs: number;
  timeLimitSeconds: number;
  shouldStop: () => boolean;
  onImprove?: (evaluation: Evaluation) => void;
  /** The previous plan's routes, for the tie-break towards keeping them (objective level 4). */
  previous: ScoreContext['previous'];
  /** Share of the work budget to spend (default 1; 0: only the clean-up and the vehicle polish). */
  budgetShare?: number;
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
export async function improve(prepared: Prepared, baseline: Baseline, skeletons: Skeleton[], evaluation: Evaluation, params: SearchParams): Promise<Solution> {
  let current: Solution = cleanup(prepared, baseline, { skeletons, evaluation });
  const weeks = [...new Set(prepared.slots.map((s) => s.week))];
  const budget = params.timeLimitSeconds * UNITS_PER_SECOND * (params.budgetShare ?? 1);
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
    const windowSlots = prepared.slots.filter((s) => window.has(s.week));
    const mode = rng.int(3);
    const teams = new Set<number>();
    const hamlets = new Set<number>();
    if (mode === 1) for (let draw = 0; draw < 3; draw++) teams.add(rng.int(prepared.teams.length));
    if (mode === 2) {
      const communeId = prepared.hamlets[rng.int(prepared.hamlets.length)]!.hamlet.communeId;
      prepared.hamlets.forEach((ph, h) => { if (ph.hamlet.communeId === communeId) hamlets.add(h); });
    }
    const torn = (sk: Skeleton): boolean => window.has(sk.slot.week)
      && (mode === 0 || (mode === 1 && teams.has(sk.team)) || (mode === 2 && sk.stops.some((h) => hamlets.has(h))));
    const keptIdx = current.skeletons.flatMap((sk, i) => (torn(sk) ? [] : [i]));
    const kept = keptIdx.map((i) => current.skeletons[i]!);
    const keptPlans = keptIdx.map((i) => current.evaluation.plans[i]!);
    const candidate = cleanup(prepared, baseline, rebuild(prepared, baseline, kept, keptPlans, windowSlots, ctx));
    used += ITERATION_UNITS + current.skeletons.length * 2 + windowSlots.length * prepared.teams.length;
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
  return polishVehicles(prepared, baseline, current);
}

/** Rebuilds the window around the kept routes, which stay booked and take their people. */
function rebuild(
  prepared: Prepared, baseline: Baseline, kept: readonly Skeleton[], keptPlans: readonly RoutePlan[], windowSlots: readonly PSlot[], ctx: ScoreContext,
): Solution {
  const state = new PlanState(prepared);
  for (const route of baseline.pinned) state.addPinned(route);
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
      const plan = allocate(prepared, sk.team, sk.slot, sk.stops, state, sk.targets);
      if (plan) commit(prepared, plan, state, sk.slot);
    } else consumeGuide(keptPlans[i]!, state);
  });
  const built = construct(prepared, state, windowSlots, ctx, undefined, fixed);
  const skeletons = [...kept, ...built.map((b) => b.skeleton)].sort((a, b) => compareSkeletons(prepared, a, b));
  return { skeletons, evaluation: evaluate(prepared, baseline, skeletons) };
}

const before = (a: PSlot, b: PSlot): boolean => a.day < b.day || (a.day === b.day && (a.start < b.start || (a.start === b.start && a.templateId < b.templateId)));
