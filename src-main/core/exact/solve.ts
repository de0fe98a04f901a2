import highsLoader, { type Highs } from 'highs';
import type { PlanningInstance, Route } from '../model';
import { buildExactModel } from './model';
import { buildExactProblem } from './problem';
import { solutionRoutes, type Solution } from './routes';

/**
 * The exact optimum of a tiny instance: the most people (both services, venue and home)
 * any checker-valid plan can enrol by the deadline, proven by HiGHS branch and bound, and
 * a plan that reaches it. Throws ExactScopeError when the instance uses a feature the model
 * leaves out (scope.ts).
 */
export interface ExactResult {
  /** HiGHS model status; only 'Optimal' proves the optimum. */
  status: string;
  /** People enrolled by the optimal plan (null unless status is 'Optimal'). */
  optimum: number | null;
  /** The plan behind the optimum (empty unless status is 'Optimal'). */
  routes: Route[];
  variables: number;
  rows: number;
}

export interface ExactOptions {
  /** HiGHS stops here (status 'Time limit reached'); default 60 s. */
  timeLimitSeconds?: number;
  /** A loaded solver (a shell may load the wasm its own way); default: the package's loader. */
  highs?: Highs;
  /** Write the valid inequalities of cuts.ts (default); they only speed up the proof. */
  cuts?: boolean;
}

let loading: Promise<Highs> | null = null;

function defaultHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader({});
    loading.catch(() => { loading = null; });
  }
  return loading;
}

export async function solveExact(instance: PlanningInstance, options: ExactOptions = {}): Promise<ExactResult> {
  const problem = buildExactProblem(instance);
  const model = buildExactModel(problem, { cuts: options.cuts ?? true });
  const empty = { routes: [], variables: model.variables, rows: model.rows };
  if (problem.teamShifts.length === 0) return { status: 'Optimal', optimum: 0, ...empty };
  const highs = options.highs ?? await defaultHighs();
  // The objective is a whole number of people: a gap under one proves the optimum.
  const result = highs.solve(model.lp, {
    output_flag: false, time_limit: options.timeLimitSeconds ?? 60, mip_rel_gap: 0, mip_abs_gap: 0.5,
  });
  if (result.Status !== 'Optimal') return { status: result.Status, optimum: null, ...empty };
  const columns = result.Columns as Record<string, { Primal: number }>;
  const solution: Solution = {
    has: (name) => name in columns,
    int: (name) => Math.round(columns[name]?.Primal ?? 0),
  };
  const routes = solutionRoutes(problem, solution, model.timed);
  const optimum = routes.reduce((sum, r) => sum + r.stops.reduce(
    (s, st) => s + st.quota.cccd + st.quota.eid + st.homeVisits.cccd + st.homeVisits.eid, 0), 0);
  if (Math.abs(optimum - result.ObjectiveValue) > 1e-4 * Math.max(1, optimum)) {
    throw new Error(`exact model: the plan read back enrols ${optimum}, HiGHS says ${result.ObjectiveValue}`);
  }
  return { status: result.Status, optimum, routes, variables: model.variables, rows: model.rows };
}
