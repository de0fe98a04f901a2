import { useTranslation } from 'react-i18next';
import type { ScenarioDto } from '../../../src-main/api/contract';
import type { ScenarioChange } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';
import { useRpc } from '../../lib/useRpc';
import { changeParams, type CommuneName } from './scenario-summary';
import type { ScenarioActions } from './useScenarioActions';

/** One scenario of the list: its name, changes, last plan's verdict and clearance, and what can be done with it. */
export function ScenarioRow({ scenario: s, selected, onSelect, communeName, actions }: {
  scenario: ScenarioDto;
  selected: boolean;
  onSelect: (id: number) => void;
  communeName: CommuneName;
  actions: ScenarioActions;
}) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(x, i18n.language);
  const { run } = actions;
  return (
    <tr className={selected ? 'selected' : undefined}>
      <td><button className="link" onClick={() => onSelect(s.id)}>{s.name}</button>{s.note && <div className="muted small">{s.note}</div>}</td>
      <td><ChangesLine changes={s.changes} communeName={communeName} /></td>
      <td>{s.lastPlan ? (s.lastPlan.deadlineMet ? <span className="ok">{t('scenario.met')}</span> : <span className="warn">{t('scenario.short', { short: n(s.lastPlan.short) })}</span>) : <span className="muted">{t('scenario.notPlanned')}</span>}</td>
      <td>{s.lastPlan ? <PlanClearance planId={s.lastPlan.id} /> : '—'}</td>
      <td className="actions">
        {run?.scenarioId === s.id && actions.running
          ? (
            <>
              <span className="muted" role="status">{t('scenario.planning', { pct: n(Math.round(100 * run.run.progress.placedShare)), seconds: n(Math.round(run.run.progress.elapsedSeconds)) })}</span>
              <button className="small secondary" onClick={actions.stop}>{t('scenario.stop')}</button>
            </>
          )
          : <button className="small" disabled={actions.running} title={actions.running ? t('scenario.oneRunAtATime') : undefined} onClick={() => void actions.plan(s.id)}>{t('scenario.plan')}</button>}
        {s.lastPlan && (
          <button className="small secondary" data-testid={`brief-${s.id}`} onClick={() => actions.downloadBrief(s)}>
            {t('scenario.brief')}
          </button>
        )}
        <button className="link small" onClick={() => actions.copy(s)}>{t('scenario.copy')}</button>
        <button className="link small" onClick={() => actions.rename(s)}>{t('scenario.rename')}</button>
        <button className="link small danger" onClick={() => actions.remove(s)}>{t('scenario.delete')}</button>
      </td>
    </tr>
  );
}

/** The changes of a scenario in one line, as a manager would say them. */
function ChangesLine({ changes, communeName }: { changes: ScenarioChange[]; communeName: CommuneName }) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return <span className="muted">{t('scenario.noChange')}</span>;
  return <span>{changes.map((c) => t(`scenario.change.${c.kind}`, changeParams(c, t, i18n.language, communeName))).join('; ')}</span>;
}

/** A plan's clearance date (from its report). */
function PlanClearance({ planId }: { planId: number }) {
  const detail = useRpc('plans.get', { planId });
  const date = detail.data?.report.clearanceDate;
  return <>{date ? formatDate(date) : '—'}</>;
}
