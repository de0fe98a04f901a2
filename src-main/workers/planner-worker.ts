import { parentPort } from 'node:worker_threads';
import { plan } from '../core/planner';
import { solveOnThread } from './lp-thread';
import type { FromWorker, ToWorker } from './protocol';

// The planner runs here so the UI (and the HTTP server) stay responsive.
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
    .then(({ routes, report }) => post({ type: 'done', routes, report }))
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
