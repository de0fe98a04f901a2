import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src-main/core/vrptw/check';
import { construct } from '../../../src-main/core/vrptw/construct';
import { RouteState } from '../../../src-main/core/vrptw/evaluate';
import { bestInsertion } from '../../../src-main/core/vrptw/insertion';
import { buildInstance } from '../../../src-main/core/vrptw/instance';
import { localSearch } from '../../../src-main/core/vrptw/operators';
import { Rng } from '../../../src-main/core/rng';
import { Ruiner } from '../../../src-main/core/vrptw/ruin';
import type { RoutingProblem } from '../../../src-main/core/vrptw/types';
import { euclidean, randomProblem } from './helpers';

function routesOf(state: RouteState): number[][] {
  return Array.from({ length: state.routeCount }, (_, r) => state.visits(r));
}

function expectValid(problem: RoutingProblem, state: RouteState) {
  const check = checkSolution(problem, routesOf(state));
  expect(check.violations).toEqual([]);
  expect(state.distance).toBeCloseTo(check.distance, 6);
}

/** Every customer on a route of its own. */
function singletons(problem: RoutingProblem): RouteState {
  const state = new RouteState(buildInstance(problem));
  for (let u = 1; u < problem.nodes.length; u++) state.openRoute(u);
  return state;
}

describe('local search operators', () => {
  it('merges single-customer routes and keeps every route feasible', () => {
    for (const seed of [1, 2, 3, 4]) {
      const problem = randomProblem(seed, 40, 80);
      const state = singletons(problem);
      const before = state.distance;
      expect(localSearch(state, true)).toBe(true);
      expectValid(problem, state);
      expect(state.routeCount).toBeLessThan(40);
      expect(state.distance).toBeLessThan(before);
    }
  });

  it('never worsens a constructed solution in the distance objective', () => {
    for (const seed of [5, 6, 7]) {
      const problem = randomProblem(seed, 60, 30);
      const state = construct(buildInstance(problem), false);
      const before = state.distance;
      localSearch(state, false);
      expectValid(problem, state);
      expect(state.distance).toBeLessThanOrEqual(before + 1e-9);
    }
  });

  it('untangles a crossing between two routes (2-opt*)', () => {
    // Two routes that cross: 0-1-4-0 and 0-3-2-0 where 1,2 lie east and 3,4 north.
    const problem = euclidean(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 20, y: 0 },
        { x: 0, y: 10 },
        { x: 0, y: 20 },
      ],
      2,
      2,
    );
    const state = new RouteState(buildInstance(problem));
    state.openRoute(1);
    state.insert(4, 0, 1);
    state.openRoute(3);
    state.insert(2, 1, 1);
    localSearch(state, true);
    expectValid(problem, state);
    expect(routesOf(state).map((r) => [...r].sort((a, b) => a - b).join('-')).sort()).toEqual(['1-2', '3-4']);
    expect(state.distance).toBeCloseTo(80, 9);
  });
});

describe('ruin and insertion', () => {
  it('removes strings near a seed and finds the cheapest feasible insertion again', () => {
    const problem = randomProblem(11, 50, 40);
    const inst = buildInstance(problem);
    const state = construct(inst, true);
    const ruiner = new Ruiner(inst);
    const rng = new Rng(3);
    for (let round = 0; round < 50; round++) {
      const removed = ruiner.ruin(state, rng);
      expect(removed).toBeGreaterThan(0);
      expect(state.poolSize).toBe(removed);
      const choice = { route: -1, pos: -1, delta: 0 };
      while (state.poolSize > 0) {
        const u = state.pool[0] as number;
        bestInsertion(state, u, Infinity, 0, null, choice);
        if (choice.route < 0) state.openRoute(u);
        else state.insert(u, choice.route, choice.pos);
      }
      expectValid(problem, state);
    }
  });
});
