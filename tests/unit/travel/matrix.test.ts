import { describe, expect, it } from 'vitest';
import type { LocationKey, TravelPair } from '../../../src-main/core/model';
import { buildTravelMatrix, travelBetween, type TravelPoint } from '../../../src-main/core/travel';

const measured = (from: string, to: string, minutes: number): TravelPair => ({
  from: from as LocationKey, to: to as LocationKey, distanceM: minutes * 500, minutes, source: 'measured',
});
// About 55 km apart: estimated at 120 min or more on any road.
const point = (key: string, lat: number, road: TravelPoint['road'] = 'paved', more: Partial<TravelPoint> = {}): TravelPoint => ({
  key: key as LocationKey, lat, lon: 105, road, ...more,
});

describe('travel matrix: the fastest way a vehicle may drive', () => {
  it('HQ to a forest hamlet goes by the commune post, not at forest speed all the way', () => {
    const points = [point('b:1', 19.5), point('b:2', 20), point('h:1', 20.01, 'forest')];
    const m = buildTravelMatrix(points, [measured('b:1', 'b:2', 60), measured('b:2', 'h:1', 20)]);
    expect(travelBetween(m, 'b:1' as LocationKey, 'h:1' as LocationKey)).toEqual({ minutes: 80, distanceM: 40_000 });
    expect(travelBetween(m, 'h:1' as LocationKey, 'b:1' as LocationKey).minutes).toBe(80);
  });

  it('never passes a place the trip’s own vehicle could not: worse road, motorbike-only, cut month', () => {
    const ways = (via: TravelPoint, from: TravelPoint = point('h:1', 19.5), to: TravelPoint = point('h:2', 20)): number => {
      const m = buildTravelMatrix([from, to, via], [measured(from.key, via.key, 5), measured(via.key, to.key, 5)]);
      return travelBetween(m, from.key, to.key).minutes;
    };
    expect(ways(point('h:3', 19.7))).toBe(10); // an open paved place on the way is fine
    expect(ways(point('h:3', 19.7, 'forest'))).toBeGreaterThan(100);
    expect(ways(point('h:3', 19.7, 'paved', { motorbikeOnly: true }))).toBeGreaterThan(100);
    expect(ways(point('h:3', 19.7, 'paved', { cutMask: 1 << 10 }))).toBeGreaterThan(100);
    // ... unless an end of the trip needs that anyway.
    expect(ways(point('h:3', 19.7, 'forest'), point('h:1', 19.5, 'forest'))).toBe(10);
    expect(ways(point('h:3', 19.7, 'paved', { motorbikeOnly: true }), point('h:1', 19.5, 'paved', { motorbikeOnly: true }))).toBe(10);
    expect(ways(point('h:3', 19.7, 'paved', { cutMask: 1 << 10 }), point('h:1', 19.5, 'paved', { cutMask: (1 << 10) | (1 << 11) }))).toBe(10);
  });
});
