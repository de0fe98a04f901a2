import type { RoadClass } from '../model';

/** Parameters for estimating a road trip from coordinates when no measured pair is known. */
export interface TravelEstimateParams {
  /** Road distance ÷ great-circle distance: mountain roads wind. */
  windingFactor: number;
  /** Average speed in km/h on the worst road class of the trip. */
  speedKmh: Record<RoadClass, number>;
}

export const DEFAULT_TRAVEL_PARAMS: TravelEstimateParams = {
  windingFactor: 1.45,
  speedKmh: { paved: 40, dirt: 25, forest: 12 },
};

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function greatCircleM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

const ROAD_RANK: Record<RoadClass, number> = { paved: 0, dirt: 1, forest: 2 };

/** The worse of two road classes: a trip is as slow as its last stretch. */
export function worseRoad(a: RoadClass, b: RoadClass): RoadClass {
  return ROAD_RANK[a] >= ROAD_RANK[b] ? a : b;
}

export interface TripEstimate {
  distanceM: number;
  minutes: number;
}

export function estimateTrip(
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  road: RoadClass,
  params: TravelEstimateParams = DEFAULT_TRAVEL_PARAMS,
): TripEstimate {
  const distanceM = Math.round(greatCircleM(from.lat, from.lon, to.lat, to.lon) * params.windingFactor);
  const minutes = Math.ceil((distanceM / 1000 / params.speedKmh[road]) * 60);
  return { distanceM, minutes };
}
