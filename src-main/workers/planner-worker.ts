import { parentPort } from 'node:worker_threads';
import { plan } from '../core/planner';
import { verifyPlan } from '../core/verify';
import { solveOnThread } from './lp-thread';
import type { FromWorker, ToWorker } from './protocol';

// The planner runs here so the UI (and the HTTP server) stay responsive. Every plan leaves
// this thread judged by the independent verifier: that verdict, not the planner's own
// self-check, is what the app, the CLIs and the bench show.
let cancelled = false;
const port = parentPort;
if (!port) throw new Error('planner-worker must run in a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  plan(message.instance, message.options, {
    now: () => performance.now(),
    shouldStop: () => cancelled,
    onProgress: (progress) => post({ type: 'progress', progress }),
    ...(message.lpThread ? { solveLp: solveOnThread } : {}),
  })
    .then(({ routes, report }) => {
      const t0 = performance.now();
      const verdict = verifyPlan(message.instance, routes, report);
      const checker = { ...verdict, source: 'verifier' as const, seconds: Math.round(performance.now() - t0) / 1000 };
      post({ type: 'done', routes, report: { ...report, checker } });
    })
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
