import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { PlanOptions, PlanningInstance } from '../core/model';
import type { PlanResult } from '../core/planner';
import { districtTimeLimits, mergePlans, splitByDistrict } from '../core/planner/districts';
import { inLanes } from './lanes';
import { spawnSibling } from './spawn';
import type { FromWorker, PlanProgressMessage, ToWorker } from './protocol';

export class PlanningCancelled extends Error {
  readonly code = 'CANCELLED';
  constructor() {
    super('Planning was cancelled.');
  }
}

/** Grace period after a cancel request before the worker is terminated outright. */
const CANCEL_GRACE_MS = 500;

/** The planner's worker thread (out/main/planner-worker.js in the bundle). */
export function spawnPlannerWorker(): Worker {
  return spawnSibling('planner-worker');
}

type Job = { result: Promise<PlanResult>; cancel: () => void };

/** Planner workers side by side when a database holds several districts: one per core here. */
const POOL_SIZE = 2;

/**
 * Plans in worker threads; `cancel()` makes `result` reject with PlanningCancelled. One
 * district: one worker, its bound's LP on a second thread. Several districts (a merged
 * province): each planned on its own by a pool of workers within the one time limit, the
 * plans merged into one.
 */
export function startPlanning(instance: PlanningInstance, options: PlanOptions, onProgress: (progress: PlanProgressMessage) => void): Job {
  const t0 = performance.now();
  const parts = splitByDistrict(instance);
  const alone = parts.length === 1;
  const limits = alone ? [options.timeLimitSeconds] : districtTimeLimits(parts, options.timeLimitSeconds, POOL_SIZE);
  const backlog = parts.map((p) => p.instance.backlogs.reduce((s, b) => s + b.remaining.cccd + b.remaining.eid, 0));
  const total = backlog.reduce((a, b) => a + b, 0);
  const placed = new Float64Array(parts.length);
  const objective = new Float64Array(parts.length);
  const tell = (k: number, p: PlanProgressMessage): void => {
    if (alone) return onProgress(p);
    placed[k] = p.placedShare * backlog[k]!;
    objective[k] = p.bestObjective;
    onProgress({
      placedShare: total === 0 ? 1 : placed.reduce((a, b) => a + b, 0) / total,
      bestObjective: objective.reduce((a, b) => a + b, 0),
      elapsedSeconds: (performance.now() - t0) / 1000,
    });
  };
  const pool = new WorkerPool(Math.min(POOL_SIZE, parts.length));
  let cancelled = false;
  let finished = false;
  let rejectResult: (err: Error) => void = () => undefined;
  const run = async (): Promise<PlanResult> => {
    try {
      // Alone, the plan's bound gets the other core; a full pool keeps it on each worker.
      const plans = await pool.map(parts, (worker, part, k) =>
        planOnWorker(worker, part.instance, { ...options, timeLimitSeconds: limits[k]! }, (p) => tell(k, p), alone), () => cancelled);
      if (cancelled) throw new PlanningCancelled();
      return alone ? plans[0]! : mergePlans(plans, Math.round(performance.now() - t0) / 1000);
    } finally {
      await pool.terminate();
    }
  };
  const result = new Promise<PlanResult>((resolve, reject) => {
    rejectResult = reject;
    run().then(resolve, reject).finally(() => { finished = true; });
  });
  // Callers that only cancel should not see an unhandled rejection.
  result.catch(() => undefined);
  const cancel = (): void => {
    if (cancelled || finished) return;
    cancelled = true;
    for (const w of pool.workers) w.postMessage({ type: 'cancel' } satisfies ToWorker);
    setTimeout(() => void pool.terminate(), CANCEL_GRACE_MS).unref();
    rejectResult(new PlanningCancelled());
  };
  return { result, cancel };
}

/** Planner workers that take tasks in turn: each task goes to the next free worker. */
export class WorkerPool {
  readonly workers: Worker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => spawnPlannerWorker());
  }

  /** Results in task order; no new task starts once `stopped()` says so. */
  map<T, R>(tasks: readonly T[], run: (worker: Worker, task: T, k: number) => Promise<R>, stopped = (): boolean => false): Promise<R[]> {
    return inLanes(this.workers, tasks, run, stopped);
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * One plan on an already running worker. A pool keeps one worker per core, so the bound's
 * LP stays on the worker's thread unless `lpThread` (a core to spare).
 */
export function planOnWorker(
  worker: Worker,
  instance: PlanningInstance,
  options: PlanOptions,
  onProgress?: (progress: PlanProgressMessage) => void,
  lpThread = false,
): Promise<PlanResult> {
  return new Promise((resolvePlan, reject) => {
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onError = (err: Error): void => {
      done();
      reject(err);
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`planner worker stopped (exit code ${code})`));
    };
    const onMessage = (m: FromWorker): void => {
      if (m.type === 'progress') return onProgress?.(m.progress);
      done();
      if (m.type === 'done') resolvePlan({ routes: m.routes, report: m.report });
      else reject(new Error(m.message));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ type: 'start', instance, options, lpThread } satisfies ToWorker);
  });
}
