import type { LpResult, LpSolve } from '../core/planner/bound/highs';
import { spawnSibling } from './spawn';

export interface LpRequest {
  lp: string;
  options: Readonly<Record<string, string | number | boolean>>;
}

export type LpReply = { ok: true; result: LpResult } | { ok: false; message: string };

/** Solves one LP on a fresh worker thread (PlanHooks.solveLp), which stops when done. */
export const solveOnThread: LpSolve = (lp, options) =>
  new Promise((resolve, reject) => {
    const worker = spawnSibling('lp-worker');
    const finish = (): void => void worker.terminate();
    worker.once('message', (m: LpReply) => {
      finish();
      if (m.ok) resolve(m.result);
      else reject(new Error(m.message));
    });
    worker.once('error', (err) => {
      finish();
      reject(err);
    });
    worker.postMessage({ lp, options } satisfies LpRequest);
  });
