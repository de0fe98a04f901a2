import { allocate, commit, routeCost, type Pools, type RoutePlan } from './evaluate';
import { GROUPS } from './guide';
import { sameStop, takeStop, type HamletState } from './ledger-stops';
import { coefficientOfVariation, compareObjectives, type Baseline, type Objective } from './objective';
import type { Prepared } from './prepare';
import type { Skeleton } from './state';

/** Values per stop in a snapshot: non-homebound (2 services), homebound (2), the team's guide (3 groups). */
const W = 4 + GROUPS;

/** One planned route in the ledger, with what each of its stops found when the team arrived. */
export interface Entry {
  readonly id: number;
  readonly sk: Skeleton;
  /** Position in the chronological order of evaluate() (compareSkeletons). */
  readonly ord: number;
  plan: RoutePlan;
  /** Pools at each stop just before this route: W values per stop. */
  pre: Float64Array;
  cost: number;
}

/** A change tried on the ledger: what it would do to the plan, ready to be committed. */
export interface Trial {
  removed: readonly Entry[];
  added: Entry[];
  /** Existing entries whose quotas change, with their new plan and snapshot. */
  updated: { entry: Entry; plan: RoutePlan; pre: Float64Array }[];
  dirty: Map<number, HamletState>;
  weighted: number;
  people: number;
  cost: number;
  distanceM: number;
  imbalance: number;
  /** allocate() calls spent: the search's unit of work. */
  work: number;
}

/**
 * Incremental evaluation: the same quotas evaluate() gives, but a change to a few routes
 * re-allocates only the routes that come after it at the hamlets it touches (and, when a
 * multi-stop route's quotas move, at its other hamlets too), instead of the whole plan.
 * Pools, and the guide's targets of each team at each hamlet, evolve hamlet by hamlet in
 * chronological order, which is what makes the cascade exact.
 */
export class Ledger {
  private readonly entries = new Map<number, Entry>();
  private readonly byHamlet: Entry[][];
  private readonly end: Pools;
  private readonly shifts: Float64Array;
  private readonly slotRank: Map<string, number>;
  private readonly teamRank: Int32Array;
  private readonly scratch: Pools;
  private nextId = 0;
  weighted = 0;
  people = 0;
  cost = 0;
  distanceM = 0;
  imbalance = 0;

  constructor(private readonly P: Prepared, private readonly base: Baseline, skeletons: readonly Skeleton[]) {
    const H = P.hamlets.length;
    this.byHamlet = P.hamlets.map(() => []);
    this.end = { nonHomebound: base.nonHomebound.slice(), homebound: base.homebound.slice(), guide: base.guide ? base.guide.slice() : null };
    this.scratch = { nonHomebound: new Int32Array(2 * H), homebound: new Int32Array(2 * H), guide: base.guide ? new Float64Array(base.guide.length) : null };
    const slots = [...P.slots].sort((a, b) => a.day - b.day || a.start - b.start || a.templateId - b.templateId);
    this.slotRank = new Map(slots.map((s, i) => [`${s.day}|${s.templateId}`, i]));
    const byId = P.teams.map((t, i) => ({ id: t.team.id, i })).sort((a, b) => a.id - b.id);
    this.teamRank = new Int32Array(P.teams.length);
    byId.forEach(({ i }, rank) => { this.teamRank[i] = rank; });
    this.shifts = new Float64Array(P.teams.length);
    for (const r of base.pinned) {
      const t = P.teamIdx.get(r.teamId);
      if (t !== undefined) this.shifts[t] = this.shifts[t]! + 1;
    }
    const sorted = skeletons.map((sk) => ({ sk, ord: this.ordOf(sk) })).sort((a, b) => a.ord - b.ord);
    for (const { sk, ord } of sorted) {
      const pre = this.snapshot(sk, () => this.end);
      const plan = this.allocateFrom(sk, pre);
      if (!plan) throw new Error('planner: a planned route does not fit its shift');
      const entry: Entry = { id: this.nextId++, sk, ord, plan, pre, cost: routeCost(P, sk.vehicles, plan.distanceM) };
      commit(this.P, plan, this.end);
      this.insert(entry);
      this.addTotals(entry, 1);
    }
    this.imbalance = this.imbalanceOf(this.shifts);
  }

  /** The plan's objective (level 4, changes, left at 0), with a trial applied if given. */
  objective(trial: Trial | null = null): Objective {
    return {
      weighted: this.weighted + (trial?.weighted ?? 0), people: this.people + (trial?.people ?? 0),
      imbalance: trial ? trial.imbalance : this.imbalance, cost: this.cost + (trial?.cost ?? 0),
      distanceM: this.distanceM + (trial?.distanceM ?? 0), changes: 0,
    };
  }

  /** Positive when the trial makes the plan better, as compareObjectives says. */
  verdict(trial: Trial): number {
    return compareObjectives(this.objective(trial), this.objective());
  }

  /** Routes in chronological order. */
  list(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.ord - b.ord);
  }

  has(e: Entry): boolean {
    return this.entries.get(e.id) === e;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What is left at the end of the plan (do not modify). */
  get pools(): Pools {
    return this.end;
  }

  /** Routes visiting hamlet h, in chronological order (do not modify). */
  at(h: number): readonly Entry[] {
    return this.byHamlet[h]!;
  }

  /** Routes of the same shift share floor(ord / teams). */
  ordOf(sk: Skeleton): number {
    return (this.slotRank.get(`${sk.slot.day}|${sk.slot.templateId}`) ?? 0) * this.P.teams.length + this.teamRank[sk.team]!;
  }

  /** The plan with `removed` taken out and `added` put in, without changing the ledger. */
  trial(removed: readonly Entry[], added: readonly Skeleton[]): Trial | null {
    const H = this.P.hamlets.length;
    const gone = new Set(removed.map((e) => e.id));
    const dirty = new Map<number, HamletState>();
    const queue: Entry[] = [];
    const queued = new Set<number>();
    const trial: Trial = { removed, added: [], updated: [], dirty, weighted: 0, people: 0, cost: 0, distanceM: 0, imbalance: this.imbalance, work: 0 };
    const enqueueFrom = (h: number, ord: number): void => {
      for (const e of this.byHamlet[h]!) {
        if (e.ord >= ord && !gone.has(e.id) && !queued.has(e.id)) {
          queued.add(e.id);
          queue.push(e);
        }
      }
    };
    /** From `ord` on, h is followed in the trial; `from` is the route there whose quotas moved (its snapshot is the state). */
    const markDirty = (h: number, ord: number, from: Entry | null = null, k = 0): void => {
      if (dirty.has(h)) return;
      const v = new Float64Array(4);
      const guide = new Map<number, Float64Array>();
      if (from) {
        v.set(from.pre.subarray(k * W, k * W + 4));
        if (this.end.guide) guide.set(from.sk.team, from.pre.slice(k * W + 4, k * W + W));
      } else this.stateBefore(h, ord, v);
      dirty.set(h, { ord0: ord, v, guide });
      enqueueFrom(h, ord);
    };
    // Each touched hamlet turns dirty from the earliest change there.
    const first = new Map<number, number>();
    const touch = (h: number, ord: number): void => { first.set(h, Math.min(ord, first.get(h) ?? Infinity)); };
    for (const e of removed) {
      for (const h of e.sk.stops) touch(h, e.ord);
      trial.weighted -= e.plan.value;
      trial.people -= e.plan.people;
      trial.cost -= e.cost;
      trial.distanceM -= e.plan.distanceM;
    }
    for (const sk of added) {
      const entry: Entry = { id: -1 - trial.added.length, sk, ord: this.ordOf(sk), plan: null!, pre: null!, cost: 0 };
      for (const h of sk.stops) touch(h, entry.ord);
      trial.added.push(entry);
      queue.push(entry);
    }
    for (const [h, ord] of first) markDirty(h, ord);
    // A removed route gives its team's guide targets back even if no other route of the team follows there.
    if (this.end.guide) {
      for (const e of removed) {
        for (const h of e.sk.stops) {
          const state = dirty.get(h)!;
          if (state.guide.has(e.sk.team)) continue;
          const g = new Float64Array(GROUPS);
          this.guideBefore(e.sk.team, h, state.ord0, g);
          state.guide.set(e.sk.team, g);
        }
      }
    }
    if (removed.length !== added.length || removed.some((e, i) => e.sk.team !== added[i]?.team)) {
      const shifts = this.shifts.slice();
      for (const e of removed) shifts[e.sk.team] = shifts[e.sk.team]! - 1;
      for (const sk of added) shifts[sk.team] = shifts[sk.team]! + 1;
      trial.imbalance = this.imbalanceOf(shifts);
    }
    // Chronological order; entries join the queue as hamlets turn dirty, always later than the current one.
    let done = 0;
    while (done < queue.length) {
      let best = done;
      for (let i = done + 1; i < queue.length; i++) if (queue[i]!.ord < queue[best]!.ord || (queue[i]!.ord === queue[best]!.ord && queue[i]!.id < queue[best]!.id)) best = i;
      [queue[done], queue[best]] = [queue[best]!, queue[done]!];
      const e = queue[done++]!;
      const fresh = e.id < 0;
      const pre = this.snapshot(e.sk, (h) => dirty.get(h) ?? null, fresh ? null : e.pre);
      const plan = this.allocateFrom(e.sk, pre);
      trial.work++;
      if (!plan) return null;
      if (!fresh) {
        // A stop whose quotas moved makes its hamlet dirty from here on.
        e.sk.stops.forEach((h, k) => {
          if (!dirty.has(h) && !sameStop(H, e.sk.team, e.plan, plan, k)) markDirty(h, e.ord, e, k);
        });
      }
      for (let k = 0; k < e.sk.stops.length; k++) {
        const state = dirty.get(e.sk.stops[k]!);
        if (state) takeStop(state, H, e.sk.team, plan, k);
      }
      if (fresh) {
        e.plan = plan;
        e.pre = pre;
        e.cost = routeCost(this.P, e.sk.vehicles, plan.distanceM);
        trial.weighted += plan.value;
        trial.people += plan.people;
        trial.cost += e.cost;
        trial.distanceM += plan.distanceM;
      } else {
        trial.weighted += plan.value - e.plan.value;
        trial.people += plan.people - e.plan.people;
        trial.updated.push({ entry: e, plan, pre });
      }
    }
    return trial;
  }

  /** Applies a trial; returns the entries it added. */
  commit(trial: Trial): Entry[] {
    for (const e of trial.removed) {
      this.remove(e);
      this.addTotals(e, -1);
    }
    for (const { entry, plan, pre } of trial.updated) {
      this.weighted += plan.value - entry.plan.value;
      this.people += plan.people - entry.plan.people;
      entry.plan = plan;
      entry.pre = pre;
    }
    const added = trial.added.map((e) => {
      const entry: Entry = { ...e, id: this.nextId++ };
      this.insert(entry);
      this.addTotals(entry, 1);
      return entry;
    });
    const H = this.P.hamlets.length;
    for (const [h, state] of trial.dirty) {
      this.end.nonHomebound[h] = state.v[0]!;
      this.end.nonHomebound[H + h] = state.v[1]!;
      this.end.homebound[h] = state.v[2]!;
      this.end.homebound[H + h] = state.v[3]!;
      if (this.end.guide) for (const [t, g] of state.guide) this.end.guide.set(g, (t * H + h) * GROUPS);
    }
    this.imbalance = trial.imbalance;
    return added;
  }

  private addTotals(e: Entry, sign: 1 | -1): void {
    this.weighted += sign * e.plan.value;
    this.people += sign * e.plan.people;
    this.cost += sign * e.cost;
    this.distanceM += sign * e.plan.distanceM;
    this.shifts[e.sk.team] = this.shifts[e.sk.team]! + sign;
    this.imbalance = this.imbalanceOf(this.shifts);
  }

  private imbalanceOf(shifts: Float64Array): number {
    return coefficientOfVariation(this.base.activeTeams.map((t) => shifts[t]!));
  }

  private insert(e: Entry): void {
    this.entries.set(e.id, e);
    for (const h of e.sk.stops) {
      const list = this.byHamlet[h]!;
      let i = list.length;
      while (i > 0 && list[i - 1]!.ord > e.ord) i--;
      list.splice(i, 0, e);
    }
  }

  private remove(e: Entry): void {
    this.entries.delete(e.id);
    for (const h of e.sk.stops) {
      const list = this.byHamlet[h]!;
      list.splice(list.indexOf(e), 1);
    }
  }

  /** Non-homebound and homebound at h just before `ord`, as the ledger stands. */
  private stateBefore(h: number, ord: number, out: Float64Array): void {
    for (const e of this.byHamlet[h]!) {
      if (e.ord >= ord) {
        const k = e.sk.stops.indexOf(h);
        out.set(e.pre.subarray(k * W, k * W + 4));
        return;
      }
    }
    const H = this.P.hamlets.length;
    out[0] = this.end.nonHomebound[h]!;
    out[1] = this.end.nonHomebound[H + h]!;
    out[2] = this.end.homebound[h]!;
    out[3] = this.end.homebound[H + h]!;
  }

  /** The team's guide targets at h just before the dirty period began (first of its routes there from then on). */
  private guideBefore(t: number, h: number, ord0: number, out: Float64Array): void {
    for (const e of this.byHamlet[h]!) {
      if (e.ord >= ord0 && e.sk.team === t) {
        const k = e.sk.stops.indexOf(h);
        out.set(e.pre.subarray(k * W + 4, k * W + W));
        return;
      }
    }
    const g = this.end.guide!;
    const at = (t * this.P.hamlets.length + h) * GROUPS;
    for (let i = 0; i < GROUPS; i++) out[i] = g[at + i]!;
  }

  /**
   * The pools a route finds at its stops: dirty hamlets from the trial's running state,
   * the others from the route's stored snapshot (nothing before it changed there) or,
   * while the ledger is being built, from the running end pools.
   */
  private snapshot(sk: Skeleton, dirtyOf: (h: number) => HamletState | Pools | null, stored: Float64Array | null = null): Float64Array {
    const H = this.P.hamlets.length;
    const t = sk.team;
    const pre = new Float64Array(W * sk.stops.length);
    sk.stops.forEach((h, k) => {
      const o = k * W;
      const state = dirtyOf(h);
      if (state && 'v' in state) {
        pre.set(state.v, o);
        let g = state.guide.get(t);
        if (!g && this.end.guide) {
          g = new Float64Array(GROUPS);
          this.guideBefore(t, h, state.ord0, g);
          state.guide.set(t, g);
        }
        if (g) pre.set(g, o + 4);
      } else if (state) {
        pre[o] = state.nonHomebound[h]!;
        pre[o + 1] = state.nonHomebound[H + h]!;
        pre[o + 2] = state.homebound[h]!;
        pre[o + 3] = state.homebound[H + h]!;
        if (state.guide) for (let i = 0; i < GROUPS; i++) pre[o + 4 + i] = state.guide[(t * H + h) * GROUPS + i]!;
      } else if (stored) pre.set(stored.subarray(o, o + W), o);
    });
    return pre;
  }

  private allocateFrom(sk: Skeleton, pre: Float64Array): RoutePlan | null {
    const H = this.P.hamlets.length;
    const s = this.scratch;
    sk.stops.forEach((h, k) => {
      const o = k * W;
      s.nonHomebound[h] = pre[o]!;
      s.nonHomebound[H + h] = pre[o + 1]!;
      s.homebound[h] = pre[o + 2]!;
      s.homebound[H + h] = pre[o + 3]!;
      if (s.guide) for (let i = 0; i < GROUPS; i++) s.guide[(sk.team * H + h) * GROUPS + i] = pre[o + 4 + i]!;
    });
    return allocate(this.P, sk.team, sk.slot, sk.stops, s);
  }
}
