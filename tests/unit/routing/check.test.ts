import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src-main/core/vrptw/check';
import { euclidean } from './helpers';

// Depot at the origin; customers on the x axis, 1 apart, each with 4 units of demand.
const problem = euclidean(
  [
    { x: 0, y: 0, due: 50 },
    { x: 1, y: 0, demand: 4, due: 20 },
    { x: 2, y: 0, demand: 4, due: 20 },
    { x: 3, y: 0, demand: 4, ready: 10, due: 12, service: 5 },
    { x: 4, y: 0, demand: 4, due: 6, penalty: 7 },
  ],
  10,
  2,
);

const kinds = (routes: number[][]) => checkSolution(problem, routes).violations.map((v) => v.kind);

describe('independent checker', () => {
  it('accepts a valid solution and recomputes its distance', () => {
    const result = checkSolution(problem, [[1, 2], [4, 3]]);
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.vehicles).toBe(2);
    // 0-1-2-0: 4; 0-4-3-0: 4 + 1 + 3 = 8.
    expect(result.distance).toBeCloseTo(12, 12);
    expect(result.penalty).toBe(0);
  });

  it('catches a late arrival', () => {
    // After customer 3 (wait until 10, serve until 15) customer 4 is reached at 16; it is due by 6.
    expect(kinds([[1, 2], [3, 4]])).toEqual(['late']);
  });

  it('catches a late return to the depot', () => {
    const tight = { ...problem, nodes: problem.nodes.map((n, i) => (i === 0 ? { ...n, due: 10 } : n)) };
    const result = checkSolution(tight, [[1, 2], [4, 3]]);
    expect(result.violations.map((v) => v.kind)).toEqual(['late-return']);
  });

  it('catches a vehicle over capacity', () => {
    expect(kinds([[1, 2, 3], [4]])).toEqual(['capacity']);
  });

  it('catches a missing required customer but not a missing optional one', () => {
    expect(kinds([[1, 2]])).toEqual(['missing']);
    const result = checkSolution(problem, [[1, 2], [3]]);
    expect(result.valid).toBe(true);
    expect(result.penalty).toBe(7);
  });

  it('catches a duplicate customer', () => {
    expect(kinds([[1, 2], [4, 3, 2]])).toContain('duplicate');
  });

  it('catches node indices that are not customers', () => {
    expect(kinds([[1, 2, 9], [4, 3]])).toEqual(['bad-node']);
    expect(kinds([[1, 0, 2], [4, 3]])).toEqual(['depot-in-route']);
  });

  it('catches more vehicles than the fleet has', () => {
    expect(kinds([[1], [2], [4, 3]])).toEqual(['fleet']);
  });

  it('ignores empty routes', () => {
    const result = checkSolution(problem, [[], [1, 2], [], [4, 3]]);
    expect(result.valid).toBe(true);
    expect(result.vehicles).toBe(2);
  });
});
