import highsLoader, { type Highs } from 'highs';

/**
 * The HiGHS (wasm) solver behind one small door. Node shells may pass `locateFile` when
 * the wasm file does not sit next to the package's loader (a bundled app); core itself
 * imports nothing from node.
 */
export interface HighsSetup {
  locateFile?: (file: string) => string;
}

let setup: HighsSetup = {};
let loading: Promise<Highs> | null = null;

export function configureHighs(options: HighsSetup): void {
  setup = options;
  loading = null;
}

export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader(setup.locateFile ? { locateFile: setup.locateFile } : {});
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** What the planner reads of a solved LP. */
export interface LpResult {
  Status: string;
  ObjectiveValue: number;
}

/** Solves an LP given in CPLEX LP text with HiGHS options; a shell may run it on another thread. */
export type LpSolve = (lp: string, options: Readonly<Record<string, string | number | boolean>>) => Promise<LpResult>;

/** HiGHS on the calling thread. */
export const solveHere: LpSolve = async (lp, options) => {
  const { Status, ObjectiveValue } = (await loadHighs()).solve(lp, options);
  return { Status, ObjectiveValue };
};
