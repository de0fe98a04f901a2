/**
 * Ruin step of SISR (Christiaens & Vanden Berghe 2020, "Slack Induction by String
 * Removals"): remove a few strings of consecutive visits from routes that pass
 * near a random seed customer. Removing neighbouring strings from several routes
 * frees slack where routes meet, which is what lets the recreate step rearrange
 * them (and, in the fleet phase, absorb a removed route).
 */
import type { RouteState } from './evaluate';
import type { Instance } from './instance';
import type { Rng } from '../rng';

export interface RuinParams {
  /** Average number of customers removed per ruin (c-bar). */
  averageRemoved: number;
  /** Longest string removed from one route (L_max). */
  maxString: number;
  /** Probability of the split-string variant (some visits in the middle are kept). */
  splitRate: number;
  /** Each extra kept visit in a split string stops with this probability. */
  splitDepth: number;
}

export const defaultRuinParams: RuinParams = {
  averageRemoved: 10,
  maxString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
};

export class Ruiner {
  private readonly inst: Instance;
  private readonly removed: Int32Array;
  private readonly ruinedStamp: Int32Array;
  private readonly touched: Uint8Array;
  private stamp = 0;
  params: RuinParams;

  constructor(inst: Instance, params: RuinParams = defaultRuinParams) {
    this.inst = inst;
    this.params = params;
    this.removed = new Int32Array(inst.n);
    this.ruinedStamp = new Int32Array(Math.max(1, inst.n));
    this.touched = new Uint8Array(Math.max(1, inst.n));
  }

  /** Remove strings from `state`; returns how many customers were removed. */
  ruin(state: RouteState, rng: Rng): number {
    const routes = state.routeCount;
    if (routes === 0) return 0;
    const { n, neighbours } = this.inst;
    const { averageRemoved, maxString, splitRate, splitDepth } = this.params;
    const routed = n - 1 - state.poolSize;
    const lsMax = Math.min(maxString, routed / routes);
    const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
    const ks = Math.min(routes, Math.floor(1 + rng.next() * ksMax));

    let seed = 1 + rng.int(n - 1);
    while (state.routeOf[seed] === -1) seed = 1 + rng.int(n - 1);

    const stamp = ++this.stamp;
    const removed = this.removed;
    let count = 0;
    let strings = 0;
    const rowBase = seed * (n - 1);
    const nodes = state.nodes;
    for (let k = 0; k < n - 1 && strings < ks; k++) {
      const c = neighbours[rowBase + k] as number;
      const r = state.routeOf[c] as number;
      if (r < 0 || this.ruinedStamp[r] === stamp) continue;
      this.ruinedStamp[r] = stamp;
      strings++;
      const size = state.size[r] as number;
      const ltMax = Math.min(size, lsMax);
      const lt = Math.max(1, Math.min(size, Math.floor(1 + rng.next() * ltMax)));
      const posC = state.posOf[c] as number;
      const base = r * state.stride;
      if (lt === 1 || lt === size || rng.next() >= splitRate) {
        const lo = Math.max(1, posC - lt + 1);
        const hi = Math.min(size - lt + 1, posC);
        const from = rng.between(lo, hi);
        for (let p = from; p < from + lt; p++) removed[count++] = nodes[base + p] as number;
      } else {
        let m = 1;
        while (m < size - lt && rng.next() >= splitDepth) m++;
        const whole = lt + m;
        const lo = Math.max(1, posC - whole + 1);
        const hi = Math.min(size - whole + 1, posC);
        const from = rng.between(lo, hi);
        // The m kept visits sit strictly inside the window, so the string is split.
        const keptAt = from + rng.between(1, Math.max(1, lt - 1));
        for (let p = from; p < from + whole; p++) {
          if (p >= keptAt && p < keptAt + m) continue;
          removed[count++] = nodes[base + p] as number;
        }
      }
    }
    state.removeMany(removed, count, this.touched);
    return count;
  }

  /** Remove exactly the given customers (used by tests and the fleet phase). */
  removeList(state: RouteState, customers: readonly number[]): void {
    for (let k = 0; k < customers.length; k++) this.removed[k] = customers[k] as number;
    state.removeMany(this.removed, customers.length, this.touched);
  }
}
