/**
 * Construction: Solomon's I1 sequential insertion heuristic (Solomon 1987), run
 * with a few parameter sets and two seed rules; the best result is kept.
 *
 * A route is opened with a seed customer; customers are then added to it one at
 * a time, choosing the one that gains most by being served here rather than by a
 * route of its own (c2 = lambda * d(0,u) - c1), where c1 mixes the detour and the
 * push forward of the next visit's start. Optional customers are left to the search.
 */
import { RouteState } from './evaluate';
import type { Instance } from './instance';

export interface I1Params {
  mu: number;
  lambda: number;
  /** Weight of the time push-forward in c1 (the detour gets 1 - alpha2). */
  alpha2: number;
  seed: 'far' | 'early';
}

const PARAM_SETS: I1Params[] = [];
for (const seed of ['far', 'early'] as const) {
  for (const alpha2 of [0, 0.5, 1]) {
    for (const lambda of [1, 2]) PARAM_SETS.push({ mu: 1, lambda, alpha2, seed });
  }
}

function pickSeed(inst: Instance, state: RouteState, rule: I1Params['seed']): number {
  let best = -1;
  let bestKey = -Infinity;
  for (let k = 0; k < state.poolSize; k++) {
    const u = state.pool[k] as number;
    if (inst.required[u] !== 1 || inst.servable[u] !== 1) continue;
    const key = rule === 'far' ? (inst.dist[u] as number) : -(inst.due[u] as number);
    if (key > bestKey || (key === bestKey && u < best)) {
      bestKey = key;
      best = u;
    }
  }
  return best;
}

/** Fill `state` (which must be empty) with I1 routes. */
export function constructI1(inst: Instance, state: RouteState, params: I1Params): void {
  const { n, time, dist, ready, due, service, demand, capacity, triangle } = inst;
  const alpha1 = 1 - params.alpha2;
  while (state.routeCount < state.maxRoutes) {
    const seed = pickSeed(inst, state, params.seed);
    if (seed < 0) break;
    const r = state.openRoute(seed);
    const base = r * state.stride;
    for (;;) {
      let bestU = -1;
      let bestPos = -1;
      let bestC2 = -Infinity;
      const size = state.size[r] as number;
      const spare = capacity - (state.load[r] as number);
      for (let k = 0; k < state.poolSize; k++) {
        const u = state.pool[k] as number;
        if (inst.required[u] !== 1 || (demand[u] as number) > spare) continue;
        let bestC1 = Infinity;
        let bestP = -1;
        let a = 0;
        for (let p = 0; p <= size; p++) {
          const b = state.nodes[base + p + 1] as number;
          const arrive = (state.start[base + p] as number) + (service[a] as number) + (time[a * n + u] as number);
          if (arrive > (due[u] as number)) {
            if (triangle) break;
            a = b;
            continue;
          }
          const startU = Math.max(arrive, ready[u] as number);
          const arriveB = startU + (service[u] as number) + (time[u * n + b] as number);
          if (arriveB <= (state.latest[base + p + 1] as number)) {
            const newStartB = b === 0 ? arriveB : Math.max(arriveB, ready[b] as number);
            const push = newStartB - (state.start[base + p + 1] as number);
            const detour =
              (dist[a * n + u] as number) + (dist[u * n + b] as number) - params.mu * (dist[a * n + b] as number);
            const c1 = alpha1 * detour + params.alpha2 * push;
            if (c1 < bestC1) {
              bestC1 = c1;
              bestP = p;
            }
          }
          a = b;
        }
        if (bestP < 0) continue;
        const c2 = params.lambda * (dist[u] as number) - bestC1;
        if (c2 > bestC2) {
          bestC2 = c2;
          bestU = u;
          bestPos = bestP;
        }
      }
      if (bestU < 0) break;
      state.insert(bestU, r, bestPos);
    }
  }
}

/** Solution rank for comparisons: missing required first, then the objective. */
export function betterThan(a: RouteState, b: RouteState, lexicographic: boolean, vehicleCost: number): boolean {
  const ma = a.missingRequired();
  const mb = b.missingRequired();
  if (ma !== mb) return ma < mb;
  if (lexicographic) {
    if (a.routeCount !== b.routeCount) return a.routeCount < b.routeCount;
    return a.distance + a.penalty() < b.distance + b.penalty();
  }
  return (
    a.distance + a.penalty() + vehicleCost * a.routeCount < b.distance + b.penalty() + vehicleCost * b.routeCount
  );
}

/** Best I1 solution over the parameter sets tried before `timeUp` (at least one). */
export function construct(inst: Instance, lexicographic: boolean, timeUp: () => boolean = () => false): RouteState {
  let best: RouteState | null = null;
  for (const params of PARAM_SETS) {
    if (best !== null && timeUp()) break;
    const state = new RouteState(inst);
    constructI1(inst, state, params);
    if (best === null || betterThan(state, best, lexicographic, inst.vehicleCost)) best = state;
  }
  return best ?? new RouteState(inst);
}
