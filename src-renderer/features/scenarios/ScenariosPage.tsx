import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../src-main/core/model';
import { ErrorNote } from '../../app/ErrorNote';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { CompareTable } from './CompareTable';
import { MinExtraPanel } from './MinExtraPanel';
import { ScenarioForm } from './ScenarioForm';
import { ScenarioRow } from './ScenarioRow';
import type { CommuneName } from './scenario-summary';
import { useScenarioActions } from './useScenarioActions';
import './scenarios.css';

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
  const { t } = useTranslation();
  const scenarios = useRpc('scenarios.list');
  const plans = useRpc('plans.list');
  const communeName = useCommuneNames();
  const [selected, setSelected] = useState<number | null>(null);
  const reload = (): void => {
    scenarios.reload();
    plans.reload();
  };
  const actions = useScenarioActions(reload);
  // A refusal shows at the top of the list: brought into view, or the form's button seems to do nothing.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block, not an expression: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up.
    void errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [actions.error]);
  // The plan in force (published), else the newest district draft: the brief's base too (scenario-brief handler).
  const districtPlans = plans.data?.filter((p) => p.scenarioId === null) ?? [];
  const basePlan: PlanSummary | undefined = districtPlans.find((p) => p.status === 'published') ?? districtPlans[0];
  const current = scenarios.data?.find((s) => s.id === selected) ?? null;
  return (
    <div className="scenarios-page">
      <div className="scenarios-side">
        <ScenarioForm onCreate={(s) => actions.act(() => call('scenarios.create', s))} />
      </div>
      <div className="scenarios-main">
        <h2>{t('scenario.title')}</h2>
        {actions.error && <div ref={errorRef}><ErrorNote error={actions.error} /></div>}
        {actions.run && actions.run.run.state === 'cancelled' && <p className="muted" role="status" data-testid="scenario-run-stopped">{t('scenario.stopped')}</p>}
        {actions.run && actions.run.run.state === 'failed' && <div className="error" role="alert">{t('scenario.failed', { message: actions.run.run.error ?? '' })}</div>}
        {scenarios.error && <ErrorNote error={scenarios.error} />}
        <table className="grid" data-testid="scenarios-list">
          <thead>
            <tr><th>{t('scenario.name')}</th><th>{t('scenario.changes')}</th><th>{t('scenario.verdict')}</th><th>{t('scenario.clearance')}</th><th /></tr>
          </thead>
          <tbody>
            {scenarios.data?.length === 0 && <tr><td colSpan={5} className="muted">{t('scenario.empty')}</td></tr>}
            {scenarios.data?.map((s) => (
              <ScenarioRow key={s.id} scenario={s} selected={s.id === selected} onSelect={setSelected} communeName={communeName} actions={actions} />
            ))}
          </tbody>
        </table>
        <CompareTable basePlan={basePlan ?? null} scenarios={scenarios.data ?? []} />
        {current && <MinExtraPanel key={current.id} scenario={current} onPlanned={reload} />}
      </div>
    </div>
  );
}
