/**
 * Solution state with per-position schedule data for O(1) feasibility checks.
 *
 * Every route r lives in a slot of `stride` entries of the flat arrays: position 0
 * and position size+1 hold the depot, 1..size the visits. For every position:
 *  - start:  earliest start of service (forward pass; waiting when early);
 *  - latest: latest start of service that keeps the rest of the route feasible
 *            (backward pass). Inserting u between positions p and p+1 is
 *            feasible iff u starts by its due time and the arrival at p+1 is not
 *            after latest[p+1], which takes O(1).
 * Routes 0..routeCount-1 are all non-empty; an emptied route is dropped by moving
 * the last route into its slot.
 */
import type { Instance } from './instance';
import type { RoutingSolution, SolvedRoute } from './types';

export class RouteState {
  readonly inst: Instance;
  readonly stride: number;
  readonly maxRoutes: number;
  readonly nodes: Int32Array;
  readonly start: Float64Array;
  readonly latest: Float64Array;
  readonly size: Int32Array;
  readonly load: Float64Array;
  readonly cost: Float64Array;
  /** Route of each node, -1 when not in any route. */
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  /** Customers not in any route, in no particular order. */
  readonly pool: Int32Array;
  poolSize = 0;
  routeCount = 0;
  /** Sum of route distances. */
  distance = 0;

  constructor(inst: Instance) {
    this.inst = inst;
    this.stride = inst.n + 1;
    this.maxRoutes = Math.max(0, Math.min(inst.maxVehicles, inst.n - 1));
    const slots = Math.max(1, this.maxRoutes) * this.stride;
    this.nodes = new Int32Array(slots);
    this.start = new Float64Array(slots);
    this.latest = new Float64Array(slots);
    this.size = new Int32Array(Math.max(1, this.maxRoutes));
    this.load = new Float64Array(Math.max(1, this.maxRoutes));
    this.cost = new Float64Array(Math.max(1, this.maxRoutes));
    this.routeOf = new Int32Array(inst.n).fill(-1);
    this.posOf = new Int32Array(inst.n);
    this.pool = new Int32Array(inst.n);
    for (let u = 1; u < inst.n; u++) this.pool[this.poolSize++] = u;
  }

  copyFrom(other: RouteState): void {
    const stride = this.stride;
    this.routeCount = other.routeCount;
    for (let r = 0; r < other.routeCount; r++) {
      const base = r * stride;
      const end = base + (other.size[r] as number) + 2;
      for (let k = base; k < end; k++) {
        this.nodes[k] = other.nodes[k] as number;
        this.start[k] = other.start[k] as number;
        this.latest[k] = other.latest[k] as number;
      }
      this.size[r] = other.size[r] as number;
      this.load[r] = other.load[r] as number;
      this.cost[r] = other.cost[r] as number;
    }
    this.routeOf.set(other.routeOf);
    this.posOf.set(other.posOf);
    this.poolSize = other.poolSize;
    for (let k = 0; k < other.poolSize; k++) this.pool[k] = other.pool[k] as number;
    this.distance = other.distance;
  }

  /** Vehicles used. */
  get vehicles(): number {
    return this.routeCount;
  }

  /** Required customers not in any route. */
  missingRequired(): number {
    let count = 0;
    const required = this.inst.required;
    for (let k = 0; k < this.poolSize; k++) count += required[this.pool[k] as number] as number;
    return count;
  }

  /** Penalty of optional customers not in any route. */
  penalty(): number {
    let sum = 0;
    const penalty = this.inst.penalty;
    for (let k = 0; k < this.poolSize; k++) sum += penalty[this.pool[k] as number] as number;
    return sum;
  }

  /** Recompute the schedule, load and distance of route r from its node sequence. */
  updateRoute(r: number): void {
    const { n, time, dist, ready, due, service, demand } = this.inst;
    const base = r * this.stride;
    const size = this.size[r] as number;
    const nodes = this.nodes;
    const start = this.start;
    const latest = this.latest;
    nodes[base] = 0;
    nodes[base + size + 1] = 0;
    start[base] = ready[0] as number;
    let prev = 0;
    let load = 0;
    let cost = 0;
    for (let k = 1; k <= size + 1; k++) {
      const u = nodes[base + k] as number;
      const arrive = (start[base + k - 1] as number) + (service[prev] as number) + (time[prev * n + u] as number);
      const readyU = ready[u] as number;
      start[base + k] = arrive > readyU || k > size ? arrive : readyU;
      cost += dist[prev * n + u] as number;
      load += demand[u] as number;
      if (k <= size) {
        this.routeOf[u] = r;
        this.posOf[u] = k;
      }
      prev = u;
    }
    latest[base + size + 1] = due[0] as number;
    for (let k = size; k >= 0; k--) {
      const u = nodes[base + k] as number;
      const next = nodes[base + k + 1] as number;
      const bound = (latest[base + k + 1] as number) - (time[u * n + next] as number) - (service[u] as number);
      const dueU = due[u] as number;
      latest[base + k] = bound < dueU ? bound : dueU;
    }
    this.distance += cost - (this.cost[r] as number);
    this.cost[r] = cost;
    this.load[r] = load;
  }

  private removeFromPool(u: number): void {
    const pool = this.pool;
    for (let k = 0; k < this.poolSize; k++) {
      if (pool[k] === u) {
        pool[k] = pool[--this.poolSize] as number;
        return;
      }
    }
  }

  /** Insert u between positions pos and pos+1 of route r (u must be unrouted). */
  insert(u: number, r: number, pos: number): void {
    const base = r * this.stride;
    const size = this.size[r] as number;
    const nodes = this.nodes;
    for (let k = base + size + 1; k > base + pos; k--) nodes[k + 1] = nodes[k] as number;
    nodes[base + pos + 1] = u;
    this.size[r] = size + 1;
    this.removeFromPool(u);
    this.updateAfterInsert(r, pos + 1);
  }

  /**
   * Schedule update after inserting at position `at`: starts change only from
   * `at` on and latest starts only up to `at`, and both passes stop as soon as a
   * value comes out unchanged (the rest then cannot change either).
   */
  private updateAfterInsert(r: number, at: number): void {
    const { n, time, dist, ready, due, service, demand } = this.inst;
    const base = r * this.stride;
    const size = this.size[r] as number;
    const nodes = this.nodes;
    const start = this.start;
    const latest = this.latest;
    const u = nodes[base + at] as number;
    const before = nodes[base + at - 1] as number;
    const after = nodes[base + at + 1] as number;
    for (let k = size + 1; k > at; k--) {
      start[base + k] = start[base + k - 1] as number;
      latest[base + k] = latest[base + k - 1] as number;
      this.posOf[nodes[base + k] as number] = k;
    }
    this.routeOf[u] = r;
    this.posOf[u] = at;
    let prev = before;
    for (let k = at; k <= size + 1; k++) {
      const x = nodes[base + k] as number;
      const arrive = (start[base + k - 1] as number) + (service[prev] as number) + (time[prev * n + x] as number);
      const readyX = ready[x] as number;
      const value = arrive > readyX || k > size ? arrive : readyX;
      if (k > at && value === start[base + k]) break;
      start[base + k] = value;
      prev = x;
    }
    for (let k = at; k >= 0; k--) {
      const x = nodes[base + k] as number;
      const next = nodes[base + k + 1] as number;
      const bound = (latest[base + k + 1] as number) - (time[x * n + next] as number) - (service[x] as number);
      const dueX = due[x] as number;
      const value = bound < dueX ? bound : dueX;
      if (k < at && value === latest[base + k]) break;
      latest[base + k] = value;
    }
    const delta = (dist[before * n + u] as number) + (dist[u * n + after] as number) - (dist[before * n + after] as number);
    this.cost[r] = (this.cost[r] as number) + delta;
    this.distance += delta;
    this.load[r] = (this.load[r] as number) + (demand[u] as number);
  }

  /** Open a new route serving u alone; returns its index. */
  openRoute(u: number): number {
    const r = this.routeCount++;
    const base = r * this.stride;
    this.nodes[base] = 0;
    this.nodes[base + 1] = u;
    this.nodes[base + 2] = 0;
    this.size[r] = 1;
    this.cost[r] = 0;
    this.removeFromPool(u);
    this.updateRoute(r);
    return r;
  }

  /** Replace the visits of route r (an empty sequence empties it; call dropEmptyRoutes after). */
  setRoute(r: number, visits: ArrayLike<number>): void {
    const base = r * this.stride;
    for (let k = 0; k < visits.length; k++) {
      const u = visits[k] as number;
      this.nodes[base + k + 1] = u;
      this.routeOf[u] = r;
    }
    this.size[r] = visits.length;
    this.updateRoute(r);
  }

  /**
   * Take the marked customers out of their routes. `marked` lists customers whose
   * routeOf is still valid; afterwards they are in the pool.
   */
  removeMany(marked: Int32Array, count: number, touched: Uint8Array): void {
    const routeOf = this.routeOf;
    for (let k = 0; k < count; k++) {
      const u = marked[k] as number;
      const r = routeOf[u] as number;
      if (r < 0) continue;
      touched[r] = 1;
      routeOf[u] = -1;
      this.pool[this.poolSize++] = u;
    }
    const nodes = this.nodes;
    for (let r = 0; r < this.routeCount; r++) {
      if (touched[r] === 0) continue;
      touched[r] = 0;
      const base = r * this.stride;
      const size = this.size[r] as number;
      let w = 1;
      for (let k = 1; k <= size; k++) {
        const u = nodes[base + k] as number;
        if (routeOf[u] === r) nodes[base + w++] = u;
      }
      this.size[r] = w - 1;
      this.updateRoute(r);
    }
    this.dropEmptyRoutes();
    // Re-sum so that rounding of incremental updates cannot drift over a long run.
    let total = 0;
    for (let r = 0; r < this.routeCount; r++) total += this.cost[r] as number;
    this.distance = total;
  }

  /** Remove every visit of route r into the pool and drop the route. */
  clearRoute(r: number): void {
    const base = r * this.stride;
    const size = this.size[r] as number;
    for (let k = 1; k <= size; k++) {
      const u = this.nodes[base + k] as number;
      this.routeOf[u] = -1;
      this.pool[this.poolSize++] = u;
    }
    this.size[r] = 0;
    this.updateRoute(r);
    this.dropEmptyRoutes();
  }

  dropEmptyRoutes(): void {
    for (let r = this.routeCount - 1; r >= 0; r--) {
      if ((this.size[r] as number) > 0) continue;
      const last = this.routeCount - 1;
      this.distance -= this.cost[r] as number;
      this.cost[r] = 0;
      if (r !== last) this.moveRoute(last, r);
      this.routeCount--;
    }
  }

  private moveRoute(from: number, to: number): void {
    const fb = from * this.stride;
    const tb = to * this.stride;
    const size = this.size[from] as number;
    for (let k = 0; k < size + 2; k++) {
      const u = this.nodes[fb + k] as number;
      this.nodes[tb + k] = u;
      this.start[tb + k] = this.start[fb + k] as number;
      this.latest[tb + k] = this.latest[fb + k] as number;
      if (k > 0 && k <= size) this.routeOf[u] = to;
    }
    this.size[to] = size;
    this.load[to] = this.load[from] as number;
    this.cost[to] = this.cost[from] as number;
    this.size[from] = 0;
    this.cost[from] = 0;
  }

  /** Visits of route r, depot excluded. */
  visits(r: number): number[] {
    const base = r * this.stride;
    const out: number[] = [];
    for (let k = 1; k <= (this.size[r] as number); k++) out.push(this.nodes[base + k] as number);
    return out;
  }

  toSolution(iterations: number, elapsedMs: number): RoutingSolution {
    const routes: SolvedRoute[] = [];
    for (let r = 0; r < this.routeCount; r++) {
      this.updateRoute(r);
      const base = r * this.stride;
      const size = this.size[r] as number;
      const starts: number[] = [];
      for (let k = 1; k <= size; k++) starts.push(this.start[base + k] as number);
      routes.push({
        visits: this.visits(r),
        starts,
        departure: this.start[base] as number,
        returnTime: this.start[base + size + 1] as number,
        load: this.load[r] as number,
        distance: this.cost[r] as number,
      });
    }
    const unassigned = Array.from(this.pool.subarray(0, this.poolSize)).sort((a, b) => a - b);
    return {
      routes,
      unassigned,
      vehicles: this.routeCount,
      distance: routes.reduce((sum, route) => sum + route.distance, 0),
      penalty: this.penalty(),
      missingRequired: this.missingRequired(),
      iterations,
      elapsedMs,
    };
  }
}
