/**
 * Local search on a RouteState: relocate, swap, 2-opt*, or-opt and
 * cross-exchange of short segments between routes, plus relocate / or-opt
 * within a route. Granular: only pairs (u, v) with v among the nearest
 * neighbours of u are tried. First improvement, until no move improves.
 *
 * Inter-route moves are checked with the schedule data of RouteState: a new
 * route is "prefix of one route + a short segment + suffix of a route", feasible
 * iff the segment's windows hold and the suffix is reached by its latest start,
 * O(segment length). Intra-route moves rebuild the route and scan it.
 */
import type { RouteState } from './evaluate';
import type { Instance } from './instance';

const NEIGHBOURS = 15;
const EPS = 1e-9;

export class LocalSearch {
  private readonly inst: Instance;
  private readonly cum: Float64Array;
  private readonly seg: Int32Array;
  private readonly bufA: Int32Array;
  private readonly bufB: Int32Array;
  private state!: RouteState;
  private lexicographic = true;

  constructor(inst: Instance) {
    this.inst = inst;
    this.cum = new Float64Array(Math.max(1, Math.min(inst.maxVehicles, inst.n - 1)) * (inst.n + 1));
    this.seg = new Int32Array(8);
    this.bufA = new Int32Array(inst.n + 1);
    this.bufB = new Int32Array(inst.n + 1);
  }

  private refreshLoads(): void {
    const s = this.state;
    const demand = this.inst.demand;
    for (let r = 0; r < s.routeCount; r++) {
      const base = r * s.stride;
      let load = 0;
      this.cum[base] = 0;
      for (let k = 1; k <= (s.size[r] as number) + 1; k++) {
        load += demand[s.nodes[base + k] as number] as number;
        this.cum[base + k] = load;
      }
    }
  }

  private d(a: number, b: number): number {
    return this.inst.dist[a * this.inst.n + b] as number;
  }

  private node(r: number, k: number): number {
    const s = this.state;
    return s.nodes[r * s.stride + k] as number;
  }

  /** prefix(rA, ..i) + seg[0..len) + suffix(rB, j..) respects time windows and capacity. */
  private fits(rA: number, i: number, len: number, rB: number, j: number): boolean {
    const s = this.state;
    const { n, time, ready, due, service, demand, capacity } = this.inst;
    const baseA = rA * s.stride;
    const baseB = rB * s.stride;
    let load = (this.cum[baseA + i] as number) + (s.load[rB] as number) - (this.cum[baseB + j - 1] as number);
    let t = s.start[baseA + i] as number;
    let prev = s.nodes[baseA + i] as number;
    for (let k = 0; k < len; k++) {
      const x = this.seg[k] as number;
      load += demand[x] as number;
      t += (service[prev] as number) + (time[prev * n + x] as number);
      if (t < (ready[x] as number)) t = ready[x] as number;
      if (t > (due[x] as number)) return false;
      prev = x;
    }
    if (load > capacity) return false;
    const next = s.nodes[baseB + j] as number;
    return t + (service[prev] as number) + (time[prev * n + next] as number) <= (s.latest[baseB + j] as number);
  }

  /** Write prefix(rA, ..i) + seg + suffix(rB, j..) (visits only) into out; returns its length. */
  private compose(out: Int32Array, rA: number, i: number, len: number, rB: number, j: number): number {
    let w = 0;
    for (let k = 1; k <= i; k++) out[w++] = this.node(rA, k);
    for (let k = 0; k < len; k++) out[w++] = this.seg[k] as number;
    for (let k = j; k <= (this.state.size[rB] as number); k++) out[w++] = this.node(rB, k);
    return w;
  }

  /** Gain threshold: a move must save distance, or a whole vehicle. */
  private improves(delta: number, emptied: number): boolean {
    if (emptied > 0) return this.lexicographic || delta - emptied * this.inst.vehicleCost < -EPS;
    return delta < -EPS;
  }

  private commit(rA: number, lenA: number, rB: number, lenB: number): void {
    const s = this.state;
    s.setRoute(rA, this.bufA.subarray(0, lenA));
    s.setRoute(rB, this.bufB.subarray(0, lenB));
    s.dropEmptyRoutes();
    this.refreshLoads();
  }

  /**
   * Exchange segment A[pu .. pu+la) of route rA with B[pv .. pv+lb) of route rB
   * (la or lb may be 0: relocation). Returns true when applied.
   */
  private tryExchange(rA: number, pu: number, la: number, rB: number, pv: number, lb: number): boolean {
    const s = this.state;
    const sizeA = s.size[rA] as number;
    const sizeB = s.size[rB] as number;
    if (pu + la - 1 > sizeA || pv + lb - 1 > sizeB) return false;
    const a0 = this.node(rA, pu - 1);
    const a1 = this.node(rA, pu + la);
    const b0 = this.node(rB, pv - 1);
    const b1 = this.node(rB, pv);
    const b2 = this.node(rB, pv + lb);
    let delta: number;
    if (la > 0 && lb > 0) {
      const ua = this.node(rA, pu);
      const ue = this.node(rA, pu + la - 1);
      const vb = b1;
      const ve = this.node(rB, pv + lb - 1);
      delta =
        this.d(a0, vb) + this.d(ve, a1) + this.d(b0, ua) + this.d(ue, b2) -
        this.d(a0, ua) - this.d(ue, a1) - this.d(b0, vb) - this.d(ve, b2);
    } else if (la > 0) {
      const ua = this.node(rA, pu);
      const ue = this.node(rA, pu + la - 1);
      delta = this.d(a0, a1) + this.d(b0, ua) + this.d(ue, b1) - this.d(a0, ua) - this.d(ue, a1) - this.d(b0, b1);
    } else {
      return false;
    }
    const emptied = (la === sizeA && lb === 0 ? 1 : 0);
    if (!this.improves(delta, emptied)) return false;
    // New A: A[..pu-1] + B-segment + A[pu+la..]
    for (let k = 0; k < lb; k++) this.seg[k] = this.node(rB, pv + k);
    if (!this.fits(rA, pu - 1, lb, rA, pu + la)) return false;
    // New B: B[..pv-1] + A-segment + B[pv+lb..]
    for (let k = 0; k < la; k++) this.seg[k] = this.node(rA, pu + k);
    if (!this.fits(rB, pv - 1, la, rB, pv + lb)) return false;
    const lenB = this.compose(this.bufB, rB, pv - 1, la, rB, pv + lb);
    for (let k = 0; k < lb; k++) this.seg[k] = this.node(rB, pv + k);
    const lenA = this.compose(this.bufA, rA, pu - 1, lb, rA, pu + la);
    this.commit(rA, lenA, rB, lenB);
    return true;
  }

  /** 2-opt*: A[..pu] + B[pv..] and B[..pv-1] + A[pu+1..], so that u is followed by v. */
  private tryTails(rA: number, pu: number, rB: number, pv: number): boolean {
    const s = this.state;
    const u = this.node(rA, pu);
    const aNext = this.node(rA, pu + 1);
    const bPrev = this.node(rB, pv - 1);
    const v = this.node(rB, pv);
    const delta = this.d(u, v) + this.d(bPrev, aNext) - this.d(u, aNext) - this.d(bPrev, v);
    const emptied = (pv === 1 && pu === (s.size[rA] as number) ? 1 : 0);
    if (!this.improves(delta, emptied)) return false;
    if (!this.fits(rA, pu, 0, rB, pv) || !this.fits(rB, pv - 1, 0, rA, pu + 1)) return false;
    const lenA = this.compose(this.bufA, rA, pu, 0, rB, pv);
    const lenB = this.compose(this.bufB, rB, pv - 1, 0, rA, pu + 1);
    this.commit(rA, lenA, rB, lenB);
    return true;
  }

  /** Move A[pu .. pu+len) to just after position pv of the same route. */
  private tryIntra(r: number, pu: number, len: number, pv: number): boolean {
    const s = this.state;
    const size = s.size[r] as number;
    if (pu + len - 1 > size || (pv >= pu - 1 && pv < pu + len)) return false;
    const a0 = this.node(r, pu - 1);
    const a1 = this.node(r, pu + len);
    const ua = this.node(r, pu);
    const ue = this.node(r, pu + len - 1);
    const v = this.node(r, pv);
    const vNext = this.node(r, pv + 1);
    const delta =
      this.d(a0, a1) + this.d(v, ua) + this.d(ue, vNext) - this.d(a0, ua) - this.d(ue, a1) - this.d(v, vNext);
    if (delta >= -EPS) return false;
    let w = 0;
    const out = this.bufA;
    for (let k = 1; k <= size; k++) {
      if (k >= pu && k < pu + len) continue;
      out[w++] = this.node(r, k);
      if (k === pv) for (let q = 0; q < len; q++) out[w++] = this.node(r, pu + q);
    }
    if (pv === 0) {
      out.copyWithin(len, 0, w);
      for (let q = 0; q < len; q++) out[q] = this.node(r, pu + q);
      w += len;
    }
    if (!this.sequenceFeasible(out, w)) return false;
    s.setRoute(r, out.subarray(0, w));
    this.refreshLoads();
    return true;
  }

  private sequenceFeasible(seq: Int32Array, len: number): boolean {
    const { n, time, ready, due, service } = this.inst;
    let t = ready[0] as number;
    let prev = 0;
    for (let k = 0; k <= len; k++) {
      const x = k < len ? (seq[k] as number) : 0;
      t += (service[prev] as number) + (time[prev * n + x] as number);
      if (t < (ready[x] as number)) t = ready[x] as number;
      if (t > (due[x] as number)) return false;
      prev = x;
    }
    return true;
  }

  private tryPair(u: number, v: number): boolean {
    const s = this.state;
    const rA = s.routeOf[u] as number;
    const rB = s.routeOf[v] as number;
    if (rA < 0 || rB < 0) return false;
    const pu = s.posOf[u] as number;
    const pv = s.posOf[v] as number;
    if (rA === rB) {
      for (let len = 1; len <= 3; len++) {
        if (this.tryIntra(rA, pu, len, pv) || this.tryIntra(rA, pu, len, pv - 1)) return true;
      }
      return false;
    }
    // Relocate / or-opt: segment starting at u goes after v or before v.
    for (let len = 1; len <= 3; len++) {
      if (this.tryExchange(rA, pu, len, rB, pv + 1, 0) || this.tryExchange(rA, pu, len, rB, pv, 0)) return true;
    }
    // Swap and cross-exchange of short segments.
    for (let la = 1; la <= 2; la++) {
      for (let lb = 1; lb <= 2; lb++) {
        if (this.tryExchange(rA, pu, la, rB, pv, lb)) return true;
      }
    }
    return this.tryTails(rA, pu, rB, pv) || this.tryTails(rB, pv, rA, pu);
  }

  /** Improve `state` in place until no move helps. Returns true if anything changed. */
  run(state: RouteState, lexicographic: boolean, stop: () => boolean = () => false, maxPasses = 50): boolean {
    this.state = state;
    this.lexicographic = lexicographic;
    this.refreshLoads();
    const { n, neighbours } = this.inst;
    const k = Math.min(NEIGHBOURS, n - 2);
    let changed = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      let improved = false;
      for (let u = 1; u < n; u++) {
        if (stop()) return changed;
        for (let q = 1; q <= k; q++) {
          const v = neighbours[u * (n - 1) + q] as number;
          if (v === u) continue;
          if (this.tryPair(u, v)) {
            improved = true;
            changed = true;
          }
        }
      }
      if (!improved) break;
    }
    return changed;
  }
}

export function localSearch(state: RouteState, lexicographic: boolean, stop?: () => boolean): boolean {
  return new LocalSearch(state.inst).run(state, lexicographic, stop);
}
