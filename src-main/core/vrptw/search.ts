/**
 * Search driver: construction, then (objective 'vehicles') a fleet phase that
 * empties routes, then a distance phase of ruin-and-recreate under simulated
 * annealing, then a local-search polish of the best solution.
 *
 * Fleet phase (SISR's fleet minimisation): take a route out, put its customers in
 * the pool and run ruin-and-recreate with the fleet capped one below the best
 * complete solution. A candidate is kept when it leaves fewer customers out, or
 * leaves out customers that have rarely been left out (absence counters), which
 * steers the search to place the hard customers first.
 */
import { betterThan, construct } from './construct';
import { RouteState } from './evaluate';
import { buildInstance, type Instance } from './instance';
import { localSearch } from './operators';
import { Recreator } from './recreate';
import { Rng } from '../rng';
import { Ruiner } from './ruin';
import type { RoutingProblem, RoutingSolution, SolveOptions, SolveProgress } from './types';

/** Tunable knobs of the search; the defaults suit problems of ~25-1000 customers. */
export interface SearchParams {
  /** Share of the budget the fleet phase may use at most. */
  fleetShare: number;
  /** The fleet phase ends when no route was removed for this share of the budget. */
  fleetStall: number;
  /** Start and end temperature, as multiples of the mean edge length of the first solution. */
  startTemperature: number;
  endTemperature: number;
  blinkFleet: number;
  blinkDistance: number;
}

export const defaultSearchParams: SearchParams = {
  fleetShare: 0.6,
  fleetStall: 0.3,
  startTemperature: 8,
  endTemperature: 0.05,
  blinkFleet: 0.01,
  blinkDistance: 0.01,
};

/** Construction tries further I1 parameter sets only within this share of the budget. */
const CONSTRUCT_SHARE = 0.05;

/** Share of the time limit kept for the final local search. */
const POLISH_SHARE = 0.015;

class Budget {
  iterations = 0;
  stopped = false;
  private readonly t0: number;

  constructor(
    private readonly now: () => number,
    private readonly limitMs: number,
    private readonly maxIterations: number,
    private readonly shouldStop: (() => boolean) | undefined,
  ) {
    this.t0 = now();
  }

  elapsed(): number {
    return this.now() - this.t0;
  }

  /** Share of the budget used, in [0, 1+]. */
  progress(): number {
    const byTime = this.limitMs > 0 ? this.elapsed() / this.limitMs : 1;
    const byIterations = this.iterations / this.maxIterations;
    return byTime > byIterations ? byTime : byIterations;
  }

  /** Count one iteration; false when the whole budget is spent or the caller asked to stop. */
  tick(): boolean {
    this.iterations++;
    if (this.shouldStop !== undefined && (this.iterations & 31) === 0 && this.shouldStop()) this.stopped = true;
    return !this.stopped && this.progress() < 1;
  }
}

function costOf(state: RouteState, lexicographic: boolean, vehicleCost: number): number {
  return state.distance + state.penalty() + (lexicographic ? 0 : vehicleCost * state.routeCount);
}

function lowerBoundVehicles(inst: Instance): number {
  if (inst.requiredCount === 0) return 0;
  let demand = 0;
  for (let u = 1; u < inst.n; u++) if (inst.required[u] === 1) demand += inst.demand[u] as number;
  return Math.max(1, inst.capacity > 0 ? Math.ceil(demand / inst.capacity - 1e-9) : 1);
}

interface Context {
  inst: Instance;
  rng: Rng;
  budget: Budget;
  ruiner: Ruiner;
  recreator: Recreator;
  params: SearchParams;
  lexicographic: boolean;
  stallIterations: number;
  report: (phase: SolveProgress['phase'], state: RouteState) => void;
}

function absenceSum(state: RouteState, absences: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < state.poolSize; k++) {
    const u = state.pool[k] as number;
    if (state.inst.required[u] === 1) sum += absences[u] as number;
  }
  return sum;
}

/** Route of `state` whose customers have been absent least (ties: fewest visits). */
function routeToRemove(state: RouteState, absences: Int32Array): number {
  let best = 0;
  let bestKey = Infinity;
  for (let r = 0; r < state.routeCount; r++) {
    let sum = 0;
    const base = r * state.stride;
    const size = state.size[r] as number;
    for (let k = 1; k <= size; k++) sum += absences[state.nodes[base + k] as number] as number;
    const key = sum * (state.inst.n + 1) + size;
    if (key < bestKey) {
      bestKey = key;
      best = r;
    }
  }
  return best;
}

function fleetPhase(ctx: Context, best: RouteState): void {
  const { inst, rng, budget, ruiner, recreator, params } = ctx;
  const floor = lowerBoundVehicles(inst);
  if (best.missingRequired() > 0 || best.routeCount <= floor) return;
  const absences = new Int32Array(inst.n);
  const current = new RouteState(inst);
  const work = new RouteState(inst);
  current.copyFrom(best);
  current.clearRoute(routeToRemove(current, absences));
  let target = current.routeCount;
  let currentMissing = current.missingRequired();
  let currentAbsence = 0;
  let lastGain = budget.progress();
  let lastGainIteration = budget.iterations;
  const recreateOpts = { routeLimit: target, lexicographic: true, blink: params.blinkFleet, abortAbove: Infinity };
  while (budget.tick()) {
    const progress = budget.progress();
    if (progress >= params.fleetShare || progress - lastGain > params.fleetStall) break;
    if (budget.iterations - lastGainIteration > ctx.stallIterations) break;
    work.copyFrom(current);
    ruiner.ruin(work, rng);
    recreateOpts.routeLimit = target;
    recreator.recreate(work, rng, recreateOpts);
    const missing = work.missingRequired();
    if (missing === 0) {
      best.copyFrom(work);
      ctx.report('fleet', best);
      lastGain = progress;
      lastGainIteration = budget.iterations;
      if (best.routeCount <= floor) return;
      current.copyFrom(work);
      current.clearRoute(routeToRemove(current, absences));
      target = current.routeCount;
      currentMissing = current.missingRequired();
      currentAbsence = absenceSum(current, absences);
      continue;
    }
    const absence = absenceSum(work, absences);
    if (missing < currentMissing || absence < currentAbsence) {
      current.copyFrom(work);
      currentMissing = missing;
    }
    for (let k = 0; k < work.poolSize; k++) {
      const u = work.pool[k] as number;
      if (inst.required[u] === 1) absences[u] = (absences[u] as number) + 1;
    }
    currentAbsence = absenceSum(current, absences);
  }
}

function distancePhase(ctx: Context, best: RouteState): void {
  const { inst, rng, budget, ruiner, recreator, params, lexicographic } = ctx;
  const vehicleCost = inst.vehicleCost;
  const current = new RouteState(inst);
  const work = new RouteState(inst);
  current.copyFrom(best);
  const edges = Math.max(1, inst.n - 1 + best.routeCount);
  const scale = Math.max(best.distance / edges, 1e-9);
  const t0 = params.startTemperature * scale;
  const tf = params.endTemperature * scale;
  const p0 = budget.progress();
  let currentCost = costOf(current, lexicographic, vehicleCost);
  let currentMissing = current.missingRequired();
  let lastGain = budget.iterations;
  const opts = {
    routeLimit: lexicographic ? best.routeCount : inst.maxVehicles,
    lexicographic,
    blink: params.blinkDistance,
    abortAbove: Infinity,
  };
  while (budget.tick() && budget.iterations - lastGain < ctx.stallIterations) {
    const q = Math.min(1, (budget.progress() - p0) / Math.max(1e-9, 1 - p0));
    const temperature = t0 * Math.pow(tf / t0, q);
    const threshold = currentCost - temperature * Math.log(1 - rng.next());
    work.copyFrom(current);
    ruiner.ruin(work, rng);
    opts.abortAbove = inst.triangle && currentMissing === 0 ? threshold : Infinity;
    if (!recreator.recreate(work, rng, opts)) continue;
    const missing = work.missingRequired();
    if (missing > currentMissing) continue;
    const cost = costOf(work, lexicographic, vehicleCost);
    const fewerRoutes = lexicographic && work.routeCount < current.routeCount;
    if (missing < currentMissing || fewerRoutes || cost < threshold) {
      current.copyFrom(work);
      currentCost = cost;
      currentMissing = missing;
      if (betterThan(current, best, lexicographic, vehicleCost)) {
        best.copyFrom(current);
        if (lexicographic) opts.routeLimit = best.routeCount;
        lastGain = budget.iterations;
        ctx.report('distance', best);
      }
    }
  }
}

export function solveVrptw(
  problem: RoutingProblem,
  options: SolveOptions = {},
  params: SearchParams = defaultSearchParams,
): RoutingSolution {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const limitMs = options.timeLimitMs ?? 2000;
  // The search stops a little early so that the final polish fits in the limit.
  const budget = new Budget(now, limitMs * (1 - POLISH_SHARE), options.maxIterations ?? Infinity, options.shouldStop);
  const inst = buildInstance(problem);
  const lexicographic = (options.objective ?? 'vehicles') === 'vehicles';
  const onProgress = options.onProgress;
  const ctx: Context = {
    inst,
    rng: new Rng(options.seed ?? 1),
    budget,
    ruiner: new Ruiner(inst),
    recreator: new Recreator(inst),
    params,
    lexicographic,
    stallIterations: options.stallIterations ?? Infinity,
    report: (phase, state) => {
      if (onProgress === undefined) return;
      onProgress({
        phase,
        iteration: budget.iterations,
        elapsedMs: budget.elapsed(),
        vehicles: state.routeCount,
        distance: state.distance,
        missingRequired: state.missingRequired(),
      });
    },
  };
  const best = construct(inst, lexicographic, () => budget.progress() > CONSTRUCT_SHARE);
  ctx.report('construct', best);
  if (inst.n > 1) {
    if (lexicographic) fleetPhase(ctx, best);
    distancePhase(ctx, best);
    const deadline = startedAt + limitMs;
    if (!budget.stopped) localSearch(best, lexicographic, () => now() >= deadline);
    ctx.report('polish', best);
  }
  return best.toSolution(budget.iterations, now() - startedAt);
}
