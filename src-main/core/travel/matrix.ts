import type { LocationKey, RoadClass, TravelPair } from '../model';
import { DEFAULT_TRAVEL_PARAMS, estimateTrip, worseRoad, type TravelEstimateParams } from './estimate';

export interface TravelPoint {
  key: LocationKey;
  lat: number;
  lon: number;
  /** Road class of the last stretch to reach this point (bases are on paved roads). */
  road: RoadClass;
}

/**
 * Dense travel matrix over a fixed list of points. Measured pairs win; a pair known in
 * one direction is used for the other; the rest is estimated from coordinates.
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
  return { keys: points.map((p) => p.key), indexOf, distanceM, minutes, measured };
}

export function travelBetween(m: TravelMatrix, from: LocationKey, to: LocationKey): { distanceM: number; minutes: number } {
  const i = m.indexOf.get(from);
  const j = m.indexOf.get(to);
  if (i === undefined || j === undefined) throw new Error(`unknown location ${i === undefined ? from : to}`);
  const n = m.keys.length;
  return { distanceM: m.distanceM[i * n + j]!, minutes: m.minutes[i * n + j]! };
}
