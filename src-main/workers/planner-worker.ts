import { parentPort } from 'node:worker_threads';
import { planningInstance } from '../core/model';
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
  // The data as the planner's limits allow it (a count typed before the limits existed must
  // not wrap around in the planner's integer arrays): refused with the field it fails on.
  const checked = planningInstance.safeParse(message.instance);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    post({ type: 'error', message: `The data cannot be planned: ${describeIssue(message.instance, issue.path)}: ${issue.message}` });
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

/** A path into the instance in words: the hamlet's (team's ...) name rather than an array index. */
function describeIssue(instance: unknown, path: readonly PropertyKey[]): string {
  const [list, index, ...rest] = path;
  const lists = instance as Record<string, unknown[] | undefined>;
  const row = lists[String(list)]?.[Number(index)] as { name?: string; code?: string; hamletId?: number } | undefined;
  const hamlet = row?.hamletId === undefined ? undefined : (lists.hamlets as { id: number; name: string }[] | undefined)?.find((h) => h.id === row.hamletId);
  const label = row?.name ?? row?.code ?? hamlet?.name;
  return label ? `${String(list)} "${label}" ${rest.map(String).join('.')}` : path.map(String).join('.');
}
