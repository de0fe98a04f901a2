import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../core/model';
import type { Db } from '../db';
import type { DatabaseProblem } from './methods/backup';
import type { PlanProgress, PlanRun } from './methods/plan';

/** Runs the planner off the UI thread; the shell supplies it (a worker thread in the app). */
export interface PlannerRunner {
  start(
    instance: PlanningInstance,
    options: PlanOptions,
    onProgress: (progress: PlanProgress) => void,
  ): { result: Promise<{ routes: Route[]; report: PlanReport }>; cancel: () => void };
}

export interface RunRecord extends PlanRun {
  cancel: () => void;
  /** Date.now() when it started: a running run's time counts on while the planner has nothing to report yet. */
  startedAt: number;
}

export interface HandlerContext {
  db: Db;
  mode: 'desktop' | 'web';
  dbPath: string;
  /** The app's data folder (its areas live under it); unset for a CLI on one database file. */
  dataDir?: string;
  version: string;
  /** Sends a progress event to the window that made the call. */
  emit: (event: { topic: string; payload: unknown }) => void;
  planner: PlannerRunner;
  /** Validate every handler's result against the contract (tests, E2E: LUUDONG_CHECK_RESULTS=1). */
  checkResults: boolean;
  /** Planning runs of this session, by run id. */
  runs: Map<string, RunRecord>;
  /** Set when the database could not be used at start: `db` then refuses every use (DB_CORRUPT) until a restore. */
  dbProblem?: DatabaseProblem | null;
}
