import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinExtraRunDto, ScenarioDto } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { formatNumber } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { MinExtraAnswer } from './MinExtraAnswer';
import { MinExtraAsk, type Ask } from './MinExtraAsk';

/**
 * "Cần thêm gì để kịp hạn?": the least extra teams (like a chosen one) or vehicles of a kind,
 * shown only with its evidence: the verified plan that meets the deadline, and what the upper
 * bound says of one fewer ("proven minimal", or "not proven" with its figure).
 */
export function MinExtraPanel({ scenario, onPlanned }: { scenario: ScenarioDto; onPlanned: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(x, i18n.language);
  const teams = useRpc('teams.list');
  const shifts = useRpc('shiftTemplates.list');
  const bases = useRpc('register.list', { list: 'bases' });
  // Shifts that do not run every day: each can be copied onto the days it lacks.
  const extendable = (shifts.data ?? []).filter((s) => s.weekdays.length < 7);
  const [ask, setAsk] = useState<Ask>({ kind: 'teams', likeTeam: '' });
  const [run, setRun] = useState<MinExtraRunDto | null>(null);
  /** What the run adds (its steps and answer count it), kept apart from a choice changed since. */
  const [runKind, setRunKind] = useState<Ask['kind']>('teams');
  const [error, setError] = useState<Error | null>(null);
  const likeTeam = ask.kind === 'teams' ? ask.likeTeam || teams.data?.[0]?.code || '' : '';

  useEffect(() => {
    if (!run || run.state !== 'running') return;
    const timer = setTimeout(() => {
      call('scenarios.minExtraStatus', { runId: run.runId })
        .then((next) => {
          setRun(next);
          if (next.state === 'done') onPlanned();
        })
        .catch((err: unknown) => setError(err as Error));
    }, 400);
    return () => clearTimeout(timer);
  }, [run]);

  const start = async (): Promise<void> => {
    setError(null);
    try {
      const resource = ask.kind === 'teams' ? { kind: 'teams' as const, likeTeam, ...(ask.baseName ? { baseName: ask.baseName } : {}) } : ask;
      if (resource.kind === 'shifts' && resource.shiftCodes.length === 0) throw new Error(t('scenario.minExtra.tickShifts'));
      const { runId } = await call('scenarios.minExtra', { id: scenario.id, resource });
      setRunKind(resource.kind);
      setRun({ runId, state: 'running', steps: [], answer: null, error: null });
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section className="card" data-testid="min-extra">
      <h3>{t('scenario.minExtra.title')}</h3>
      <p className="muted small">{t('scenario.minExtra.meaning')}</p>
      <div className="row">
        <MinExtraAsk ask={ask} onAsk={setAsk} likeTeam={likeTeam} teams={teams.data ?? []} baseNames={bases.data?.choices.bases ?? []} extendable={extendable} />
        {run?.state === 'running'
          ? <button className="secondary" onClick={() => void call('scenarios.minExtraCancel', { runId: run.runId }).then(setRun)}>{t('scenario.cancel')}</button>
          : <button onClick={() => void start()}>{t('scenario.minExtra.run')}</button>}
      </div>
      {error && <ErrorNote error={error} />}
      {run && (
        <ol className="muted small" data-testid="min-extra-steps">
          {run.steps.map((s, i) => (
            <li key={i}>{t(s.what === 'bound' ? 'scenario.minExtra.stepBound' : 'scenario.minExtra.stepPlan', {
              count: s.people, k: n(s.k), unit: t(`scenario.minExtra.unit_${runKind}`, { count: s.k }), people: n(s.people),
              verdict: t(`scenario.minExtra.${s.what}${s.enough ? 'Enough' : 'Short'}`),
            })}</li>
          ))}
        </ol>
      )}
      {run && plannedOutOfOrder(run.steps) && <p className="muted small" role="note" data-testid="min-extra-noise">{t('scenario.minExtra.noise')}</p>}
      {run?.state === 'cancelled' && <p className="muted">{t('scenario.cancelled')}</p>}
      {run?.state === 'failed' && <p className="warn">{run.error}</p>}
      {run?.answer && <MinExtraAnswer answer={run.answer} kind={runKind} tried={Math.max(0, ...run.steps.map((s) => s.k))} />}
    </section>
  );
}

/** Whether a plan with more added enrols fewer than one with less: the planner's spread, said rather than left to puzzle over. */
function plannedOutOfOrder(steps: MinExtraRunDto['steps']): boolean {
  const plans = steps.filter((s) => s.what === 'plan');
  return plans.some((a) => plans.some((b) => a.k < b.k && a.people > b.people));
}
