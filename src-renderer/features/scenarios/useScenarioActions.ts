import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRun, ScenarioDto } from '../../../src-main/api/contract';
import { downloadBase64 } from '../../lib/download';
import { call } from '../../lib/rpc';

/**
 * What the scenarios list does: plan a scenario (its run followed until it ends), download its
 * brief, copy, rename and delete it. After each change `reload` shows it; a failure is kept in `error`.
 */
export function useScenarioActions(reload: () => void) {
  const { t } = useTranslation();
  const [run, setRun] = useState<{ scenarioId: number; run: PlanRun } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const act = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await work();
      reload();
      return true;
    } catch (err) {
      setError(err as Error);
      return false;
    }
  };
  useEffect(() => {
    if (!run || run.run.state !== 'running') return;
    const timer = setTimeout(() => {
      call('plan.status', { runId: run.run.runId }).then((next) => {
        setRun({ ...run, run: next });
        if (next.state !== 'running') reload();
      }).catch((err: unknown) => setError(err as Error));
    }, 400);
    return () => clearTimeout(timer);
  }, [run]);

  const plan = (id: number): Promise<boolean> => act(async () => {
    const { runId } = await call('scenarios.plan', { id });
    setRun({ scenarioId: id, run: { runId, state: 'running', progress: { placedShare: 0, bestObjective: 0, elapsedSeconds: 0 }, planId: null, error: null } });
  });
  /** Stops the scenario's run under way; its status then says it was cancelled and nothing is saved. */
  const stop = (): void => {
    if (run?.run.state === 'running') void call('plan.cancel', { runId: run.run.runId }).then((next) => setRun({ ...run, run: next })).catch((err: unknown) => setError(err as Error));
  };
  const running = run?.run.state === 'running';
  const remove = (s: ScenarioDto): void => {
    if (window.confirm(t('scenario.deleteConfirm', { name: s.name }))) void act(() => call('scenarios.delete', { id: s.id }));
  };
  const copy = (s: ScenarioDto): void => void act(() => call('scenarios.create', { name: t('scenario.copyName', { name: s.name }).slice(0, 120), cloneOf: s.id }));
  const rename = (s: ScenarioDto): void => {
    const name = window.prompt(t('scenario.renamePrompt'), s.name)?.trim();
    if (name && name !== s.name) void act(() => call('scenarios.update', { id: s.id, name }));
  };
  const downloadBrief = (s: ScenarioDto): void => void act(async () => downloadBase64(await call('scenarios.brief', { id: s.id })));

  return { run, running, error, act, plan, stop, remove, copy, rename, downloadBrief };
}

export type ScenarioActions = ReturnType<typeof useScenarioActions>;
