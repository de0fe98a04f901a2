import { greatCircleM } from '../travel';
import type { Rng } from './rng';

/** A GeoJSON geometry, as read from a file: [lon, lat] positions. */
export type Outline =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface LatLon {
  lat: number;
  lon: number;
}

const KM_PER_DEG_LAT = 111.32;

/** Polygons of an outline, each a list of rings (outer first, then holes). */
export function polygonsOf(outline: Outline): number[][][][] {
  return outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
}

/** Ray casting on one ring of [lon, lat] positions. */
function insideRing(ring: readonly number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring of some polygon and outside its holes. */
export function pointInOutline(outline: Outline, p: LatLon): boolean {
  return polygonsOf(outline).some((rings) => {
    const [outer, ...holes] = rings;
    return outer !== undefined && insideRing(outer, p.lon, p.lat) && !holes.some((h) => insideRing(h, p.lon, p.lat));
  });
}

export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export function boundingBox(outline: Outline): Box {
  const box: Box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
  for (const rings of polygonsOf(outline)) {
    for (const [lon, lat] of rings[0] ?? []) {
      if (lon === undefined || lat === undefined) continue;
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
    }
  }
  return box;
}

/** Distance in km from `centre` to the farthest outer vertex: how far the commune reaches. */
export function reachKm(outline: Outline, centre: LatLon): number {
  let max = 0;
  for (const rings of polygonsOf(outline)) {
    for (const [lon, lat] of rings[0] ?? []) {
      if (lon === undefined || lat === undefined) continue;
      max = Math.max(max, greatCircleM(centre.lat, centre.lon, lat, lon) / 1000);
    }
  }
  return max;
}

/** A point `km` away from `centre` at `bearing` radians (flat-earth offset: fine at commune scale). */
export function offsetKm(centre: LatLon, km: number, bearing: number): LatLon {
  const dLat = (km * Math.cos(bearing)) / KM_PER_DEG_LAT;
  const dLon = (km * Math.sin(bearing)) / (KM_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: centre.lat + dLat, lon: centre.lon + dLon };
}

/** Uniform in a disc of `radiusKm` around `centre`. */
export function sampleInDisc(rng: Rng, centre: LatLon, radiusKm: number): LatLon {
  return offsetKm(centre, radiusKm * Math.sqrt(rng.next()), rng.uniform(0, 2 * Math.PI));
}

/** Uniform inside the outline by rejection from its bounding box; null if it keeps missing. */
export function sampleInOutline(rng: Rng, outline: Outline, box: Box, maxTries = 500): LatLon | null {
  for (let i = 0; i < maxTries; i++) {
    const p = { lat: rng.uniform(box.minLat, box.maxLat), lon: rng.uniform(box.minLon, box.maxLon) };
    if (pointInOutline(outline, p)) return p;
  }
  return null;
}

export const distanceKm = (a: LatLon, b: LatLon): number => greatCircleM(a.lat, a.lon, b.lat, b.lon) / 1000;

/** Round to 5 decimals (about 1 m): enough for a map, stable in JSON. */
export const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/** Area in km² (outer rings minus holes), on a local flat projection: fine at commune scale. */
export function outlineAreaKm2(outline: Outline): number {
  let total = 0;
  for (const rings of polygonsOf(outline)) {
    rings.forEach((ring, k) => {
      const first = ring[0];
      if (!first) return;
      const kx = KM_PER_DEG_LAT * Math.cos(((first[1] ?? 0) * Math.PI) / 180);
      let twice = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += (ring[j]![0]! * kx) * (ring[i]![1]! * KM_PER_DEG_LAT) - (ring[i]![0]! * kx) * (ring[j]![1]! * KM_PER_DEG_LAT);
      }
      total += (k === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return total;
}
