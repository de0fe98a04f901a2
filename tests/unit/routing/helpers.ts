import { euclideanMatrix } from '../../../src-main/core/vrptw/solomon';
import { Rng } from '../../../src-main/core/rng';
import type { RoutingNode, RoutingProblem, SolveOptions } from '../../../src-main/core/vrptw/types';

export interface Site {
  x: number;
  y: number;
  ready?: number;
  due?: number;
  service?: number;
  demand?: number;
  penalty?: number;
}

/** Same formula as the travel matrix, so that windows built from it are met exactly. */
export function distance(x1: number, y1: number, x2: number, y2: number): number {
  return Math.sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
}

/** Euclidean problem; sites[0] is the depot. */
export function euclidean(sites: Site[], capacity: number, maxVehicles: number): RoutingProblem {
  const nodes: RoutingNode[] = sites.map((s) => ({
    ready: s.ready ?? 0,
    due: s.due ?? 1000,
    service: s.service ?? 0,
    demand: s.demand ?? 1,
    ...(s.penalty === undefined ? {} : { penalty: s.penalty }),
  }));
  return { nodes, travelTime: euclideanMatrix(sites), capacity, maxVehicles };
}

/** A frozen clock and an iteration budget: runs are reproducible and fast. */
export const quick = (maxIterations = 300, seed = 1): SolveOptions => ({
  seed,
  maxIterations,
  timeLimitMs: 60_000,
  now: () => 0,
});

/** Routes as sorted lists, for order-free comparisons. */
export function routeSet(routes: { visits: number[] }[]): string[] {
  return routes.map((r) => r.visits.join('-')).sort();
}

/**
 * A random instance with time windows, feasible by construction: every window
 * contains the direct arrival time from the depot, the depot stays open long
 * enough to come back, and there is a vehicle per customer.
 */
export function randomProblem(seed: number, customers: number, windowWidth = 60): RoutingProblem {
  const rng = new Rng(seed);
  const sites: Site[] = [{ x: 50, y: 50, due: 0 }];
  for (let i = 0; i < customers; i++) {
    const x = rng.int(101);
    const y = rng.int(101);
    const direct = distance(x, y, 50, 50);
    const ready = Math.max(0, direct + rng.int(200) - windowWidth / 2);
    sites.push({ x, y, ready, due: Math.max(ready, direct) + windowWidth, service: 10, demand: 1 + rng.int(20) });
  }
  const depot = sites[0] as Site;
  depot.due = Math.max(...sites.map((s) => (s.due ?? 0) + 10 + distance(s.x, s.y, 50, 50))) + 1;
  return euclidean(sites, 60, customers);
}
