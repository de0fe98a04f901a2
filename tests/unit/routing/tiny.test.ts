import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src-main/core/vrptw/check';
import { RoutingInputError } from '../../../src-main/core/vrptw/instance';
import { solveVrptw } from '../../../src-main/core/vrptw/search';
import type { RoutingProblem } from '../../../src-main/core/vrptw/types';
import { euclidean, quick, routeSet } from './helpers';

const visitsOf = (routes: { visits: number[] }[]) => routes.map((r) => r.visits);

describe('routing engine on instances solved by hand', () => {
  it('visits three customers on a line in one sweep', () => {
    const problem = euclidean([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }, { x: 3, y: 0 }], 10, 3);
    const solution = solveVrptw(problem, quick());
    expect(solution.vehicles).toBe(1);
    expect(solution.distance).toBeCloseTo(6, 9);
    const visits = solution.routes[0]?.visits ?? [];
    // Either direction is optimal on a line.
    expect([visits.join('-'), [...visits].reverse().join('-')]).toContain('1-2-3');
  });

  it('follows the order that time windows force, waiting when early', () => {
    const problem = euclidean(
      [
        { x: 0, y: 0, due: 100 },
        { x: 1, y: 0, ready: 5, due: 10 },
        { x: 2, y: 0, ready: 0, due: 2.5 },
      ],
      10,
      2,
    );
    const solution = solveVrptw(problem, quick());
    expect(visitsOf(solution.routes)).toEqual([[2, 1]]);
    expect(solution.distance).toBeCloseTo(4, 9);
    expect(solution.routes[0]?.starts).toEqual([2, 5]);
    expect(solution.routes[0]?.returnTime).toBeCloseTo(6, 9);
  });

  it('splits customers between two vehicles when capacity forces it, pairing the best pair', () => {
    const problem = euclidean(
      [
        { x: 0, y: 0 },
        { x: 1, y: 0, demand: 5 },
        { x: 2, y: 0, demand: 5 },
        { x: 0, y: 5, demand: 5 },
      ],
      10,
      3,
    );
    const solution = solveVrptw(problem, quick());
    expect(solution.vehicles).toBe(2);
    expect(routeSet(solution.routes.map((r) => ({ visits: [...r.visits].sort((a, b) => a - b) })))).toEqual([
      '1-2',
      '3',
    ]);
    expect(solution.distance).toBeCloseTo(14, 9);
  });

  // d(A,B) = 10 while each is 1 from the depot: one vehicle costs 12, two cost 4.
  const detour: RoutingProblem = {
    nodes: [
      { ready: 0, due: 100, service: 0, demand: 0 },
      { ready: 0, due: 100, service: 0, demand: 1 },
      { ready: 0, due: 100, service: 0, demand: 1 },
    ],
    travelTime: [
      [0, 1, 1],
      [1, 0, 10],
      [1, 10, 0],
    ],
    capacity: 10,
    maxVehicles: 2,
  };

  it('puts fewer vehicles first by default, even at a longer distance', () => {
    const solution = solveVrptw(detour, quick());
    expect(solution.vehicles).toBe(1);
    expect(solution.distance).toBe(12);
  });

  it('minimises distance with objective "distance", using a vehicle cost when given', () => {
    const free = solveVrptw(detour, { ...quick(), objective: 'distance' });
    expect(free.vehicles).toBe(2);
    expect(free.distance).toBe(4);
    const costly = solveVrptw({ ...detour, vehicleCost: 10 }, { ...quick(), objective: 'distance' });
    expect(costly.vehicles).toBe(1);
    expect(costly.distance).toBe(12);
  });

  it('keeps a separate distance matrix apart from travel times', () => {
    const problem: RoutingProblem = {
      ...detour,
      distance: [
        [0, 5, 5],
        [5, 0, 1],
        [5, 1, 0],
      ],
    };
    const solution = solveVrptw(problem, { ...quick(), objective: 'distance' });
    expect(solution.vehicles).toBe(1);
    expect(solution.distance).toBe(11);
    expect(solution.routes[0]?.returnTime).toBe(12);
  });

  it('leaves an optional visit out when its detour costs more than its penalty', () => {
    const sites = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 50, penalty: 30 },
      { x: 0, y: -2, penalty: 30 },
    ];
    const solution = solveVrptw(euclidean(sites, 10, 2), quick());
    expect(solution.unassigned).toEqual([2]);
    expect(solution.penalty).toBe(30);
    expect(solution.missingRequired).toBe(0);
    const check = checkSolution(euclidean(sites, 10, 2), visitsOf(solution.routes));
    expect(check.valid).toBe(true);
    expect(check.penalty).toBe(30);
  });

  it('visits an optional node when its penalty outweighs the detour', () => {
    const sites = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 50, penalty: 500 },
    ];
    const solution = solveVrptw(euclidean(sites, 10, 2), quick());
    expect(solution.unassigned).toEqual([]);
    expect(solution.penalty).toBe(0);
  });

  it('reports a required node that no vehicle can reach in time instead of failing', () => {
    const sites = [
      { x: 0, y: 0, due: 100 },
      { x: 1, y: 0 },
      { x: 60, y: 0, ready: 0, due: 10 },
    ];
    const solution = solveVrptw(euclidean(sites, 10, 2), quick());
    expect(solution.unassigned).toEqual([2]);
    expect(solution.missingRequired).toBe(1);
    expect(visitsOf(solution.routes)).toEqual([[1]]);
    const check = checkSolution(euclidean(sites, 10, 2), visitsOf(solution.routes));
    expect(check.violations.map((v) => v.kind)).toEqual(['missing']);
  });

  it('serves as much as it can when the fleet is too small', () => {
    const sites = [
      { x: 0, y: 0 },
      { x: 1, y: 0, demand: 6 },
      { x: 2, y: 0, demand: 6 },
    ];
    const solution = solveVrptw(euclidean(sites, 10, 1), quick());
    expect(solution.vehicles).toBe(1);
    expect(solution.missingRequired).toBe(1);
  });

  it('handles a depot without customers and rejects malformed input', () => {
    const empty = solveVrptw(euclidean([{ x: 0, y: 0 }], 10, 1), quick());
    expect(empty.routes).toEqual([]);
    const bad = euclidean([{ x: 0, y: 0 }, { x: 1, y: 0, ready: 10, due: 5 }], 10, 1);
    expect(() => solveVrptw(bad, quick())).toThrow(RoutingInputError);
    expect(() => solveVrptw({ ...detour, travelTime: [[0, 1]] }, quick())).toThrow(/travelTime/);
  });

  it('stops when asked and reports progress', () => {
    const sites = Array.from({ length: 30 }, (_, i) => ({ x: (i * 37) % 50, y: (i * 23) % 50 }));
    let polls = 0;
    const phases = new Set<string>();
    const solution = solveVrptw(euclidean(sites, 5, 30), {
      ...quick(1_000_000),
      shouldStop: () => ++polls > 3,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(solution.iterations).toBeLessThan(1000);
    expect(phases.has('construct')).toBe(true);
    expect(checkSolution(euclidean(sites, 5, 30), visitsOf(solution.routes)).valid).toBe(true);
  });
});
