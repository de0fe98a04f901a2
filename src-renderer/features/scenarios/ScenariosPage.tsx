import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRun, ScenarioDto } from '../../../src-main/api/contract';
import type { PlanSummary, ScenarioChange } from '../../../src-main/core/model';
import { ErrorNote } from '../../app/ErrorNote';
import { formatDate, formatNumber } from '../../lib/format';
import { downloadBase64 } from '../../lib/download';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { CompareTable } from './CompareTable';
import { MinExtraPanel } from './MinExtraPanel';
import { ScenarioForm } from './ScenarioForm';
import { changeParams, type CommuneName } from './scenario-summary';
import './scenarios.css';

/** The changes of a scenario in one line, as a manager would say them. */
function ChangesLine({ changes, communeName }: { changes: ScenarioChange[]; communeName: CommuneName }) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return <span className="muted">{t('scenario.noChange')}</span>;
  return <span>{changes.map((c) => t(`scenario.change.${c.kind}`, changeParams(c, t, i18n.language, communeName))).join('; ')}</span>;
}

/** Communes' names by code, for the summaries (a backlog change names its commune by code). */
function useCommuneNames(): CommuneName {
  const communes = useRpc('register.list', { list: 'communes' });
  const names = new Map(communes.data?.rows.map((r) => [String(r.record.code), String(r.record.name)]));
  return (code) => names.get(code);
}

/**
 * The manager's screen ("Kịch bản"): what-if copies of the campaign on top of the base data,
 * each planned like the base, compared side by side, and asked what it would take to make the deadline.
 */
export function ScenariosPage() {
  const { t, i18n } = useTranslation();
  const scenarios = useRpc('scenarios.list');
  const plans = useRpc('plans.list');
  const communeName = useCommuneNames();
  const [selected, setSelected] = useState<number | null>(null);
  const [run, setRun] = useState<{ scenarioId: number; run: PlanRun } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const reload = (): void => {
    scenarios.reload();
    plans.reload();
  };
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
  const remove = (s: ScenarioDto): void => {
    if (window.confirm(t('scenario.deleteConfirm', { name: s.name }))) void act(() => call('scenarios.delete', { id: s.id }));
  };
  const copy = (s: ScenarioDto): void => void act(() => call('scenarios.create', { name: t('scenario.copyName', { name: s.name }).slice(0, 120), cloneOf: s.id }));
  const rename = (s: ScenarioDto): void => {
    const name = window.prompt(t('scenario.renamePrompt'), s.name)?.trim();
    if (name && name !== s.name) void act(() => call('scenarios.update', { id: s.id, name }));
  };
  const basePlan: PlanSummary | undefined = plans.data?.find((p) => p.scenarioId === null);
  const current = scenarios.data?.find((s) => s.id === selected) ?? null;
  const n = (x: number): string => formatNumber(x, i18n.language);
  return (
    <div className="scenarios-page">
      <div className="scenarios-side">
        <ScenarioForm onCreate={(s) => act(() => call('scenarios.create', s))} />
      </div>
      <div className="scenarios-main">
        <h2>{t('scenario.title')}</h2>
        {error && <ErrorNote error={error} />}
        {scenarios.error && <ErrorNote error={scenarios.error} />}
        <table className="grid" data-testid="scenarios-list">
          <thead>
            <tr><th>{t('scenario.name')}</th><th>{t('scenario.changes')}</th><th>{t('scenario.verdict')}</th><th>{t('scenario.clearance')}</th><th /></tr>
          </thead>
          <tbody>
            {scenarios.data?.length === 0 && <tr><td colSpan={5} className="muted">{t('scenario.empty')}</td></tr>}
            {scenarios.data?.map((s) => (
              <tr key={s.id} className={s.id === selected ? 'selected' : undefined}>
                <td><button className="link" onClick={() => setSelected(s.id)}>{s.name}</button>{s.note && <div className="muted small">{s.note}</div>}</td>
                <td><ChangesLine changes={s.changes} communeName={communeName} /></td>
                <td>{s.lastPlan ? (s.lastPlan.deadlineMet ? <span className="ok">{t('scenario.met')}</span> : <span className="warn">{t('scenario.short', { short: n(s.lastPlan.short) })}</span>) : <span className="muted">{t('scenario.notPlanned')}</span>}</td>
                <td>{s.lastPlan ? <PlanClearance planId={s.lastPlan.id} /> : '—'}</td>
                <td className="actions">
                  {run?.scenarioId === s.id && run.run.state === 'running'
                    ? <span className="muted">{t('scenario.planning', { pct: n(Math.round(100 * run.run.progress.placedShare)) })}</span>
                    : <button className="small" onClick={() => void plan(s.id)}>{t('scenario.plan')}</button>}
                  {s.lastPlan && (
                    <button className="small secondary" data-testid={`brief-${s.id}`} onClick={() => void act(async () => downloadBase64(await call('scenarios.brief', { id: s.id })))}>
                      {t('scenario.brief')}
                    </button>
                  )}
                  <button className="link small" onClick={() => copy(s)}>{t('scenario.copy')}</button>
                  <button className="link small" onClick={() => rename(s)}>{t('scenario.rename')}</button>
                  <button className="link small danger" onClick={() => remove(s)}>{t('scenario.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CompareTable basePlan={basePlan ?? null} scenarios={scenarios.data ?? []} />
        {current && <MinExtraPanel key={current.id} scenario={current} onPlanned={reload} />}
      </div>
    </div>
  );
}

/** A plan's clearance date (from its report). */
function PlanClearance({ planId }: { planId: number }) {
  const detail = useRpc('plans.get', { planId });
  const date = detail.data?.report.clearanceDate;
  return <>{date ? formatDate(date) : '—'}</>;
}
