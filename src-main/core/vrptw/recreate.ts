/**
 * Recreate step of SISR: put every unrouted customer back at its cheapest
 * feasible position (with blinks), in one of a few random orders.
 */
import type { RouteState } from './evaluate';
import { bestInsertion, soloCost, type InsertionChoice } from './insertion';
import type { Instance } from './instance';
import type { Rng } from '../rng';

export interface RecreateOptions {
  /** Routes may be opened while routeCount < routeLimit. */
  routeLimit: number;
  /** 'vehicles': open a route only when a required customer fits nowhere. */
  lexicographic: boolean;
  /** Probability of skipping a feasible position. */
  blink: number;
  /**
   * Give up (return false) once distance + vehicle costs exceed this: under the
   * triangle inequality later insertions only add cost, so the result would be
   * rejected anyway.
   */
  abortAbove: number;
}

/** Order weights: random, demand, far from depot, close to depot, narrow window, early, late. */
const ORDER_WEIGHTS = [4, 4, 2, 1, 1, 1, 1];

export class Recreator {
  private readonly inst: Instance;
  private readonly list: Int32Array;
  /** keys[o * n + u]: sort key of u for order o (ascending). */
  private readonly keys: Float64Array;
  private readonly choice: InsertionChoice = { route: -1, pos: -1, delta: 0 };
  private readonly weightTotal: number;

  constructor(inst: Instance) {
    this.inst = inst;
    const n = inst.n;
    this.list = new Int32Array(n);
    this.keys = new Float64Array(ORDER_WEIGHTS.length * n);
    for (let u = 1; u < n; u++) {
      const depot = inst.dist[u] as number;
      this.keys[1 * n + u] = -(inst.demand[u] as number);
      this.keys[2 * n + u] = -depot;
      this.keys[3 * n + u] = depot;
      this.keys[4 * n + u] = (inst.due[u] as number) - (inst.ready[u] as number);
      this.keys[5 * n + u] = inst.ready[u] as number;
      this.keys[6 * n + u] = -(inst.due[u] as number);
    }
    this.weightTotal = ORDER_WEIGHTS.reduce((a, b) => a + b, 0);
  }

  private sortList(count: number, rng: Rng): void {
    let pick = rng.next() * this.weightTotal;
    let order = 0;
    while (order < ORDER_WEIGHTS.length - 1 && pick >= (ORDER_WEIGHTS[order] as number)) {
      pick -= ORDER_WEIGHTS[order] as number;
      order++;
    }
    const list = this.list;
    if (order === 0) {
      rng.shuffle(list, count);
      return;
    }
    const keys = this.keys;
    const offset = order * this.inst.n;
    // Insertion sort: the list is short (about ten customers) and this allocates nothing.
    for (let i = 1; i < count; i++) {
      const u = list[i] as number;
      const key = keys[offset + u] as number;
      let j = i - 1;
      while (j >= 0 && (keys[offset + (list[j] as number)] as number) > key) {
        list[j + 1] = list[j] as number;
        j--;
      }
      list[j + 1] = u;
    }
  }

  /**
   * Insert the pool of `state` back into routes. Customers that fit nowhere stay
   * in the pool. Returns false when aborted by `abortAbove`.
   */
  recreate(state: RouteState, rng: Rng, opts: RecreateOptions): boolean {
    const inst = this.inst;
    const count = state.poolSize;
    const list = this.list;
    for (let k = 0; k < count; k++) list[k] = state.pool[k] as number;
    this.sortList(count, rng);
    const choice = this.choice;
    const vehicleCost = opts.lexicographic ? 0 : inst.vehicleCost;
    for (let k = 0; k < count; k++) {
      const u = list[k] as number;
      const required = inst.required[u] === 1;
      bestInsertion(state, u, Infinity, opts.blink, rng, choice);
      const canOpen = state.routeCount < opts.routeLimit && inst.servable[u] === 1;
      const openCost = canOpen && !opts.lexicographic ? soloCost(inst, u) + vehicleCost : Infinity;
      const insertCost = choice.route >= 0 ? choice.delta : Infinity;
      if (!required) {
        const penalty = inst.penalty[u] as number;
        if (penalty <= insertCost && penalty <= openCost) continue;
      }
      if (openCost < insertCost) {
        state.openRoute(u);
      } else if (choice.route >= 0) {
        state.insert(u, choice.route, choice.pos);
      } else if (canOpen && required) {
        state.openRoute(u);
      } else {
        continue;
      }
      if (state.distance + vehicleCost * state.routeCount > opts.abortAbove) return false;
    }
    return true;
  }
}
