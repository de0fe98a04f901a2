/**
 * The problem as the search sees it: flat typed arrays, validated once.
 */
import { Rng } from '../rng';
import type { Matrix, RoutingProblem } from './types';

export interface Instance {
  /** Number of nodes, depot included. */
  n: number;
  ready: Float64Array;
  due: Float64Array;
  /** Service time; 0 for the depot. */
  service: Float64Array;
  /** Demand; 0 for the depot. */
  demand: Float64Array;
  /** 1 if the node must be visited. */
  required: Uint8Array;
  /** Cost of leaving an optional node out (0 for required nodes, which are counted apart). */
  penalty: Float64Array;
  /** Row-major n*n travel times. */
  time: Float64Array;
  /** Row-major n*n distances (may be the same array as `time`). */
  dist: Float64Array;
  /** Transposes (timeT[u*n+a] = time[a*n+u]), so that "from every a to u" reads one row. */
  timeT: Float64Array;
  distT: Float64Array;
  capacity: number;
  maxVehicles: number;
  vehicleCost: number;
  /**
   * time(a,b) + service(b) + time(b,u) >= time(a,u) everywhere: the start of
   * service grows along a route even through a detour, so an insertion scan can
   * stop at the first position that reaches u too late.
   */
  triangle: boolean;
  /** Row i: every customer sorted by distance from i (i itself first when a customer). */
  neighbours: Int32Array;
  /** 1 if a vehicle can serve the node alone (depot -> node -> depot within windows and capacity). */
  servable: Uint8Array;
  requiredCount: number;
}

export class RoutingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingInputError';
  }
}

function flatten(matrix: Matrix, n: number, what: string): Float64Array {
  const flat = new Float64Array(n * n);
  if (matrix instanceof Float64Array) {
    if (matrix.length !== n * n) {
      throw new RoutingInputError(`${what}: expected ${n * n} entries (n = ${n}), got ${matrix.length}`);
    }
    flat.set(matrix);
  } else {
    if (matrix.length !== n) throw new RoutingInputError(`${what}: expected ${n} rows, got ${matrix.length}`);
    for (let i = 0; i < n; i++) {
      const row = matrix[i];
      if (row === undefined || row.length !== n) {
        throw new RoutingInputError(`${what}: row ${i} must have ${n} entries`);
      }
      for (let j = 0; j < n; j++) flat[i * n + j] = row[j] as number;
    }
  }
  for (let k = 0; k < flat.length; k++) {
    const v = flat[k] as number;
    if (!Number.isFinite(v) || v < 0) {
      const i = Math.floor(k / n);
      throw new RoutingInputError(`${what}[${i}][${k - i * n}] must be a finite number >= 0, got ${v}`);
    }
  }
  return flat;
}

function transpose(matrix: Float64Array, n: number): Float64Array {
  let symmetric = true;
  for (let i = 0; i < n && symmetric; i++) {
    for (let j = i + 1; j < n; j++) {
      if (matrix[i * n + j] !== matrix[j * n + i]) {
        symmetric = false;
        break;
      }
    }
  }
  if (symmetric) return matrix;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = matrix[i * n + j] as number;
  return out;
}

/**
 * Whether detours never save time. Only speed depends on it (the insertion scan
 * stops early and recreate gives up early), never feasibility: a wrong "true"
 * can only hide some insertion positions. Exact up to ~320 nodes (O(n^3)); on
 * larger inputs a fixed sample of triples decides.
 */
function checkTriangle(inst: Pick<Instance, 'n' | 'time' | 'service'>): boolean {
  const { n, time, service } = inst;
  const holds = (a: number, b: number, u: number): boolean => {
    if (a === b) return true;
    const direct = time[a * n + u] as number;
    const via = (time[a * n + b] as number) + (b === 0 ? 0 : (service[b] as number)) + (time[b * n + u] as number);
    return via >= direct - 1e-9 * (1 + direct);
  };
  if (n <= 320) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a === b) continue;
        const ab = (time[a * n + b] as number) + (b === 0 ? 0 : (service[b] as number));
        for (let u = 0; u < n; u++) {
          const direct = time[a * n + u] as number;
          if (ab + (time[b * n + u] as number) < direct - 1e-9 * (1 + direct)) return false;
        }
      }
    }
    return true;
  }
  const rng = new Rng(n);
  for (let k = 0; k < 2_000_000; k++) if (!holds(rng.int(n), rng.int(n), rng.int(n))) return false;
  return true;
}

export function buildInstance(problem: RoutingProblem): Instance {
  const n = problem.nodes.length;
  if (n < 1) throw new RoutingInputError('nodes: the depot (node 0) is required');
  if (!(problem.capacity >= 0)) throw new RoutingInputError('capacity must be a number >= 0');
  if (!Number.isInteger(problem.maxVehicles) || problem.maxVehicles < 0) {
    throw new RoutingInputError('maxVehicles must be an integer >= 0');
  }
  const ready = new Float64Array(n);
  const due = new Float64Array(n);
  const service = new Float64Array(n);
  const demand = new Float64Array(n);
  const required = new Uint8Array(n);
  const penalty = new Float64Array(n);
  let requiredCount = 0;
  problem.nodes.forEach((node, i) => {
    const fields: [string, number][] = [
      ['ready', node.ready],
      ['due', node.due],
      ['service', node.service],
      ['demand', node.demand],
    ];
    for (const [name, value] of fields) {
      if (!Number.isFinite(value)) throw new RoutingInputError(`nodes[${i}].${name} must be finite, got ${value}`);
    }
    if (node.due < node.ready) throw new RoutingInputError(`nodes[${i}]: due ${node.due} is before ready ${node.ready}`);
    if (i > 0 && (node.service < 0 || node.demand < 0)) {
      throw new RoutingInputError(`nodes[${i}]: service and demand must be >= 0`);
    }
    ready[i] = node.ready;
    due[i] = node.due;
    if (i === 0) return;
    service[i] = node.service;
    demand[i] = node.demand;
    if (node.penalty === undefined) {
      required[i] = 1;
      requiredCount++;
    } else {
      if (!(node.penalty >= 0)) throw new RoutingInputError(`nodes[${i}].penalty must be >= 0`);
      penalty[i] = node.penalty;
    }
  });
  const time = flatten(problem.travelTime, n, 'travelTime');
  const dist = problem.distance === undefined ? time : flatten(problem.distance, n, 'distance');
  const vehicleCost = problem.vehicleCost ?? 0;
  if (!(vehicleCost >= 0)) throw new RoutingInputError('vehicleCost must be >= 0');

  const neighbours = new Int32Array(n * Math.max(0, n - 1));
  const order: number[] = [];
  for (let j = 1; j < n; j++) order.push(j);
  for (let i = 0; i < n; i++) {
    const row = order.slice();
    // Ties broken by index so that the order does not depend on the sort implementation.
    row.sort((a, b) => (dist[i * n + a] as number) - (dist[i * n + b] as number) || (a === i ? -1 : b === i ? 1 : a - b));
    neighbours.set(row, i * (n - 1));
  }

  const servable = new Uint8Array(n);
  for (let u = 1; u < n; u++) {
    const arrive = (ready[0] as number) + (time[u] as number);
    const start = Math.max(arrive, ready[u] as number);
    const back = start + (service[u] as number) + (time[u * n] as number);
    servable[u] = start <= (due[u] as number) && back <= (due[0] as number) && (demand[u] as number) <= problem.capacity ? 1 : 0;
  }

  const inst: Instance = {
    n,
    ready,
    due,
    service,
    demand,
    required,
    penalty,
    time,
    dist,
    timeT: transpose(time, n),
    distT: dist === time ? transpose(time, n) : transpose(dist, n),
    capacity: problem.capacity,
    maxVehicles: problem.maxVehicles,
    vehicleCost,
    triangle: false,
    neighbours,
    servable,
    requiredCount,
  };
  inst.triangle = checkTriangle(inst);
  return inst;
}
