import { bestRoute, type ScoreContext } from './candidates';
import { yieldThread } from './construct';
import { allocate, reachable, routeFrame, type Pools } from './evaluate';
import { compareObjectives, compareSkeletons, evaluate, type Baseline } from './objective';
import type { Prepared } from './prepare';
import { cleanup, type Solution } from './search';
import { PlanState, type Skeleton } from './state';

export interface RepairParams {
  shouldStop: () => boolean;
  now: () => number;
  /** Wall-clock end (ms, same origin as now()): only a slow machine reaches it. */
  deadlineMs: number;
  /** Most full evaluations of the plan (the deterministic budget). */
  maxEvaluations: number;
  previous: ScoreContext['previous'];
}

/** Hands the thread back (so a cancel message can arrive) when 40 ms have passed since the last time. */
function pauser(now: () => number): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < 40) return;
    await yieldThread();
    last = now();
  };
}

/** Shortfall repair: idle-time fill and new routes in team-shifts the plan leaves free. */
export async function repair(P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const budget = { evaluations: 0 };
  let current = await addRoutes(P, baseline, solution, params, budget);
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const swapped = await swapRoutes(P, baseline, current, params, budget);
    const filled = await fillIdle(P, baseline, swapped, params, budget);
    if (filled === current) break;
    current = filled;
  }
  const cleaned = cleanup(P, baseline, current);
  return compareObjectives(cleaned.evaluation.objective, current.evaluation.objective) >= 0 ? cleaned : current;
}

const sameSlot = (a: Skeleton, b: Skeleton): boolean => a.slot.day === b.slot.day && a.slot.templateId === b.slot.templateId;

/** Rounds of swaps and fills, each screened on the plan the last one left. */
const REPAIR_ROUNDS = 4;

/** Pools at the end of the plan with the people of some of its routes given back. */
function givenBack(P: Prepared, solution: Solution, routes: readonly number[]): Pools {
  const H = P.hamlets.length;
  const { pools, plans } = solution.evaluation;
  const out = { nonHomebound: pools.nonHomebound.slice(), homebound: pools.homebound.slice(), guide: null };
  for (const i of routes) {
    for (const s of plans[i]!.stops) {
      for (let k = 0; k < 2; k++) {
        out.nonHomebound[k * H + s.hamlet] = out.nonHomebound[k * H + s.hamlet]! + s.quota[k]!;
        out.homebound[k * H + s.hamlet] = out.homebound[k * H + s.hamlet]! + s.home[k]!;
      }
    }
  }
  return out;
}

function vehiclesPass(P: Prepared, vehicles: readonly number[], stops: readonly number[]): boolean {
  for (const h of stops) {
    const ph = P.hamlets[h]!;
    for (const v of vehicles) {
      const pv = P.vehicles[v]!;
      if ((pv.roadMask & ph.roadMask) !== ph.roadMask || (ph.moto && !pv.moto)) return false;
    }
  }
  return true;
}

/**
 * Two teams in the same shift trade their hamlets (each keeps its vehicles, which must
 * pass): a kit team takes the hamlet with CCCD left, a fast team the big one. Screened on
 * the people left at the end of the plan, kept when the whole plan enrols more.
 */
export async function swapRoutes(
  P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams, budget = { evaluations: 0 },
): Promise<Solution> {
  const pause = pauser(params.now);
  let current = solution;
  const H = P.hamlets.length;
  const list = current.skeletons;
  const swaps: { i: number; j: number; gain: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    await pause();
    if (params.shouldStop()) return current;
    for (let j = i + 1; j < list.length && sameSlot(list[j]!, a); j++) {
      const b = list[j]!;
      if (!vehiclesPass(P, a.vehicles, b.stops) || !vehiclesPass(P, b.vehicles, a.stops)) continue;
      if (b.stops.some((h) => !P.reachable[a.team * H + h]) || a.stops.some((h) => !P.reachable[b.team * H + h])) continue;
      const pools = givenBack(P, current, [i, j]);
      const na = allocate(P, a.team, a.slot, b.stops, pools);
      if (!na) continue;
      const nb = allocate(P, b.team, b.slot, a.stops, pools);
      if (!nb) continue;
      const gain = na.value + nb.value - current.evaluation.plans[i]!.value - current.evaluation.plans[j]!.value;
      if (gain > 1e-9) swaps.push({ i, j, gain });
    }
  }
  swaps.sort((x, y) => y.gain - x.gain || x.i - y.i || x.j - y.j);
  const touched = new Set<number>();
  for (const { i, j } of swaps) {
    await pause();
    if (budget.evaluations >= params.maxEvaluations || params.shouldStop() || params.now() >= params.deadlineMs) break;
    if (touched.has(i) || touched.has(j)) continue;
    const a = current.skeletons[i]!;
    const b = current.skeletons[j]!;
    const skeletons = current.skeletons.slice();
    skeletons[i] = { ...a, stops: b.stops };
    skeletons[j] = { ...b, stops: a.stops };
    budget.evaluations++;
    const evaluation = evaluate(P, baseline, skeletons);
    if (compareObjectives(evaluation.objective, current.evaluation.objective) <= 0) continue;
    current = { skeletons, evaluation };
    touched.add(i);
    touched.add(j);
  }
  return current;
}

/**
 * New routes where a team could still work a shift (caps, days off, vehicles allow): the
 * best route on what the plan leaves at the end, kept when the whole plan enrols more.
 */
export async function addRoutes(
  P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams, budget = { evaluations: 0 },
): Promise<Solution> {
  const pause = pauser(params.now);
  const guide = P.guide;
  P.guide = null; // plain people: the state below follows no guide
  const state = new PlanState(P);
  P.guide = guide;
  for (const r of baseline.pinned) state.addPinned(r);
  for (const sk of solution.skeletons) state.hold(sk);
  let current = solution;
  state.nonHomebound.set(current.evaluation.pools.nonHomebound);
  state.homebound.set(current.evaluation.pools.homebound);
  const ctx: ScoreContext = { rng: null, noise: 0, previous: params.previous };
  for (const slot of P.slots) {
    for (let t = 0; t < P.teams.length; t++) {
      await pause();
      if (budget.evaluations >= params.maxEvaluations || params.shouldStop() || params.now() >= params.deadlineMs) return current;
      if (!state.teamCanTake(t, slot)) continue;
      const cand = bestRoute(P, state, t, slot, ctx);
      if (!cand || cand.plan.people === 0) continue;
      const sk: Skeleton = { slot, team: t, vehicles: cand.vehicles, stops: cand.stops };
      const skeletons = [...current.skeletons, sk].sort((a, b) => compareSkeletons(P, a, b));
      budget.evaluations++;
      const evaluation = evaluate(P, baseline, skeletons);
      if (compareObjectives(evaluation.objective, current.evaluation.objective) <= 0) continue;
      current = { skeletons, evaluation };
      state.hold(sk);
      state.nonHomebound.set(evaluation.pools.nonHomebound);
      state.homebound.set(evaluation.pools.homebound);
    }
  }
  return current;
}

/**
 * Idle-time fill: a route whose shift has time left after its stops gets one more hamlet
 * (any the team and the route's vehicles reach, where it travels least), when the whole plan,
 * re-evaluated in chronological order, enrols strictly more. Candidates are screened on
 * what is left at the end of the plan: a hamlet with nobody reachable left gains nothing.
 */
export async function fillIdle(
  P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams, budget = { evaluations: 0 },
): Promise<Solution> {
  let current = solution;
  const pause = pauser(params.now);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = await fillPass(P, baseline, current, params, budget, pause);
    if (next === current) break;
    current = next;
  }
  return current;
}

const MAX_PASSES = 3;

function compareStops(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}
/** Insertions fully evaluated per route, best screened gain first. */
const TRIES_PER_ROUTE = 3;

async function fillPass(
  P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams, budget: { evaluations: number }, pause: () => Promise<void>,
): Promise<Solution> {
  let current = solution;
  const H = P.hamlets.length;
  for (let i = 0; i < current.skeletons.length; i++) {
    await pause();
    if (budget.evaluations >= params.maxEvaluations || params.shouldStop() || params.now() >= params.deadlineMs) break;
    const sk = current.skeletons[i]!;
    const plan = current.evaluation.plans[i]!;
    const team = P.teams[sk.team]!;
    if (plan.idleMinutes < team.setup + 1 / team.maxRatePerMin) continue;
    const pools = current.evaluation.pools;
    // Screened on the pools left at the end, this route's own people given back.
    const screen = givenBack(P, current, [i]);
    const options: { stops: number[]; gain: number }[] = [];
    for (let h = 0; h < H; h++) {
      if (sk.stops.includes(h) || !hasReachableLeft(P, sk, h, pools.nonHomebound, pools.homebound)) continue;
      if (!fits(P, current.skeletons, sk, h)) continue;
      let bestStops: number[] | null = null;
      let bestWork = -1;
      for (let pos = 0; pos <= sk.stops.length; pos++) {
        const stops = [...sk.stops.slice(0, pos), h, ...sk.stops.slice(pos)];
        const work = routeFrame(P, sk.team, sk.slot, stops).work;
        if (work > bestWork) { bestWork = work; bestStops = stops; }
      }
      if (!bestStops || bestWork <= 0) continue;
      const trial = allocate(P, sk.team, sk.slot, bestStops, screen);
      if (trial && trial.value > plan.value + 1e-9) options.push({ stops: bestStops, gain: trial.value - plan.value });
    }
    options.sort((a, b) => b.gain - a.gain || compareStops(a.stops, b.stops));
    for (const option of options.slice(0, TRIES_PER_ROUTE)) {
      if (budget.evaluations >= params.maxEvaluations) break;
      const skeletons = current.skeletons.slice();
      skeletons[i] = { ...sk, stops: option.stops };
      budget.evaluations++;
      const evaluation = evaluate(P, baseline, skeletons);
      if (compareObjectives(evaluation.objective, current.evaluation.objective) > 0) {
        current = { skeletons, evaluation };
        break;
      }
    }
  }
  return current;
}

/** Hamlet h may join route sk: team reaches it, road open, the route's vehicles pass, nobody else there then. */
function fits(P: Prepared, skeletons: readonly Skeleton[], sk: Skeleton, h: number): boolean {
  const ph = P.hamlets[h]!;
  const { slot } = sk;
  if (!P.reachable[sk.team * P.hamlets.length + h] || ph.cut[slot.month]) return false;
  for (const v of sk.vehicles) {
    const pv = P.vehicles[v]!;
    if ((pv.roadMask & ph.roadMask) !== ph.roadMask || (ph.moto && !pv.moto)) return false;
  }
  for (const other of skeletons) {
    if (other.slot.day !== slot.day || other === sk) continue;
    if (other.slot.start < slot.end && slot.start < other.slot.end && other.stops.includes(h)) return false;
  }
  for (const r of P.instance.pinned) {
    if (r.date !== slot.date || r.departMin >= slot.end || slot.start >= r.returnMin) continue;
    if (r.stops.some((s) => P.hamletIdx.get(s.hamletId) === h)) return false;
  }
  return true;
}

function hasReachableLeft(P: Prepared, sk: Skeleton, h: number, nonHomebound: Int32Array, homebound: Int32Array): boolean {
  const team = P.teams[sk.team]!;
  const H = P.hamlets.length;
  const reach = P.hamlets[h]!.reach[sk.slot.kind] ?? 0;
  for (let s = 0; s < 2; s++) {
    if (!team.can[s]) continue;
    if (!sk.slot.homeOnly && reachable(reach, nonHomebound[s * H + h]!) > 0) return true;
    if (team.htp > 0 && homebound[s * H + h]! > 0) return true;
  }
  return false;
}
