/**
 * Cheapest feasible insertion, in O(1) per position thanks to the schedule data
 * of RouteState (earliest start before, latest start after the gap).
 */
import type { RouteState } from './evaluate';
import type { Instance } from './instance';
import type { Rng } from '../rng';

/** Result slot of `bestInsertion`, reused to avoid allocation. */
export interface InsertionChoice {
  route: number;
  pos: number;
  delta: number;
}

/**
 * Cheapest feasible insertion of u over all routes (distance delta). With a blink
 * rate, each feasible position is skipped with that probability (SISR's blinks).
 * Leaves route = -1 when no position is feasible or none beats `bound`.
 */
export function bestInsertion(
  state: RouteState,
  u: number,
  bound: number,
  blink: number,
  rng: Rng | null,
  out: InsertionChoice,
): void {
  const inst = state.inst;
  const { n, time, dist, timeT, distT, ready, service, capacity, triangle } = inst;
  const dueU = inst.due[u] as number;
  const readyU = ready[u] as number;
  const serviceU = service[u] as number;
  const demandU = inst.demand[u] as number;
  const nodes = state.nodes;
  const start = state.start;
  const latest = state.latest;
  const stride = state.stride;
  const rowU = u * n;
  const earliestAfter = readyU + serviceU;
  let best = bound;
  let bestRoute = -1;
  let bestPos = -1;
  for (let r = 0; r < state.routeCount; r++) {
    if ((state.load[r] as number) + demandU > capacity) continue;
    const base = r * stride;
    const size = state.size[r] as number;
    // Latest starts never decrease along a route, and the visit after u cannot
    // start before readyU + serviceU: skip, by bisection, the gaps that end too early.
    let first = 0;
    let last = size;
    while (first < last) {
      const mid = (first + last) >> 1;
      if ((latest[base + mid + 1] as number) < earliestAfter) first = mid + 1;
      else last = mid;
    }
    let a = nodes[base + first] as number;
    for (let p = first; p <= size; p++) {
      const b = nodes[base + p + 1] as number;
      const arrive = (start[base + p] as number) + (service[a] as number) + (timeT[rowU + a] as number);
      if (arrive > dueU) {
        if (triangle) break;
        a = b;
        continue;
      }
      const startU = arrive > readyU ? arrive : readyU;
      if (startU + serviceU + (time[rowU + b] as number) <= (latest[base + p + 1] as number)) {
        const delta = (distT[rowU + a] as number) + (dist[rowU + b] as number) - (dist[a * n + b] as number);
        if (delta < best && (rng === null || blink <= 0 || rng.next() >= blink)) {
          best = delta;
          bestRoute = r;
          bestPos = p;
        }
      }
      a = b;
    }
  }
  out.route = bestRoute;
  out.pos = bestPos;
  out.delta = best;
}

/** Distance of serving u alone in a new route. */
export function soloCost(inst: Instance, u: number): number {
  return (inst.dist[u] as number) + (inst.dist[u * inst.n] as number);
}
