import { baseKey, hamletKey, type Base, type Hamlet, type RoadClass, type TravelPair } from '../model';
import { estimateTrip, worseRoad } from '../travel';
import type { Rng } from './rng';

/**
 * "Measured" trips: the core estimate with a deterministic 10-20 % deviation either way, as
 * a real odometer reading would differ from a formula. Time deviates a little more or
 * less than distance (a climb, a ford).
 */
function measured(rng: Rng, from: { lat: number; lon: number }, to: { lat: number; lon: number }, road: RoadClass): { distanceM: number; minutes: number } {
  const est = estimateTrip(from, to, road);
  const sign = rng.chance(0.5) ? 1 : -1;
  const factor = 1 + sign * rng.uniform(0.1, 0.2);
  const timeFactor = factor * rng.uniform(0.95, 1.05);
  return { distanceM: Math.round(est.distanceM * factor), minutes: Math.max(1, Math.round(est.minutes * timeFactor)) };
}

/**
 * HQ to every post, every post to its own hamlets, and about half of the hamlet-to-hamlet
 * pairs inside each commune. Everything else is left to core/travel at plan time.
 */
export function measuredTravel(rng: Rng, bases: readonly Base[], hamlets: readonly Hamlet[]): TravelPair[] {
  const pairs: TravelPair[] = [];
  const hq = bases.find((b) => b.kind === 'hq');
  const posts = bases.filter((b) => b.kind === 'post');
  if (hq) {
    for (const post of posts) pairs.push({ from: baseKey(hq.id), to: baseKey(post.id), ...measured(rng, hq, post, 'paved'), source: 'measured' });
  }
  const byCommune = new Map<number, Hamlet[]>();
  for (const h of hamlets) {
    const list = byCommune.get(h.communeId) ?? [];
    list.push(h);
    byCommune.set(h.communeId, list);
  }
  for (const post of posts) {
    for (const h of byCommune.get(post.communeId ?? -1) ?? []) {
      pairs.push({ from: baseKey(post.id), to: hamletKey(h.id), ...measured(rng, post, h, h.roadClass), source: 'measured' });
    }
  }
  for (const list of byCommune.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!rng.chance(0.5)) continue;
        const a = list[i]!;
        const b = list[j]!;
        pairs.push({ from: hamletKey(a.id), to: hamletKey(b.id), ...measured(rng, a, b, worseRoad(a.roadClass, b.roadClass)), source: 'measured' });
      }
    }
  }
  return pairs;
}
