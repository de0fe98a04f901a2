import { Bookings, vehiclesPass } from './bookings';
import { bestRoute, type ScoreContext } from './candidates';
import { yieldThread } from './construct';
import { allocate, insertion, reachable, type Pools } from './evaluate';
import { Ledger, type Entry } from './ledger';
import { compareObjectives, compareSkeletons, evaluate, type Baseline } from './objective';
import type { Prepared } from './prepare';
import { cleanup, type Solution } from './search';
import { PlanState, type Skeleton } from './state';

export interface RepairParams {
  shouldStop: () => boolean;
  now: () => number;
  /** Wall-clock end (ms, same origin as now()): only a slow machine reaches it. */
  deadlineMs: number;
  /** Route allocations the repair may spend (the deterministic budget). */
  maxWork: number;
  previous: ScoreContext['previous'];
}

/** Rounds of swaps and fills, each screened on the plan the last one left. */
const REPAIR_ROUNDS = 4;
/** Insertions tried per route, best screened gain first. */
const TRIES_PER_ROUTE = 3;

/**
 * The plan being repaired: routes evaluated incrementally (ledger.ts), who is where
 * (bookings.ts), the budget spent, and a clock check that hands the thread back every
 * 40 ms so a cancel message can arrive.
 */
class Workspace {
  readonly ledger: Ledger;
  readonly book: Bookings;
  work = 0;
  private last: number;

  constructor(readonly P: Prepared, readonly baseline: Baseline, solution: Solution, readonly params: RepairParams) {
    this.ledger = new Ledger(P, baseline, solution.skeletons);
    this.book = new Bookings(P, baseline, this.ledger.list());
    this.last = params.now();
  }

  /** Budget, clock or cancel says stop (handing the thread back first when due). */
  async spent(): Promise<boolean> {
    const { params } = this;
    if (params.now() - this.last >= 40) {
      await yieldThread();
      this.last = params.now();
    }
    return this.work >= params.maxWork || params.shouldStop() || params.now() >= params.deadlineMs;
  }

  /** Applies the change when the plan gets strictly better; returns the new entries. */
  tryChange(removed: Entry[], added: Skeleton[]): Entry[] | null {
    const trial = this.ledger.trial(removed, added);
    if (!trial) return null;
    this.work += trial.work;
    if (this.ledger.verdict(trial) <= 0) return null;
    for (const e of removed) this.book.remove(e);
    const entries = this.ledger.commit(trial);
    for (const e of entries) this.book.add(e);
    return entries;
  }

  solution(): Solution {
    const skeletons = this.ledger.list().map((e) => e.sk).sort((a, b) => compareSkeletons(this.P, a, b));
    return { skeletons, evaluation: evaluate(this.P, this.baseline, skeletons) };
  }
}

/** Shortfall repair: new routes in free team-shifts, hamlet swaps within a shift, idle time filled. */
export async function repair(P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new Workspace(P, baseline, solution, params);
  await addRoutesIn(ws);
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const before = ws.ledger.weighted;
    await swapRoutesIn(ws);
    await fillIdleIn(ws);
    if (ws.ledger.weighted <= before + 1e-9) break;
  }
  const repaired = ws.solution();
  const cleaned = cleanup(P, baseline, repaired);
  const best = compareObjectives(cleaned.evaluation.objective, repaired.evaluation.objective) >= 0 ? cleaned : repaired;
  return compareObjectives(best.evaluation.objective, solution.evaluation.objective) >= 0 ? best : solution;
}

/** The single moves, each on its own (for tests and callers that want one). */
export async function swapRoutes(P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new Workspace(P, baseline, solution, params);
  await swapRoutesIn(ws);
  return ws.solution();
}

export async function addRoutes(P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new Workspace(P, baseline, solution, params);
  await addRoutesIn(ws);
  return ws.solution();
}

export async function fillIdle(P: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new Workspace(P, baseline, solution, params);
  await fillIdleIn(ws);
  return ws.solution();
}

/** Pools at the end of the plan with the people of some routes given back. */
function givenBack(P: Prepared, end: Pools, routes: readonly Entry[]): Pools {
  const H = P.hamlets.length;
  const out = { nonHomebound: end.nonHomebound.slice(), homebound: end.homebound.slice(), guide: null };
  for (const e of routes) {
    for (const s of e.plan.stops) {
      for (let k = 0; k < 2; k++) {
        out.nonHomebound[k * H + s.hamlet] = out.nonHomebound[k * H + s.hamlet]! + s.quota[k]!;
        out.homebound[k * H + s.hamlet] = out.homebound[k * H + s.hamlet]! + s.home[k]!;
      }
    }
  }
  return out;
}

/**
 * Two teams in the same shift trade their hamlets (each keeps its vehicles, which must
 * pass): a kit team takes the hamlet with CCCD left, a fast team the big one. Screened on
 * the people left at the end of the plan, kept when the whole plan enrols more.
 */
async function swapRoutesIn(ws: Workspace): Promise<void> {
  const { P, ledger } = ws;
  const H = P.hamlets.length;
  const list = ledger.list();
  const swaps: { a: Entry; b: Entry; gain: number; order: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    if (await ws.spent()) return;
    const a = list[i]!;
    const shift = Math.floor(a.ord / P.teams.length);
    for (let j = i + 1; j < list.length && Math.floor(list[j]!.ord / P.teams.length) === shift; j++) {
      const b = list[j]!;
      if (!vehiclesPass(P, a.sk.vehicles, b.sk.stops) || !vehiclesPass(P, b.sk.vehicles, a.sk.stops)) continue;
      if (b.sk.stops.some((h) => !P.reachable[a.sk.team * H + h]) || a.sk.stops.some((h) => !P.reachable[b.sk.team * H + h])) continue;
      const pools = givenBack(P, ledger.pools, [a, b]);
      const na = allocate(P, a.sk.team, a.sk.slot, b.sk.stops, pools);
      if (!na) continue;
      const nb = allocate(P, b.sk.team, b.sk.slot, a.sk.stops, pools);
      if (!nb) continue;
      const gain = na.value + nb.value - a.plan.value - b.plan.value;
      if (gain > 1e-9) swaps.push({ a, b, gain, order: swaps.length });
    }
  }
  swaps.sort((x, y) => y.gain - x.gain || x.order - y.order);
  const touched = new Set<Entry>();
  for (const { a, b } of swaps) {
    if (await ws.spent()) return;
    if (touched.has(a) || touched.has(b)) continue;
    const done = ws.tryChange([a, b], [{ ...a.sk, stops: b.sk.stops }, { ...b.sk, stops: a.sk.stops }]);
    if (done) for (const e of [a, b, ...done]) touched.add(e);
  }
}

/**
 * New routes where a team could still work a shift (caps, days off, vehicles allow): the
 * best route on what the plan leaves at the end, kept when the whole plan enrols more.
 */
async function addRoutesIn(ws: Workspace): Promise<void> {
  const { P, ledger, baseline } = ws;
  const guide = P.guide;
  P.guide = null; // plain people: the state below follows no guide
  const state = new PlanState(P);
  P.guide = guide;
  for (const r of baseline.pinned) state.addPinned(r);
  for (const e of ledger.list()) state.hold(e.sk);
  const sync = (): void => {
    state.nonHomebound.set(ledger.pools.nonHomebound);
    state.homebound.set(ledger.pools.homebound);
  };
  sync();
  const ctx: ScoreContext = { rng: null, noise: 0, previous: ws.params.previous };
  for (const slot of P.slots) {
    for (let t = 0; t < P.teams.length; t++) {
      if (await ws.spent()) return;
      if (!state.teamCanTake(t, slot)) continue;
      const cand = bestRoute(P, state, t, slot, ctx);
      if (!cand || cand.plan.people === 0) continue;
      const sk: Skeleton = { slot, team: t, vehicles: cand.vehicles, stops: cand.stops };
      if (!ws.tryChange([], [sk])) continue;
      state.hold(sk);
      sync();
    }
  }
}

/**
 * Idle-time fill: a route whose shift has time left after its stops gets one more hamlet
 * (any the team and the route's vehicles reach, where it travels least), when the whole plan,
 * re-evaluated in chronological order, enrols strictly more. Candidates are screened on
 * what is left at the end of the plan: a hamlet with nobody reachable left gains nothing.
 */
async function fillIdleIn(ws: Workspace): Promise<void> {
  const { P, ledger, book } = ws;
  const H = P.hamlets.length;
  for (const e of ledger.list()) {
    if (await ws.spent()) return;
    if (!ledger.has(e)) continue;
    const team = P.teams[e.sk.team]!;
    if (e.plan.idleMinutes < team.setup + 1 / team.maxRatePerMin) continue;
    const pools = ledger.pools;
    const screen = givenBack(P, pools, [e]);
    const ignore = new Set([e]);
    const options: { stops: number[]; gain: number }[] = [];
    for (let h = 0; h < H; h++) {
      if (e.sk.stops.includes(h) || !hasReachableLeft(P, e.sk, h, pools)) continue;
      if (!P.reachable[e.sk.team * H + h] || !vehiclesPass(P, e.sk.vehicles, [h]) || !book.hamletFree(h, e.sk.slot, ignore)) continue;
      const bestStops = insertion(P, e.sk, h);
      if (!bestStops) continue;
      const trial = allocate(P, e.sk.team, e.sk.slot, bestStops, screen);
      if (trial && trial.value > e.plan.value + 1e-9) options.push({ stops: bestStops, gain: trial.value - e.plan.value });
    }
    options.sort((a, b) => b.gain - a.gain || compareStops(a.stops, b.stops));
    for (const option of options.slice(0, TRIES_PER_ROUTE)) {
      if (ws.tryChange([e], [{ ...e.sk, stops: option.stops }])) break;
    }
  }
}

function compareStops(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

function hasReachableLeft(P: Prepared, sk: Skeleton, h: number, pools: Pools): boolean {
  const team = P.teams[sk.team]!;
  const H = P.hamlets.length;
  const reach = P.hamlets[h]!.reach[sk.slot.kind] ?? 0;
  for (let s = 0; s < 2; s++) {
    if (!team.can[s]) continue;
    if (!sk.slot.homeOnly && reachable(reach, pools.nonHomebound[s * H + h]!) > 0) return true;
    if (team.htp > 0 && pools.homebound[s * H + h]! > 0) return true;
  }
  return false;
}
