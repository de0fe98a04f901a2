import type { Base, Hamlet, RoadClass, TravelPair } from '../model';

/**
 * Travel as the README writes the rule, derived here on its own (the planner builds a
 * matrix by a restricted Floyd-Warshall; this re-derives it leg by leg with Dijkstra):
 *
 * 1. A direct trip between two places uses the measured pair if there is one (a pair
 *    measured one way serves the other way too); otherwise it is estimated: great-circle
 *    distance × 1.45 for winding roads, at the speed of the worse road of its two ends
 *    (paved 40, dirt 25, forest track 12 km/h), minutes rounded up.
 * 2. A trip may pass other places on the way when whatever vehicle its two ends need can
 *    pass them too: a road no worse than the worse end's, motorbike-only only if an end is,
 *    cut only in months an end is cut.
 *
 * The verifier asks, for each leg of a route, the fastest such way and the shortest such
 * way: a route may not travel faster, nor report fewer metres, than any allowed way.
 */
export interface Leg {
  minutes: number;
  distanceM: number;
}

const WINDING_FACTOR = 1.45;
const SPEED_KMH: Record<RoadClass, number> = { paved: 40, dirt: 25, forest: 12 };
const ROAD_RANK: Record<RoadClass, number> = { paved: 0, dirt: 1, forest: 2 };
const EARTH_RADIUS_M = 6_371_000;

interface Place {
  key: string;
  lat: number;
  lon: number;
  road: RoadClass;
  motorbikeOnly: boolean;
  /** The months its road is cut, as bits (1 << month). */
  cutMask: number;
}

const monthBits = (months: readonly number[]): number => months.reduce((mask, m) => mask | (1 << m), 0);

export class TravelRules {
  private readonly places: Place[];
  private readonly indexOf = new Map<string, number>();
  private readonly measured = new Map<string, Leg>();
  private readonly fastest = new Map<string, Dijkstra>();
  private readonly shortest = new Map<string, Dijkstra>();
  private readonly rows = new Map<number, { minutes: Int32Array; distanceM: Int32Array }>();

  constructor(bases: readonly Base[], hamlets: readonly Hamlet[], pairs: readonly TravelPair[]) {
    this.places = [
      ...bases.map((b) => ({ key: `b:${b.id}`, lat: b.lat, lon: b.lon, road: 'paved' as const, motorbikeOnly: false, cutMask: 0 })),
      ...hamlets.map((h) => ({ key: `h:${h.id}`, lat: h.lat, lon: h.lon, road: h.roadClass, motorbikeOnly: h.motorbikeOnly, cutMask: monthBits(h.cutMonths) })),
    ];
    this.places.forEach((p, i) => this.indexOf.set(p.key, i));
    const measured = pairs.filter((p) => p.source === 'measured');
    // The reverse direction first, so a pair measured both ways keeps its own figure.
    for (const p of measured) this.measured.set(`${p.to}>${p.from}`, { minutes: p.minutes, distanceM: p.distanceM });
    for (const p of measured) this.measured.set(`${p.from}>${p.to}`, { minutes: p.minutes, distanceM: p.distanceM });
  }

  knows(key: string): boolean {
    return this.indexOf.has(key);
  }

  /** The direct trip (rule 1 alone): no allowed way is slower or longer than it. */
  directLeg(fromKey: string, toKey: string): Leg | null {
    const from = this.indexOf.get(fromKey);
    const to = this.indexOf.get(toKey);
    if (from === undefined || to === undefined) return null;
    return from === to ? { minutes: 0, distanceM: 0 } : this.direct(from, to);
  }

  /** The fastest and the shortest allowed way from one place to another (null if unknown). */
  leg(fromKey: string, toKey: string): Leg | null {
    const from = this.indexOf.get(fromKey);
    const to = this.indexOf.get(toKey);
    if (from === undefined || to === undefined) return null;
    if (from === to) return { minutes: 0, distanceM: 0 };
    const a = this.places[from]!;
    const b = this.places[to]!;
    // Rule 2: the places a trip between these two ends may pass, named by what decides it.
    const worstRank = Math.max(ROAD_RANK[a.road], ROAD_RANK[b.road]);
    const motorbike = a.motorbikeOnly || b.motorbikeOnly;
    const cut = a.cutMask | b.cutMask;
    const signature = `${from}|${worstRank}|${motorbike}|${cut}`;
    const mayPass = (p: Place): boolean => ROAD_RANK[p.road] <= worstRank && (!p.motorbikeOnly || motorbike) && (p.cutMask & ~cut) === 0;
    const search = (row: (u: number) => Int32Array) => (): Dijkstra => new Dijkstra(from, this.places.map(mayPass), row);
    const minutes = this.cached(this.fastest, signature, search((u) => this.directFrom(u).minutes));
    const metres = this.cached(this.shortest, signature, search((u) => this.directFrom(u).distanceM));
    return { minutes: minutes.to(to), distanceM: metres.to(to) };
  }

  private cached(store: Map<string, Dijkstra>, key: string, make: () => Dijkstra): Dijkstra {
    let hit = store.get(key);
    if (!hit) {
      hit = make();
      store.set(key, hit);
    }
    return hit;
  }

  /** Direct trips from one place to all others, worked out once. */
  private directFrom(i: number): { minutes: Int32Array; distanceM: Int32Array } {
    let row = this.rows.get(i);
    if (!row) {
      const n = this.places.length;
      row = { minutes: new Int32Array(n), distanceM: new Int32Array(n) };
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const leg = this.direct(i, j);
        row.minutes[j] = leg.minutes;
        row.distanceM[j] = leg.distanceM;
      }
      this.rows.set(i, row);
    }
    return row;
  }

  /** Rule 1: the direct trip. */
  private direct(i: number, j: number): Leg {
    const a = this.places[i]!;
    const b = this.places[j]!;
    const known = this.measured.get(`${a.key}>${b.key}`);
    if (known) return known;
    const distanceM = Math.round(greatCircleMetres(a, b) * WINDING_FACTOR);
    const road = ROAD_RANK[a.road] >= ROAD_RANK[b.road] ? a.road : b.road;
    return { distanceM, minutes: Math.ceil((distanceM / 1000 / SPEED_KMH[road]) * 60) };
  }
}

/**
 * Plain O(n²) Dijkstra from `source` over the complete graph of direct trips, passing only
 * places `mayPass` allows, settled only as far as the places asked for: a place's figure is
 * final once it is settled, and the search carries on from there for the next question.
 */
class Dijkstra {
  private readonly best: Float64Array;
  private readonly settled: Uint8Array;
  private readonly passes: Uint8Array;
  private exhausted = false;

  constructor(private readonly source: number, mayPass: readonly boolean[], private readonly row: (u: number) => Int32Array) {
    const n = mayPass.length;
    this.best = new Float64Array(n).fill(Infinity);
    this.settled = new Uint8Array(n);
    this.passes = Uint8Array.from(mayPass, (ok) => (ok ? 1 : 0));
    this.best[source] = 0;
  }

  /** The least total to `target` (Infinity when no allowed way reaches it). */
  to(target: number): number {
    const { best, settled } = this;
    const n = best.length;
    while (!settled[target] && !this.exhausted) {
      let u = -1;
      for (let k = 0; k < n; k++) if (!settled[k] && best[k]! < Infinity && (u < 0 || best[k]! < best[u]!)) u = k;
      if (u < 0) {
        this.exhausted = true;
        break;
      }
      settled[u] = 1;
      if (u !== this.source && !this.passes[u]) continue;
      const direct = this.row(u);
      for (let v = 0; v < n; v++) {
        if (settled[v]) continue;
        const through = best[u]! + direct[v]!;
        if (through < best[v]!) best[v] = through;
      }
    }
    return best[target]!;
  }
}

/** Haversine distance on a sphere of the Earth's mean radius. */
function greatCircleMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (deg: number): number => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
