import { singleValue } from '../construct/candidates';
import { insertion, routeFrame } from '../evaluate/allocate';
import type { Bookings } from '../evaluate/bookings';
import type { Entry, Ledger } from '../evaluate/ledger';
import type { Skeleton } from '../evaluate/route-plan';
import { reachable } from '../evaluate/allocate';
import type { Prepared, PSlot } from '../prepare/prepared';
import type { Rng } from '../../rng';

/** A change to the plan (routes taken out, routes put in), or null when the move finds none. */
export type Move = { removed: Entry[]; added: Skeleton[] } | null;

/** Hamlets drawn per choice; the one worth most to the team on what the plan leaves wins. */
const TOURNAMENT = 6;
/** Share of hamlet draws taken among the neighbours of a stop already in the route. */
const NEAR_SHARE = 0.4;

/**
 * What the local search's moves share: the plan (ledger.ts) and who is where (bookings.ts),
 * the random stream, and the draws and checks the moves are built from. Every draw comes
 * from `rng` in a fixed order, so a seed gives the same moves.
 */
export class MoveKit {
  private entries: Entry[];
  private stale = false;
  /** Running sums of the people still reachable per hamlet at the end of the plan; null = to redo. */
  private needy: Float64Array | null = null;
  /** Per team, the hamlets it reaches and can work at within the longest shift. */
  private readonly feasible: number[][];
  /** Per hamlet, its best reach over the shift kinds. */
  private readonly bestReach: number[];

  constructor(readonly prepared: Prepared, readonly ledger: Ledger, readonly bookings: Bookings, readonly rng: Rng) {
    const hamletCount = prepared.hamlets.length;
    const longest = Math.max(0, ...prepared.slots.map((slot) => slot.end - slot.start));
    this.feasible = prepared.teams.map((team, teamIndex) => {
      if (team.base < 0) return [];
      return prepared.hamlets.flatMap((ph, hamlet) => {
        const roundTrip = prepared.minutes[team.node * prepared.nodeCount + ph.node]! + prepared.minutes[ph.node * prepared.nodeCount + team.node]!;
        return prepared.reachable[teamIndex * hamletCount + hamlet] && roundTrip + team.setup < longest ? [hamlet] : [];
      });
    });
    this.entries = ledger.list();
    this.bestReach = prepared.hamlets.map((ph) => Math.max(...ph.reach));
  }

  /** Before each move: the route list as the last committed move left it. */
  refresh(): void {
    if (!this.stale) return;
    this.entries = this.ledger.list();
    this.stale = false;
  }

  /** After a committed move: the route list and the people left are redrawn when next asked. */
  changed(): void {
    this.stale = true;
    this.needy = null;
  }

  randomEntry(): Entry | null {
    return this.entries.length === 0 ? null : this.entries[this.rng.int(this.entries.length)] ?? null;
  }

  /** One of the list, drawn uniformly (a draw is taken even from an empty list). */
  drawFrom<T>(list: readonly T[]): T | null {
    return list[this.rng.int(list.length)] ?? null;
  }

  /** A hamlet worth most to the team in this slot among a few drawn (near the stops or anywhere it goes); -1 if none. */
  pickHamlet(team: number, slot: PSlot, near: readonly number[], exclude: readonly number[]): number {
    const { prepared, rng } = this;
    const pool = this.feasible[team] ?? [];
    let best = -1;
    let bestValue = 0;
    for (let draw = 0; draw < TOURNAMENT; draw++) {
      let hamlet: number | undefined;
      if (near.length > 0 && rng.next() < NEAR_SHARE) {
        const neighbours = prepared.neighbours[near[rng.int(near.length)]!] ?? [];
        hamlet = neighbours[rng.int(neighbours.length)];
      } else if (pool.length > 0) hamlet = pool[rng.int(pool.length)];
      else return -1;
      if (hamlet === undefined || exclude.includes(hamlet) || !prepared.reachable[team * prepared.hamlets.length + hamlet]) continue;
      const value = singleValue(prepared, team, slot, hamlet, this.ledger.pools, true);
      if (value > bestValue) {
        bestValue = value;
        best = hamlet;
      }
    }
    return best;
  }

  /** A hamlet drawn by the people still reachable there at the end of the plan; -1 if nobody is. */
  drawNeedy(): number {
    const needy = this.needy ?? (this.needy = this.needyWeights());
    const total = needy[needy.length - 1] ?? 0;
    if (total <= 0) return -1;
    const target = this.rng.next() * total;
    let lo = 0;
    let hi = needy.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (needy[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private needyWeights(): Float64Array {
    const hamletCount = this.prepared.hamlets.length;
    const needy = new Float64Array(hamletCount);
    const { nonHomebound, homebound } = this.ledger.pools;
    let sum = 0;
    this.bestReach.forEach((reach, hamlet) => {
      for (let service = 0; service < 2; service++) {
        const at = service * hamletCount + hamlet;
        sum += reachable(reach, nonHomebound[at]!) + homebound[at]!;
      }
      needy[hamlet] = sum;
    });
    return needy;
  }

  /** The stops leave the team time to work in the slot, and nobody else is at them then. */
  fitsStops(team: number, slot: PSlot, stops: readonly number[], ignore: ReadonlySet<Entry>): boolean {
    return routeFrame(this.prepared, team, slot, stops).work > 0 && stops.every((hamlet) => this.bookings.hamletFree(hamlet, slot, ignore));
  }

  /** The route with one more stop, where it travels least. */
  insert(entry: Entry, hamlet: number): Move {
    const stops = insertion(this.prepared, entry.sk, hamlet);
    return stops ? this.reroute(entry, stops) : null;
  }

  /** The route with other stops (its vehicles kept if they pass). */
  reroute(entry: Entry, stops: number[]): Move {
    const ignore = new Set([entry]);
    const { team, slot } = entry.sk;
    if (stops.length === 0 || !this.fitsStops(team, slot, stops, ignore)) return null;
    const vehicles = this.bookings.vehiclesFor(team, stops, slot, ignore, entry.sk.vehicles);
    return vehicles ? { removed: [entry], added: [{ ...entry.sk, stops, vehicles }] } : null;
  }

  /** Two routes, at the same time or not, get stops `mine` and `theirs` instead of their own. */
  trade(entry: Entry, other: Entry, mine: readonly number[], theirs: readonly number[]): Move {
    const { prepared, bookings } = this;
    if (new Set(mine).size !== mine.length || new Set(theirs).size !== theirs.length) return null;
    const hamletCount = prepared.hamlets.length;
    const reaches = (team: number, stops: readonly number[]): boolean => stops.every((hamlet) => prepared.reachable[team * hamletCount + hamlet]);
    if (!reaches(entry.sk.team, mine) || !reaches(other.sk.team, theirs)) return null;
    const ignore = new Set([entry, other]);
    const first = entry.sk;
    const second = other.sk;
    if (!this.fitsStops(first.team, first.slot, mine, ignore) || !this.fitsStops(second.team, second.slot, theirs, ignore)) return null;
    const clash = first.slot.day === second.slot.day && first.slot.start < second.slot.end && second.slot.start < first.slot.end;
    const mineVehicles = bookings.vehiclesFor(first.team, mine, first.slot, ignore, first.vehicles, clash ? second.vehicles : []);
    if (!mineVehicles) return null;
    const theirVehicles = bookings.vehiclesFor(second.team, theirs, second.slot, ignore, second.vehicles, clash ? mineVehicles : []);
    if (!theirVehicles) return null;
    return { removed: [entry, other], added: [{ ...first, stops: [...mine], vehicles: mineVehicles }, { ...second, stops: [...theirs], vehicles: theirVehicles }] };
  }

  /** The route, stops unchanged, run by `team` in `slot`. */
  moveTo(entry: Entry, team: number, slot: PSlot): Move {
    const ignore = new Set([entry]);
    if (!this.bookings.teamAllows(team, slot, ignore) || !this.fitsStops(team, slot, entry.sk.stops, ignore)) return null;
    const vehicles = this.bookings.vehiclesFor(team, entry.sk.stops, slot, ignore, null);
    return vehicles ? { removed: [entry], added: [{ slot, team, vehicles, stops: entry.sk.stops }] } : null;
  }
}
