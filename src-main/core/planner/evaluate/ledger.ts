import type { Prepared } from '../prepare/prepared';
import { allocate, commit, routeCost } from './allocate';
import { GUIDE_AT, nextInOrder, sameStop, SNAPSHOT_WIDTH, takenBefore, TAKEN_AT, takeStop, type Cascade, type HamletState } from './ledger-stops';
import { coefficientOfVariation, compareObjectives, type Baseline, type Objective } from './objective';
import { emptyShiftTaken, GUIDE_GROUPS, shiftKeyOf, type Pools, type RoutePlan, type Skeleton } from './route-plan';

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

  constructor(private readonly prepared: Prepared, private readonly base: Baseline, skeletons: readonly Skeleton[]) {
    const hamletCount = prepared.hamlets.length;
    this.byHamlet = prepared.hamlets.map(() => []);
    this.end = {
      nonHomebound: base.nonHomebound.slice(), homebound: base.homebound.slice(), guide: base.guide ? base.guide.slice() : null, shift: emptyShiftTaken(hamletCount),
    };
    this.scratch = {
      nonHomebound: new Int32Array(2 * hamletCount), homebound: new Int32Array(2 * hamletCount),
      guide: base.guide ? new Float64Array(base.guide.length) : null, shift: emptyShiftTaken(hamletCount),
    };
    const slots = [...prepared.slots].sort((a, b) => a.day - b.day || a.start - b.start || a.templateId - b.templateId);
    this.slotRank = new Map(slots.map((s, i) => [`${s.day}|${s.templateId}`, i]));
    const byId = prepared.teams.map((t, i) => ({ id: t.team.id, i })).sort((a, b) => a.id - b.id);
    this.teamRank = new Int32Array(prepared.teams.length);
    byId.forEach(({ i }, rank) => { this.teamRank[i] = rank; });
    this.shifts = new Float64Array(prepared.teams.length);
    for (const route of base.pinned) {
      const teamIndex = prepared.teamIdx.get(route.teamId);
      if (teamIndex !== undefined) this.shifts[teamIndex] = this.shifts[teamIndex]! + 1;
    }
    const sorted = skeletons.map((sk) => ({ sk, ord: this.ordOf(sk) })).sort((a, b) => a.ord - b.ord);
    for (const { sk, ord } of sorted) {
      const pre = this.snapshot(sk, () => this.end);
      const plan = this.allocateFrom(sk, pre);
      if (!plan) throw new Error('planner: a planned route does not fit its shift');
      const entry: Entry = { id: this.nextId++, sk, ord, plan, pre, cost: routeCost(prepared, sk.vehicles, plan.distanceM) };
      commit(this.prepared, plan, this.end, sk.slot);
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

  has(entry: Entry): boolean {
    return this.entries.get(entry.id) === entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What is left at the end of the plan (do not modify). */
  get pools(): Pools {
    return this.end;
  }

  /** Routes visiting hamlet h, in chronological order (do not modify). */
  at(hamlet: number): readonly Entry[] {
    return this.byHamlet[hamlet]!;
  }

  /** Routes of the same shift share floor(ord / teams). */
  ordOf(sk: Skeleton): number {
    return (this.slotRank.get(`${sk.slot.day}|${sk.slot.templateId}`) ?? 0) * this.prepared.teams.length + this.teamRank[sk.team]!;
  }

  /** The plan with `removed` taken out and `added` put in, without changing the ledger. */
  trial(removed: readonly Entry[], added: readonly Skeleton[]): Trial | null {
    const cascade: Cascade = { gone: new Set(removed.map((entry) => entry.id)), dirty: new Map(), queue: [], queued: new Set() };
    const trial: Trial = {
      removed, added: [], updated: [], dirty: cascade.dirty, weighted: 0, people: 0, cost: 0, distanceM: 0, imbalance: this.imbalance, work: 0,
    };
    this.openTrial(cascade, trial, added);
    // Chronological order; entries join the queue as hamlets turn dirty, always later than the current one.
    for (let done = 0; done < cascade.queue.length; done++) {
      if (!this.reallocate(cascade, trial, nextInOrder(cascade.queue, done))) return null;
    }
    return trial;
  }

  /** The removed and added routes' own part: totals, the hamlets they touch (dirty from the earliest change there), imbalance. */
  private openTrial(cascade: Cascade, trial: Trial, added: readonly Skeleton[]): void {
    const { removed } = trial;
    const first = new Map<number, number>();
    const touch = (hamlet: number, ord: number): void => { first.set(hamlet, Math.min(ord, first.get(hamlet) ?? Infinity)); };
    for (const entry of removed) {
      for (const hamlet of entry.sk.stops) touch(hamlet, entry.ord);
      trial.weighted -= entry.plan.value;
      trial.people -= entry.plan.people;
      trial.cost -= entry.cost;
      trial.distanceM -= entry.plan.distanceM;
    }
    for (const sk of added) {
      const entry: Entry = { id: -1 - trial.added.length, sk, ord: this.ordOf(sk), plan: null!, pre: null!, cost: 0 };
      for (const hamlet of sk.stops) touch(hamlet, entry.ord);
      trial.added.push(entry);
      cascade.queue.push(entry);
    }
    for (const [hamlet, ord] of first) this.markDirty(cascade, hamlet, ord);
    // A removed route gives its team's guide targets back even if no other route of the team follows there.
    if (this.end.guide) {
      for (const entry of removed) {
        for (const hamlet of entry.sk.stops) {
          const state = cascade.dirty.get(hamlet)!;
          if (state.guide.has(entry.sk.team)) continue;
          const targets = new Float64Array(GUIDE_GROUPS);
          this.guideBefore(entry.sk.team, hamlet, state.ord0, targets);
          state.guide.set(entry.sk.team, targets);
        }
      }
    }
    if (removed.length !== added.length || removed.some((entry, i) => entry.sk.team !== added[i]?.team)) {
      const shifts = this.shifts.slice();
      for (const entry of removed) shifts[entry.sk.team] = shifts[entry.sk.team]! - 1;
      for (const sk of added) shifts[sk.team] = shifts[sk.team]! + 1;
      trial.imbalance = this.imbalanceOf(shifts);
    }
  }

  /** Re-allocates one route of the cascade on what it now finds; false when it no longer fits. */
  private reallocate(cascade: Cascade, trial: Trial, entry: Entry): boolean {
    const hamletCount = this.prepared.hamlets.length;
    const { dirty } = cascade;
    const fresh = entry.id < 0;
    const pre = this.snapshot(entry.sk, (hamlet) => dirty.get(hamlet) ?? null, fresh ? null : entry.pre);
    const plan = this.allocateFrom(entry.sk, pre);
    trial.work++;
    if (!plan) return false;
    if (!fresh) {
      // A stop whose quotas moved makes its hamlet dirty from here on.
      entry.sk.stops.forEach((hamlet, stop) => {
        if (!dirty.has(hamlet) && !sameStop(hamletCount, entry.sk.team, entry.plan, plan, stop)) this.markDirty(cascade, hamlet, entry.ord, entry, stop);
      });
    }
    entry.sk.stops.forEach((hamlet, stop) => {
      const state = dirty.get(hamlet);
      if (state) takeStop(state, hamletCount, entry.sk.team, plan, stop, this.shiftOf(entry.ord));
    });
    if (fresh) {
      entry.plan = plan;
      entry.pre = pre;
      entry.cost = routeCost(this.prepared, entry.sk.vehicles, plan.distanceM);
      trial.weighted += plan.value;
      trial.people += plan.people;
      trial.cost += entry.cost;
      trial.distanceM += plan.distanceM;
    } else {
      trial.weighted += plan.value - entry.plan.value;
      trial.people += plan.people - entry.plan.people;
      trial.updated.push({ entry, plan, pre });
    }
    return true;
  }

  /**
   * From `ord` on, the hamlet is followed in the trial and its later routes are queued;
   * `from` is the route there whose quotas moved (its snapshot at stop `stop` is the state).
   */
  private markDirty(cascade: Cascade, hamlet: number, ord: number, from: Entry | null = null, stop = 0): void {
    if (cascade.dirty.has(hamlet)) return;
    const left = new Float64Array(4);
    const guide = new Map<number, Float64Array>();
    // The state's shift: taken[0..1] by other teams at the hamlet earlier in the shift of `ord`.
    const shift = { key: Int32Array.of(this.shiftOf(ord)), taken: new Int32Array(2) };
    if (from) {
      left.set(from.pre.subarray(stop * SNAPSHOT_WIDTH, stop * SNAPSHOT_WIDTH + 4));
      shift.taken[0] = from.pre[stop * SNAPSHOT_WIDTH + TAKEN_AT]!;
      shift.taken[1] = from.pre[stop * SNAPSHOT_WIDTH + TAKEN_AT + 1]!;
      if (this.end.guide) guide.set(from.sk.team, from.pre.slice(stop * SNAPSHOT_WIDTH + GUIDE_AT, stop * SNAPSHOT_WIDTH + SNAPSHOT_WIDTH));
    } else {
      this.stateBefore(hamlet, ord, left);
      takenBefore(this.byHamlet[hamlet]!, hamlet, ord, (at) => this.shiftOf(at), shift.taken);
    }
    cascade.dirty.set(hamlet, { ord0: ord, left, guide, shift });
    for (const entry of this.byHamlet[hamlet]!) {
      if (entry.ord >= ord && !cascade.gone.has(entry.id) && !cascade.queued.has(entry.id)) {
        cascade.queued.add(entry.id);
        cascade.queue.push(entry);
      }
    }
  }

  /** Applies a trial; returns the entries it added. */
  commit(trial: Trial): Entry[] {
    for (const route of trial.removed) {
      this.remove(route);
      this.addTotals(route, -1);
    }
    for (const { entry, plan, pre } of trial.updated) {
      this.weighted += plan.value - entry.plan.value;
      this.people += plan.people - entry.plan.people;
      entry.plan = plan;
      entry.pre = pre;
    }
    const added = trial.added.map((route) => {
      const entry: Entry = { ...route, id: this.nextId++ };
      this.insert(entry);
      this.addTotals(entry, 1);
      return entry;
    });
    const hamletCount = this.prepared.hamlets.length;
    for (const [hamlet, state] of trial.dirty) {
      this.end.nonHomebound[hamlet] = state.left[0]!;
      this.end.nonHomebound[hamletCount + hamlet] = state.left[1]!;
      this.end.homebound[hamlet] = state.left[2]!;
      this.end.homebound[hamletCount + hamlet] = state.left[3]!;
      this.end.shift!.key[hamlet] = -1;
      if (this.end.guide) for (const [team, targets] of state.guide) this.end.guide.set(targets, (team * hamletCount + hamlet) * GUIDE_GROUPS);
    }
    this.imbalance = trial.imbalance;
    return added;
  }

  private addTotals(entry: Entry, sign: 1 | -1): void {
    this.weighted += sign * entry.plan.value;
    this.people += sign * entry.plan.people;
    this.cost += sign * entry.cost;
    this.distanceM += sign * entry.plan.distanceM;
    this.shifts[entry.sk.team] = this.shifts[entry.sk.team]! + sign;
    this.imbalance = this.imbalanceOf(this.shifts);
  }

  private imbalanceOf(shifts: Float64Array): number {
    return coefficientOfVariation(this.base.activeTeams.map((t) => shifts[t]!));
  }

  private insert(entry: Entry): void {
    this.entries.set(entry.id, entry);
    for (const hamlet of entry.sk.stops) {
      const list = this.byHamlet[hamlet]!;
      let i = list.length;
      while (i > 0 && list[i - 1]!.ord > entry.ord) i--;
      list.splice(i, 0, entry);
    }
  }

  private remove(entry: Entry): void {
    this.entries.delete(entry.id);
    for (const hamlet of entry.sk.stops) {
      const list = this.byHamlet[hamlet]!;
      list.splice(list.indexOf(entry), 1);
    }
  }

  /** Non-homebound and homebound at h just before `ord`, as the ledger stands. */
  private stateBefore(hamlet: number, ord: number, out: Float64Array): void {
    for (const entry of this.byHamlet[hamlet]!) {
      if (entry.ord >= ord) {
        const stop = entry.sk.stops.indexOf(hamlet);
        out.set(entry.pre.subarray(stop * SNAPSHOT_WIDTH, stop * SNAPSHOT_WIDTH + 4));
        return;
      }
    }
    const hamletCount = this.prepared.hamlets.length;
    out[0] = this.end.nonHomebound[hamlet]!;
    out[1] = this.end.nonHomebound[hamletCount + hamlet]!;
    out[2] = this.end.homebound[hamlet]!;
    out[3] = this.end.homebound[hamletCount + hamlet]!;
  }

  /** Routes of one shift share floor(ord / teams). */
  private shiftOf(ord: number): number {
    return Math.floor(ord / this.prepared.teams.length);
  }

  /** The team's guide targets at h just before the dirty period began (first of its routes there from then on). */
  private guideBefore(teamIndex: number, hamlet: number, ord0: number, out: Float64Array): void {
    for (const entry of this.byHamlet[hamlet]!) {
      if (entry.ord >= ord0 && entry.sk.team === teamIndex) {
        const stop = entry.sk.stops.indexOf(hamlet);
        out.set(entry.pre.subarray(stop * SNAPSHOT_WIDTH + GUIDE_AT, stop * SNAPSHOT_WIDTH + SNAPSHOT_WIDTH));
        return;
      }
    }
    const targets = this.end.guide!;
    const at = (teamIndex * this.prepared.hamlets.length + hamlet) * GUIDE_GROUPS;
    for (let i = 0; i < GUIDE_GROUPS; i++) out[i] = targets[at + i]!;
  }

  /**
   * The pools a route finds at its stops: dirty hamlets from the trial's running state,
   * the others from the route's stored snapshot (nothing before it changed there) or,
   * while the ledger is being built, from the running end pools.
   */
  private snapshot(sk: Skeleton, dirtyOf: (hamlet: number) => HamletState | Pools | null, stored: Float64Array | null = null): Float64Array {
    const hamletCount = this.prepared.hamlets.length;
    const teamIndex = sk.team;
    const pre = new Float64Array(SNAPSHOT_WIDTH * sk.stops.length);
    sk.stops.forEach((hamlet, stop) => {
      const offset = stop * SNAPSHOT_WIDTH;
      const state = dirtyOf(hamlet);
      if (state && 'left' in state) {
        pre.set(state.left, offset);
        if (state.shift.key[0] === this.shiftOf(this.ordOf(sk))) pre.set(state.shift.taken, offset + TAKEN_AT);
        let targets = state.guide.get(teamIndex);
        if (!targets && this.end.guide) {
          targets = new Float64Array(GUIDE_GROUPS);
          this.guideBefore(teamIndex, hamlet, state.ord0, targets);
          state.guide.set(teamIndex, targets);
        }
        if (targets) pre.set(targets, offset + GUIDE_AT);
      } else if (state) {
        pre[offset] = state.nonHomebound[hamlet]!;
        pre[offset + 1] = state.nonHomebound[hamletCount + hamlet]!;
        pre[offset + 2] = state.homebound[hamlet]!;
        pre[offset + 3] = state.homebound[hamletCount + hamlet]!;
        if (state.shift && state.shift.key[hamlet] === shiftKeyOf(sk.slot)) {
          pre[offset + TAKEN_AT] = state.shift.taken[hamlet]!;
          pre[offset + TAKEN_AT + 1] = state.shift.taken[hamletCount + hamlet]!;
        }
        if (state.guide) for (let i = 0; i < GUIDE_GROUPS; i++) pre[offset + GUIDE_AT + i] = state.guide[(teamIndex * hamletCount + hamlet) * GUIDE_GROUPS + i]!;
      } else if (stored) pre.set(stored.subarray(offset, offset + SNAPSHOT_WIDTH), offset);
    });
    return pre;
  }

  private allocateFrom(sk: Skeleton, pre: Float64Array): RoutePlan | null {
    const hamletCount = this.prepared.hamlets.length;
    const pools = this.scratch;
    sk.stops.forEach((hamlet, stop) => {
      const offset = stop * SNAPSHOT_WIDTH;
      pools.nonHomebound[hamlet] = pre[offset]!;
      pools.nonHomebound[hamletCount + hamlet] = pre[offset + 1]!;
      pools.homebound[hamlet] = pre[offset + 2]!;
      pools.homebound[hamletCount + hamlet] = pre[offset + 3]!;
      pools.shift!.key[hamlet] = shiftKeyOf(sk.slot);
      pools.shift!.taken[hamlet] = pre[offset + TAKEN_AT]!;
      pools.shift!.taken[hamletCount + hamlet] = pre[offset + TAKEN_AT + 1]!;
      if (pools.guide) for (let i = 0; i < GUIDE_GROUPS; i++) pools.guide[(sk.team * hamletCount + hamlet) * GUIDE_GROUPS + i] = pre[offset + GUIDE_AT + i]!;
    });
    return allocate(this.prepared, sk.team, sk.slot, sk.stops, pools);
  }
}
