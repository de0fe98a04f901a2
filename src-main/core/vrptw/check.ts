/**
 * Independent checker. It shares no code with the solver's evaluation: it reads
 * the caller's problem as given and recomputes every arrival, start, load and
 * distance from scratch, so a bug in the solver's incremental bookkeeping cannot
 * hide itself here.
 */
import type { CheckResult, Matrix, RoutingProblem, Violation } from './types';

export interface CheckOptions {
  /** Slack allowed on time comparisons, to absorb floating-point rounding. Default 1e-6. */
  tolerance?: number;
}

function entry(matrix: Matrix, n: number, i: number, j: number): number {
  if (matrix instanceof Float64Array) return matrix[i * n + j] ?? NaN;
  return matrix[i]?.[j] ?? NaN;
}

/**
 * Check routes (each a list of visited node indices, depot excluded) against the
 * problem: node indices, every required node exactly once and optional nodes at
 * most once, capacity, time windows of visits, return to the depot by its due
 * time, and the fleet size.
 */
export function checkSolution(
  problem: RoutingProblem,
  routes: readonly (readonly number[])[],
  options: CheckOptions = {},
): CheckResult {
  const tolerance = options.tolerance ?? 1e-6;
  const nodes = problem.nodes;
  const n = nodes.length;
  const travel = problem.travelTime;
  const distance = problem.distance ?? problem.travelTime;
  const violations: Violation[] = [];
  const seen = new Map<number, number>();
  const depot = nodes[0];
  let total = 0;
  let vehicles = 0;

  routes.forEach((visits, r) => {
    if (visits.length === 0) return;
    vehicles++;
    let time = depot?.ready ?? 0;
    let load = 0;
    let previous = 0;
    for (const v of visits) {
      const node = Number.isInteger(v) && v >= 0 && v < n ? nodes[v] : undefined;
      if (node === undefined) {
        violations.push({ kind: 'bad-node', route: r, node: v, message: `route ${r}: ${v} is not a node index` });
        continue;
      }
      if (v === 0) {
        violations.push({ kind: 'depot-in-route', route: r, node: v, message: `route ${r}: the depot is listed as a visit` });
        continue;
      }
      const earlier = seen.get(v);
      if (earlier !== undefined) {
        violations.push({
          kind: 'duplicate',
          route: r,
          node: v,
          message: `node ${v} is visited twice (routes ${earlier} and ${r})`,
        });
      } else {
        seen.set(v, r);
      }
      const leave = previous === 0 ? time : time + (nodes[previous]?.service ?? 0);
      const arrival = leave + entry(travel, n, previous, v);
      total += entry(distance, n, previous, v);
      time = Math.max(arrival, node.ready);
      if (!(time <= node.due + tolerance)) {
        violations.push({
          kind: 'late',
          route: r,
          node: v,
          message: `route ${r}: service at node ${v} starts at ${time}, after its due time ${node.due}`,
        });
      }
      load += node.demand;
      previous = v;
    }
    const back = time + (previous === 0 ? 0 : (nodes[previous]?.service ?? 0)) + entry(travel, n, previous, 0);
    total += entry(distance, n, previous, 0);
    if (depot !== undefined && !(back <= depot.due + tolerance)) {
      violations.push({
        kind: 'late-return',
        route: r,
        message: `route ${r}: returns to the depot at ${back}, after ${depot.due}`,
      });
    }
    if (!(load <= problem.capacity + tolerance)) {
      violations.push({
        kind: 'capacity',
        route: r,
        message: `route ${r}: load ${load} exceeds the capacity ${problem.capacity}`,
      });
    }
  });

  let penalty = 0;
  for (let v = 1; v < n; v++) {
    if (seen.has(v)) continue;
    const node = nodes[v];
    if (node?.penalty === undefined) {
      violations.push({ kind: 'missing', node: v, message: `node ${v} must be visited but is not` });
    } else {
      penalty += node.penalty;
    }
  }
  if (vehicles > problem.maxVehicles) {
    violations.push({
      kind: 'fleet',
      message: `${vehicles} vehicles used, the fleet has ${problem.maxVehicles}`,
    });
  }
  return { valid: violations.length === 0, violations, distance: total, vehicles, penalty };
}
