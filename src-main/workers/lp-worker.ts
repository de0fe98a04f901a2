import { parentPort } from 'node:worker_threads';
import { solveHere } from '../core/planner/bound/highs';
import type { LpRequest, LpReply } from './lp-thread';

// One LP (the planner's upper bound) on its own thread, so the search keeps the other core.
const port = parentPort;
if (!port) throw new Error('lp-worker must run in a worker thread');
port.once('message', (m: LpRequest) => {
  solveHere(m.lp, m.options)
    .then((result) => port.postMessage({ ok: true, result } satisfies LpReply))
    .catch((err: unknown) => port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies LpReply));
});
