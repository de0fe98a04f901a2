import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LpResult, LpSolve } from '../core/planner/highs';

export interface LpRequest {
  lp: string;
  options: Readonly<Record<string, string | number | boolean>>;
}

export type LpReply = { ok: true; result: LpResult } | { ok: false; message: string };

/**
 * A worker for a file next to this one: `.js` in the electron-vite bundle (out/main/); `.ts`
 * when running from sources (web mode, CLIs, tests), where a two-line bootstrap registers
 * tsx inside the worker first.
 */
export function spawnSibling(name: string): Worker {
  if (!__filename.endsWith('.ts')) {
    // Entries sit in out/main; this code may have been split into out/main/chunks.
    const file = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)].find((f) => existsSync(f));
    if (!file) throw new Error(`${name}.js not found next to ${__dirname}`);
    return new Worker(file);
  }
  const file = JSON.stringify(join(__dirname, `${name}.ts`));
  return new Worker(`require('tsx/cjs/api').register();\nrequire(${file});`, { eval: true });
}

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
