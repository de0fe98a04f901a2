import { useCallback, useEffect, useRef, useState } from 'react';
import type { Params, PlanRun } from '../../../src-main/api/contract';
import { call, onEvent } from '../../lib/rpc';

/**
 * Starts a planning run and follows it: progress events when they arrive, and a status
 * poll as a safety net (events can be missed while the page reloads).
 */
export function usePlanRun(onFinished: (run: PlanRun) => void) {
  const [run, setRun] = useState<PlanRun | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!run || run.state !== 'running') return;
    const runId = run.runId;
    const accept = (next: PlanRun): void => {
      if (next.runId !== runId) return;
      setRun(next);
      if (next.state !== 'running') finished.current(next);
    };
    const unsubscribe = onEvent((e) => {
      if (e.topic.startsWith('plan.')) accept(e.payload as PlanRun);
    });
    const timer = window.setInterval(() => {
      call('plan.status', { runId }).then(accept).catch((err: unknown) => setError(err as Error));
    }, 500);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [run?.runId, run?.state]);

  const start = useCallback(async (params: Params<'plan.start'>) => {
    setError(null);
    try {
      const { runId } = await call('plan.start', params);
      setRun({ runId, state: 'running', progress: { placedShare: 0, bestObjective: 0, elapsedSeconds: 0 }, planId: null, error: null });
    } catch (err) {
      setError(err as Error);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!run) return;
    const next = await call('plan.cancel', { runId: run.runId });
    setRun(next);
    finished.current(next);
  }, [run]);

  return { run, error, start, cancel };
}
