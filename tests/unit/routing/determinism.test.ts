import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-main/core/rng';
import { solveVrptw } from '../../../src-main/core/vrptw/search';
import { quick, randomProblem } from './helpers';

const problem = randomProblem(2024, 60);

describe('determinism', () => {
  it('gives the same solution, byte for byte, for the same seed and budget', () => {
    const a = JSON.stringify(solveVrptw(problem, quick(3000, 7)));
    const b = JSON.stringify(solveVrptw(problem, quick(3000, 7)));
    expect(a).toBe(b);
  });

  it('explores differently with another seed', () => {
    const runs = [1, 2, 3].map((seed) => JSON.stringify(solveVrptw(problem, quick(3000, seed)).routes));
    expect(new Set(runs).size).toBeGreaterThan(1);
  });

  it('draws the same pseudo-random sequence from the same seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const rng = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
