/**
 * Public types of the vehicle-routing engine (VRPTW with optional visits).
 *
 * The engine is generic: a depot (node 0), customer nodes with a time window on
 * the start of service, a service time and a demand, a travel-time matrix and an
 * optional distance matrix supplied by the caller, a homogeneous fleet with a size
 * limit and a capacity. It knows nothing of Solomon files, hamlets or SQLite.
 */

/** A square matrix: rows of numbers, or one flat row-major Float64Array of n*n. */
export type Matrix = readonly (readonly number[])[] | Float64Array;

export interface RoutingNode {
  /** Earliest start of service (arriving earlier means waiting). */
  ready: number;
  /** Latest start of service. For the depot: latest return. */
  due: number;
  /** Time spent at the node. Ignored for the depot. */
  service: number;
  /** Load taken by the vehicle. Ignored for the depot. */
  demand: number;
  /**
   * When given, the visit is optional: leaving the node out costs this amount,
   * in the same unit as distance. Without it the node must be visited.
   */
  penalty?: number;
}

export interface RoutingProblem {
  /** nodes[0] is the depot; its [ready, due] is the working horizon of every vehicle. */
  nodes: readonly RoutingNode[];
  /** Travel time between nodes; same unit as ready/due/service. */
  travelTime: Matrix;
  /** Cost of travelling between nodes (metres, km ...). Defaults to travelTime. */
  distance?: Matrix;
  capacity: number;
  /** Fleet size limit. */
  maxVehicles: number;
  /** Fixed cost per vehicle used, added to distance in the 'distance' objective. */
  vehicleCost?: number;
}

/**
 * 'vehicles': fewest vehicles first, then least distance + penalties (lexicographic).
 * 'distance': least distance + vehicleCost x vehicles + penalties.
 */
export type Objective = 'vehicles' | 'distance';

export interface SolveProgress {
  phase: 'construct' | 'fleet' | 'distance' | 'polish';
  iteration: number;
  elapsedMs: number;
  vehicles: number;
  distance: number;
  /** Required nodes not placed (non-zero only while the fleet cannot serve them all). */
  missingRequired: number;
}

export interface SolveOptions {
  objective?: Objective;
  /** Seed of the pseudo-random generator; the same seed and budget give the same solution. */
  seed?: number;
  /** Wall-clock budget in milliseconds, measured with `now`. Default 2000. */
  timeLimitMs?: number;
  /**
   * Iteration budget of the search. When given, progress through the search is
   * measured in iterations instead of time, so results are reproducible byte for
   * byte whatever the machine (the time limit still stops the run early).
   */
  maxIterations?: number;
  /**
   * End the distance phase once this many iterations in a row found nothing
   * better: small problems (a team's shift) then return in milliseconds instead
   * of using the whole time limit. Default: no such stop.
   */
  stallIterations?: number;
  /** Clock in milliseconds; injected so the core stays free of node APIs. Default Date.now. */
  now?: () => number;
  /** Polled regularly; returning true ends the search with the best solution so far. */
  shouldStop?: () => boolean;
  /** Called when a better solution is found and at phase changes. */
  onProgress?: (progress: SolveProgress) => void;
}

export interface SolvedRoute {
  /** Visited nodes in order, depot excluded. */
  visits: number[];
  /** Start of service at each visit (earliest schedule, waiting when early). */
  starts: number[];
  /** Departure from the depot (its ready time) and return to it. */
  departure: number;
  returnTime: number;
  load: number;
  distance: number;
}

export interface RoutingSolution {
  routes: SolvedRoute[];
  /** Nodes not visited: optional ones left out, or required ones that could not be placed. */
  unassigned: number[];
  vehicles: number;
  distance: number;
  /** Sum of penalties of unvisited optional nodes. */
  penalty: number;
  /** Required nodes not visited; 0 for a complete solution. */
  missingRequired: number;
  iterations: number;
  elapsedMs: number;
}

/** One constraint broken by a solution, as found by the independent checker. */
export interface Violation {
  kind:
    | 'bad-node'
    | 'depot-in-route'
    | 'duplicate'
    | 'missing'
    | 'late'
    | 'late-return'
    | 'capacity'
    | 'fleet';
  route?: number;
  node?: number;
  message: string;
}

export interface CheckResult {
  valid: boolean;
  violations: Violation[];
  /** Distance recomputed from the matrix. */
  distance: number;
  vehicles: number;
  /** Penalty of unvisited optional nodes, recomputed. */
  penalty: number;
}
