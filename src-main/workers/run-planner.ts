import { Worker } from 'node:worker_threads';
import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../core/model';
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

/** Runs one plan in a worker thread; `cancel()` makes `result` reject with PlanningCancelled. */
export function startPlanning(
  instance: PlanningInstance,
  options: PlanOptions,
  onProgress: (progress: PlanProgressMessage) => void,
): { result: Promise<{ routes: Route[]; report: PlanReport }>; cancel: () => void } {
  const worker = spawnPlannerWorker();
  let settled = false;
  let rejectResult: (err: Error) => void = () => undefined;
  const result = new Promise<{ routes: Route[]; report: PlanReport }>((resolve, reject) => {
    rejectResult = reject;
    worker.on('message', (m: FromWorker) => {
      if (settled) return;
      if (m.type === 'progress') return onProgress(m.progress);
      settled = true;
      void worker.terminate();
      if (m.type === 'done') resolve({ routes: m.routes, report: m.report });
      else reject(new Error(m.message));
    });
    worker.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`planner worker stopped (exit code ${code})`));
      }
    });
  });
  // One plan at a time in the app: its bound's LP gets the other core.
  worker.postMessage({ type: 'start', instance, options, lpThread: true } satisfies ToWorker);
  const cancel = (): void => {
    if (settled) return;
    settled = true;
    worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
    rejectResult(new PlanningCancelled());
  };
  // Callers that only cancel should not see an unhandled rejection.
  result.catch(() => undefined);
  return { result, cancel };
}

/**
 * One plan on an already running worker (a pool reuses its workers, one per core, so the
 * bound's LP stays on the same thread); progress is ignored.
 */
export function planOnWorker(
  worker: Worker,
  instance: PlanningInstance,
  options: PlanOptions,
): Promise<{ routes: Route[]; report: PlanReport }> {
  return new Promise((resolvePlan, reject) => {
    const onError = (err: Error): void => {
      worker.off('message', onMessage);
      reject(err);
    };
    const onMessage = (m: FromWorker): void => {
      if (m.type === 'progress') return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (m.type === 'done') resolvePlan({ routes: m.routes, report: m.report });
      else reject(new Error(m.message));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ type: 'start', instance, options } satisfies ToWorker);
  });
}
