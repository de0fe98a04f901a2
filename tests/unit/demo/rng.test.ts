import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../../src-main/core/demo/apportion';
import { createRng } from '../../../src-main/core/demo/rng';

describe('seeded rng', () => {
  it('gives the same sequence for the same seed and a different one otherwise', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps every helper inside its range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, lo, span) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const u = rng.next();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          const k = rng.int(lo, lo + span);
          expect(Number.isInteger(k) && k >= lo && k <= lo + span).toBe(true);
          const x = rng.uniform(lo, lo + span + 1);
          expect(x >= lo && x < lo + span + 1).toBe(true);
        }
      }),
    );
  });

  it('reaches both ends of int() and centres normal() near its mean', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const xs = Array.from({ length: 4000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 0);
    expect(sd).toBeGreaterThan(1.8);
    expect(sd).toBeLessThan(2.2);
  });

  it('shuffles into a permutation without touching the input, and picks members', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(items).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow();
  });

  it('forks independent, reproducible streams', () => {
    const a = createRng(5).fork('hamlets');
    const b = createRng(5).fork('hamlets');
    const c = createRng(5).fork('teams');
    const seq = (r: typeof a): number[] => Array.from({ length: 5 }, () => r.next());
    expect(seq(a)).toEqual(seq(b));
    expect(seq(createRng(5).fork('hamlets'))).not.toEqual(seq(c));
  });
});

describe('apportion (largest remainders)', () => {
  it('sums exactly to the total and respects caps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (items, fill) => {
          const caps = items.map(([, c]) => c);
          const total = Math.floor(fill * caps.reduce((s, c) => s + c, 0));
          const parts = apportion(total, items.map(([w]) => w), caps);
          expect(parts.reduce((s, x) => s + x, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p) && p >= 0).toBe(true);
            expect(p).toBeLessThanOrEqual(caps[i]!);
          });
        },
      ),
    );
  });

  it('is proportional when nothing is capped', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
  });

  it('refuses a total the caps cannot hold', () => {
    expect(() => apportion(11, [1, 1], [5, 5])).toThrow(/exceeds/);
  });
});
