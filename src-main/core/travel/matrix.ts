import { baseKey, hamletKey, type Base, type Hamlet, type LocationKey, type RoadClass, type TravelPair } from '../model';
import { DEFAULT_TRAVEL_PARAMS, estimateTrip, worseRoad, type TravelEstimateParams } from './estimate';

export interface TravelPoint {
  key: LocationKey;
  lat: number;
  lon: number;
  /** Road class of the last stretch to reach this point (bases are on paved roads). */
  road: RoadClass;
  /** Only motorbikes get there. */
  motorbikeOnly?: boolean;
  /** Bit m set when the road is cut in month m (1-12). */
  cutMask?: number;
}

/**
 * Dense travel matrix over a fixed list of points. Measured pairs win; a pair known in
 * one direction is used for the other; the rest is estimated from coordinates. Then every
 * trip takes the fastest way through the points marked `through` (a driver going from
 * HQ to a hamlet up a forest track takes the paved road to the commune post first, not
 * the whole way at forest-track speed), with the distance of that way. A trip may pass a
 * point only if whatever vehicle the trip's two ends need can pass it too, in every month
 * they are open: its road no worse than the worse end's, motorbike-only only if an end is,
 * cut only in months an end is cut. (That rule carries over when ways are joined, so every
 * time in the matrix is a way some allowed vehicle can really drive.)
 */
export interface TravelMatrix {
  keys: readonly LocationKey[];
  indexOf: ReadonlyMap<LocationKey, number>;
  /** Row-major n×n, metres. */
  distanceM: Int32Array;
  /** Row-major n×n, minutes. */
  minutes: Int32Array;
  /** Row-major n×n, 1 where the pair was measured. */
  measured: Uint8Array;
}

export function buildTravelMatrix(
  points: readonly TravelPoint[],
  known: readonly TravelPair[],
  params: TravelEstimateParams = DEFAULT_TRAVEL_PARAMS,
): TravelMatrix {
  const n = points.length;
  const indexOf = new Map<LocationKey, number>();
  points.forEach((p, i) => indexOf.set(p.key, i));
  const distanceM = new Int32Array(n * n);
  const minutes = new Int32Array(n * n);
  const measured = new Uint8Array(n * n);

  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      const est = estimateTrip(a, b, worseRoad(a.road, b.road), params);
      distanceM[i * n + j] = distanceM[j * n + i] = est.distanceM;
      minutes[i * n + j] = minutes[j * n + i] = est.minutes;
    }
  }
  // Measured pairs overwrite estimates. Roads run both ways, so a pair measured in one
  // direction serves the other too, unless that direction was measured itself (set last).
  const set = (from: number, to: number, pair: TravelPair): void => {
    const k = from * n + to;
    distanceM[k] = pair.distanceM;
    minutes[k] = pair.minutes;
    measured[k] = 1;
  };
  const resolved = known.flatMap((pair) => {
    const i = indexOf.get(pair.from);
    const j = indexOf.get(pair.to);
    return i === undefined || j === undefined || pair.source !== 'measured' ? [] : [{ i, j, pair }];
  });
  for (const { i, j, pair } of resolved) set(j, i, pair);
  for (const { i, j, pair } of resolved) set(i, j, pair);
  if (n * n * n <= MAX_CLOSURE_STEPS) closeOver(points, minutes, distanceM, measured);
  return { keys: points.map((p) => p.key), indexOf, distanceM, minutes, measured };
}

/**
 * Above this many relaxations (points³) the closure is left out and trips keep their direct
 * times: a district has a few million, a whole province in one matrix would take minutes.
 * Districts are planned one at a time, so this only affects a merged database.
 */
const MAX_CLOSURE_STEPS = 300_000_000;
const ROAD_RANK: Record<RoadClass, number> = { paved: 0, dirt: 1, forest: 2 };

/** Floyd-Warshall, point k relaxing only the trips allowed to pass it. */
function closeOver(points: readonly TravelPoint[], minutes: Int32Array, distanceM: Int32Array, measured: Uint8Array): void {
  const n = points.length;
  const rank = Int32Array.from(points, (p) => ROAD_RANK[p.road]);
  const moto = Uint8Array.from(points, (p) => (p.motorbikeOnly ? 1 : 0));
  const cut = Int32Array.from(points, (p) => p.cutMask ?? 0);
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const rowI = i * n;
      const ik = minutes[rowI + k]!;
      const dk = distanceM[rowI + k]!;
      // When end i alone allows passing k (a base, an open paved place ...), every j does.
      const all = rank[k]! <= rank[i]! && (!moto[k] || moto[i]) && (cut[k]! & ~cut[i]!) === 0;
      for (let j = 0; j < n; j++) {
        const t = ik + minutes[rowK + j]!;
        if (t >= minutes[rowI + j]! || j === i || j === k) continue;
        if (!all && (rank[k]! > Math.max(rank[i]!, rank[j]!) || (moto[k] && !moto[i] && !moto[j]) || (cut[k]! & ~(cut[i]! | cut[j]!)) !== 0)) continue;
        minutes[rowI + j] = t;
        distanceM[rowI + j] = dk + distanceM[rowK + j]!;
        measured[rowI + j] = 0;
      }
    }
  }
}

const built = new WeakMap<readonly Hamlet[], { bases: readonly Base[]; known: readonly TravelPair[]; matrix: TravelMatrix }>();

/**
 * The matrix over a district's bases and hamlets. The planner, its checker and the
 * shortfall report all ask for the same instance's matrix: it is built once (treat it as
 * read-only).
 */
export function placesMatrix(bases: readonly Base[], hamlets: readonly Hamlet[], known: readonly TravelPair[]): TravelMatrix {
  const hit = built.get(hamlets);
  if (hit && hit.bases === bases && hit.known === known) return hit.matrix;
  const matrix = buildTravelMatrix(
    [
      ...bases.map((b): TravelPoint => ({ key: baseKey(b.id), lat: b.lat, lon: b.lon, road: 'paved' })),
      ...hamlets.map((h): TravelPoint => ({
        key: hamletKey(h.id), lat: h.lat, lon: h.lon, road: h.roadClass, motorbikeOnly: h.motorbikeOnly,
        cutMask: h.cutMonths.reduce((mask, m) => mask | (1 << m), 0),
      })),
    ],
    known,
  );
  built.set(hamlets, { bases, known, matrix });
  return matrix;
}

export function travelBetween(m: TravelMatrix, from: LocationKey, to: LocationKey): { distanceM: number; minutes: number } {
  const i = m.indexOf.get(from);
  const j = m.indexOf.get(to);
  if (i === undefined || j === undefined) throw new Error(`unknown location ${i === undefined ? from : to}`);
  const n = m.keys.length;
  return { distanceM: m.distanceM[i * n + j]!, minutes: m.minutes[i * n + j]! };
}
