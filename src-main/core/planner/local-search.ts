import { Bookings } from './bookings';
import { singleValue } from './candidates';
import { yieldThread } from './construct';
import { insertion, reachable, routeFrame } from './evaluate';
import { Ledger, type Entry } from './ledger';
import { compareObjectives, compareSkeletons, evaluate, type Baseline, type Objective } from './objective';
import type { Prepared, PSlot } from './prepare';
import type { Rng } from './rng';
import type { Solution } from './search';
import type { Skeleton } from './state';

export interface LocalSearchParams {
  rng: Rng;
  now: () => number;
  /** Wall-clock end (ms, same origin as now()): only a slow machine reaches it. */
  deadlineMs: number;
  /** Route allocations the search may spend: the deterministic budget. */
  maxWork: number;
  shouldStop: () => boolean;
  /** The plan as it stands, about five times a second. */
  onProgress?: (o: Objective) => void;
}

/** Hamlets drawn per choice; the one worth most to the team on what the plan leaves wins. */
const TOURNAMENT = 6;
/** Share of hamlet draws taken among the neighbours of a stop already in the route. */
const NEAR_SHARE = 0.4;

type Move = { removed: Entry[]; added: Skeleton[] } | null;

/**
 * Local search on the routes themselves, each move evaluated incrementally (ledger.ts):
 * bring a hamlet with people left into a nearby route, change a stop's hamlet, add or drop
 * a stop, trade stops between two routes, trade hamlets between two routes of a team or
 * whole routes between two teams of a shift, move a route to another shift of its team,
 * or add a route where a team may still work. A move is kept when the plan is at least as good
 * lexicographically (equal moves let the search walk across plateaus).
 */
export async function localSearch(P: Prepared, baseline: Baseline, solution: Solution, params: LocalSearchParams): Promise<Solution> {
  const ledger = new Ledger(P, baseline, solution.skeletons);
  const book = new Bookings(P, baseline, ledger.list());
  const H = P.hamlets.length;
  const longest = Math.max(0, ...P.slots.map((s) => s.end - s.start));
  const feasible = P.teams.map((team, t) => {
    if (team.base < 0) return [];
    return P.hamlets.flatMap((ph, h) => {
      const rt = P.minutes[team.node * P.n + ph.node]! + P.minutes[ph.node * P.n + team.node]!;
      return P.reachable[t * H + h] && rt + team.setup < longest ? [h] : [];
    });
  });
  const { rng } = params;
  let entries = ledger.list();
  let stale = false;
  let work = 0;
  let lastYield = params.now();
  let lastReport = lastYield;

  const pickHamlet = (t: number, slot: PSlot, near: readonly number[], exclude: readonly number[]): number => {
    const pool = feasible[t]!;
    let best = -1;
    let bestValue = 0;
    for (let i = 0; i < TOURNAMENT; i++) {
      let h: number;
      if (near.length > 0 && rng.next() < NEAR_SHARE) {
        const list = P.neighbours[near[rng.int(near.length)]!]!;
        h = list[rng.int(list.length)]!;
      } else if (pool.length > 0) h = pool[rng.int(pool.length)]!;
      else return -1;
      if (exclude.includes(h) || !P.reachable[t * H + h]) continue;
      const value = singleValue(P, t, slot, h, ledger.pools, true);
      if (value > bestValue) {
        bestValue = value;
        best = h;
      }
    }
    return best;
  };
  // Hamlets drawn by the people still reachable there at the end of the plan.
  const bestReach = P.hamlets.map((ph) => Math.max(...ph.reach));
  let needy: Float64Array | null = null;
  const drawNeedy = (): number => {
    if (!needy) {
      needy = new Float64Array(H);
      const { nonHomebound, homebound } = ledger.pools;
      let sum = 0;
      for (let h = 0; h < H; h++) {
        for (let s = 0; s < 2; s++) sum += reachable(bestReach[h]!, nonHomebound[s * H + h]!) + homebound[s * H + h]!;
        needy[h] = sum;
      }
    }
    const total = needy[H - 1]!;
    if (total <= 0) return -1;
    const x = rng.next() * total;
    let lo = 0;
    let hi = H - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (needy[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const fitsStops = (t: number, slot: PSlot, stops: readonly number[], ignore: ReadonlySet<Entry>): boolean =>
    routeFrame(P, t, slot, stops).work > 0 && stops.every((h) => book.hamletFree(h, slot, ignore));
  const randomEntry = (): Entry | null => (entries.length === 0 ? null : entries[rng.int(entries.length)]!);

  const moves: (() => Move)[] = [
    // A hamlet with people left: a route nearby visits it too, or instead of its stop there.
    () => {
      const h = drawNeedy();
      if (h < 0) return null;
      const pool: Entry[] = [];
      for (const n of [h, ...P.neighbours[h]!]) {
        for (const e of ledger.at(n)) if (P.reachable[e.sk.team * H + h] && !e.sk.stops.includes(h)) pool.push(e);
      }
      if (pool.length === 0) return null;
      const e = pool[rng.int(pool.length)]!;
      const k = e.sk.stops.findIndex((x) => x === h || P.neighbours[h]!.includes(x));
      if (k >= 0 && rng.next() < 0.5) {
        const stops = e.sk.stops.slice();
        stops[k] = h;
        return reroute(e, stops);
      }
      return insert(e, h);
    },
    // Change one stop's hamlet.
    () => {
      const e = randomEntry();
      if (!e) return null;
      const k = rng.int(e.sk.stops.length);
      const h = pickHamlet(e.sk.team, e.sk.slot, e.sk.stops, e.sk.stops);
      if (h < 0) return null;
      const stops = e.sk.stops.slice();
      stops[k] = h;
      return reroute(e, stops);
    },
    // One more stop, at the position that travels least (its time comes from the others).
    () => {
      const e = randomEntry();
      if (!e) return null;
      const h = pickHamlet(e.sk.team, e.sk.slot, e.sk.stops, e.sk.stops);
      return h < 0 ? null : insert(e, h);
    },
    // Drop a stop of a multi-stop route.
    () => {
      const e = randomEntry();
      if (!e || e.sk.stops.length < 2) return null;
      const k = rng.int(e.sk.stops.length);
      return reroute(e, e.sk.stops.filter((_, i) => i !== k));
    },
    // Two routes trade a stop each.
    () => {
      const e = randomEntry();
      const f = randomEntry();
      if (!e || !f || e === f) return null;
      const k = rng.int(e.sk.stops.length);
      const l = rng.int(f.sk.stops.length);
      const a = e.sk.stops.slice();
      const b = f.sk.stops.slice();
      [a[k], b[l]] = [b[l]!, a[k]!];
      return trade(e, f, a, b);
    },
    // A team's two routes trade hamlets: the tail of a hamlet to a shift when more people are out.
    () => {
      const e = randomEntry();
      if (!e) return null;
      const own = book.teamRoutes(e.sk.team);
      const f = own[rng.int(own.length)]!;
      return f === e ? null : trade(e, f, f.sk.stops, e.sk.stops);
    },
    // Two teams of the same shift trade routes (a kit team to the hamlet with CCCD left, a fast team to the big one).
    () => {
      const e = randomEntry();
      if (!e) return null;
      const same = book.sameShift(e);
      if (same.length === 0) return null;
      const f = same[rng.int(same.length)]!;
      return trade(e, f, f.sk.stops, e.sk.stops);
    },
    // The route moves to another shift of its team.
    () => {
      const e = randomEntry();
      if (!e) return null;
      return moveTo(e, e.sk.team, P.slots[rng.int(P.slots.length)]!);
    },
    // A new route where a team may still work.
    () => {
      const t = rng.int(P.teams.length);
      const slot = P.slots[rng.int(P.slots.length)]!;
      if (!book.teamAllows(t, slot, new Set())) return null;
      const h = pickHamlet(t, slot, [], []);
      if (h < 0 || !fitsStops(t, slot, [h], new Set())) return null;
      const vehicles = book.vehiclesFor(t, [h], slot, new Set(), null);
      return vehicles ? { removed: [], added: [{ slot, team: t, vehicles, stops: [h] }] } : null;
    },
  ];
  /** How often each move is drawn, in the order of `moves`. */
  const WEIGHTS = [30, 30, 12, 4, 20, 20, 10, 12, 12];
  const total = WEIGHTS.reduce((a, b) => a + b, 0);

  function insert(e: Entry, h: number): Move {
    const stops = insertion(P, e.sk, h);
    return stops ? reroute(e, stops) : null;
  }

  function reroute(e: Entry, stops: number[]): Move {
    const ignore = new Set([e]);
    if (stops.length === 0 || !fitsStops(e.sk.team, e.sk.slot, stops, ignore)) return null;
    const vehicles = book.vehiclesFor(e.sk.team, stops, e.sk.slot, ignore, e.sk.vehicles);
    return vehicles ? { removed: [e], added: [{ ...e.sk, stops, vehicles }] } : null;
  }

  /** Routes e and f, at the same time or not, get stops a and b instead of theirs. */
  function trade(e: Entry, f: Entry, a: readonly number[], b: readonly number[]): Move {
    if (new Set(a).size !== a.length || new Set(b).size !== b.length) return null;
    if (a.some((h) => !P.reachable[e.sk.team * H + h]) || b.some((h) => !P.reachable[f.sk.team * H + h])) return null;
    const ignore = new Set([e, f]);
    if (!fitsStops(e.sk.team, e.sk.slot, a, ignore) || !fitsStops(f.sk.team, f.sk.slot, b, ignore)) return null;
    const clash = e.sk.slot.day === f.sk.slot.day && e.sk.slot.start < f.sk.slot.end && f.sk.slot.start < e.sk.slot.end;
    const va = book.vehiclesFor(e.sk.team, a, e.sk.slot, ignore, e.sk.vehicles, clash ? f.sk.vehicles : []);
    if (!va) return null;
    const vb = book.vehiclesFor(f.sk.team, b, f.sk.slot, ignore, f.sk.vehicles, clash ? va : []);
    if (!vb) return null;
    return { removed: [e, f], added: [{ ...e.sk, stops: [...a], vehicles: va }, { ...f.sk, stops: [...b], vehicles: vb }] };
  }

  function moveTo(e: Entry, t: number, slot: PSlot): Move {
    const ignore = new Set([e]);
    if (!book.teamAllows(t, slot, ignore) || !fitsStops(t, slot, e.sk.stops, ignore)) return null;
    const vehicles = book.vehiclesFor(t, e.sk.stops, slot, ignore, null);
    return vehicles ? { removed: [e], added: [{ slot, team: t, vehicles, stops: e.sk.stops }] } : null;
  }

  while (work < params.maxWork) {
    if (params.now() - lastYield >= 40) {
      await yieldThread();
      lastYield = params.now();
      if (lastYield - lastReport >= 200) {
        lastReport = lastYield;
        params.onProgress?.(ledger.objective());
      }
      if (params.shouldStop() || params.now() >= params.deadlineMs) break;
    }
    if (stale) {
      entries = ledger.list();
      stale = false;
    }
    work++;
    let pick = rng.int(total);
    let m = 0;
    while (pick >= WEIGHTS[m]!) pick -= WEIGHTS[m++]!;
    const move = moves[m]!();
    if (!move) continue;
    const trial = ledger.trial(move.removed, move.added);
    if (!trial) continue;
    work += trial.work;
    if (ledger.verdict(trial) < 0) continue;
    for (const e of move.removed) book.remove(e);
    for (const e of ledger.commit(trial)) book.add(e);
    stale = true;
    needy = null;
  }

  const skeletons = ledger.list().map((e) => e.sk).sort((a, b) => compareSkeletons(P, a, b));
  const evaluation = evaluate(P, baseline, skeletons);
  return compareObjectives(evaluation.objective, solution.evaluation.objective) >= 0 ? { skeletons, evaluation } : solution;
}
