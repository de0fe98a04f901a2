/**
 * Vehicle-routing engine: VRPTW with optional (prize-collecting) visits.
 *
 *   const solution = solveVrptw(
 *     { nodes, travelTime, capacity, maxVehicles },        // nodes[0] is the depot
 *     { objective: 'vehicles', timeLimitMs: 2000, seed: 1, now: () => performance.now() },
 *   );
 *   const check = checkSolution(problem, solution.routes.map((r) => r.visits));
 *
 * Rooms, as in VROOM and PyVRP:
 *   types.ts      public problem / solution types
 *   instance.ts   validation and flat typed arrays
 *   evaluate.ts   solution state with per-position earliest / latest start times
 *   insertion.ts  O(1)-per-position cheapest insertion
 *   construct.ts  Solomon I1 construction
 *   ruin.ts       SISR string removal;  recreate.ts  greedy insertion with blinks
 *   operators.ts  local search (relocate, swap, 2-opt*, or-opt, cross-exchange)
 *   search.ts     driver: fleet phase, simulated-annealing distance phase, polish
 *   check.ts      independent checker (shares no code with the solver)
 *   solomon.ts    Solomon text format reader
 *   rng.ts        seeded generator: same seed and iteration budget, same solution
 */
export type * from './types';
export { solveVrptw, defaultSearchParams, type SearchParams } from './search';
export { checkSolution, type CheckOptions } from './check';
export { RoutingInputError } from './instance';
export { parseSolomon, solomonProblem, euclideanMatrix, SolomonParseError, type SolomonInstance } from './solomon';
