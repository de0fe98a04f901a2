import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src-main/core/vrptw/check';
import { solveVrptw } from '../../../src-main/core/vrptw/search';
import type { Objective } from '../../../src-main/core/vrptw/types';
import { distance, euclidean, quick, randomProblem, type Site } from './helpers';

const customerArb = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  demand: fc.integer({ min: 0, max: 15 }),
  service: fc.integer({ min: 0, max: 20 }),
  /** Where the window opens relative to the direct arrival time from the depot. */
  shift: fc.integer({ min: -100, max: 300 }),
  width: fc.integer({ min: 0, max: 400 }),
  penalty: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
});

type Customer = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

/** Feasible by construction: each customer can be served by a vehicle of its own. */
function build(customers: Customer[], capacity: number) {
  const depot = { x: 50, y: 50 };
  const sites: Site[] = [{ ...depot, ready: 0, due: 0 }];
  for (const c of customers) {
    const direct = distance(c.x, c.y, depot.x, depot.y);
    const ready = Math.max(0, direct + c.shift);
    const due = Math.max(ready, direct) + c.width;
    sites.push({ x: c.x, y: c.y, ready, due, service: c.service, demand: c.demand, penalty: c.penalty });
  }
  const horizon = Math.max(...sites.map((s) => (s.due ?? 0) + (s.service ?? 0) + distance(s.x, s.y, 50, 50)));
  (sites[0] as Site).due = horizon + 1;
  return euclidean(sites, capacity, customers.length);
}

describe('solver on random feasible instances', () => {
  it('always returns a checker-valid solution that visits every required customer', () => {
    fc.assert(
      fc.property(
        fc.array(customerArb, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 15, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<Objective>('vehicles', 'distance'),
        (customers, capacity, seed, objective) => {
          const problem = build(customers, capacity);
          const solution = solveVrptw(problem, { ...quick(150, seed), objective });
          const check = checkSolution(
            problem,
            solution.routes.map((r) => r.visits),
          );
          expect(check.violations).toEqual([]);
          expect(solution.missingRequired).toBe(0);
          expect(solution.vehicles).toBe(check.vehicles);
          expect(solution.distance).toBeCloseTo(check.distance, 6);
          expect(solution.penalty).toBeCloseTo(check.penalty, 6);
          const visited = new Set(solution.routes.flatMap((r) => r.visits));
          customers.forEach((c, i) => {
            if (c.penalty === undefined) expect(visited.has(i + 1)).toBe(true);
            else expect(visited.has(i + 1) || solution.unassigned.includes(i + 1)).toBe(true);
          });
        },
      ),
      // Fixed seed so that CI is reproducible; ROUTING_PROPERTY_RUNS / _SEED widen the search locally.
      {
        numRuns: Number(process.env.ROUTING_PROPERTY_RUNS ?? 150),
        seed: Number(process.env.ROUTING_PROPERTY_SEED ?? 20240601),
      },
    );
  });

  it('stays valid on larger instances with tight windows', () => {
    for (const seed of [1, 2, 3]) {
      const problem = randomProblem(seed, 80, 15);
      const solution = solveVrptw(problem, quick(2000, seed));
      const check = checkSolution(
        problem,
        solution.routes.map((r) => r.visits),
      );
      expect(check.violations).toEqual([]);
      expect(solution.distance).toBeCloseTo(check.distance, 6);
    }
  });
});
