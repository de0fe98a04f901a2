import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinExtraRunDto, ScenarioDto } from '../../../src-main/api/contract';
import type { VehicleKind } from '../../../src-main/core/model';
import { ErrorNote } from '../../app/ErrorNote';
import { formatDate, formatNumber } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { VehicleKindSelect } from './VehicleKindSelect';

type Ask = { kind: 'teams'; likeTeam: string; baseName?: string } | { kind: 'vehicles'; vehicleKind: VehicleKind } | { kind: 'shifts'; shiftCodes: string[] };

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
      setRun({ runId, state: 'running', steps: [], answer: null, error: null });
    } catch (err) {
      setError(err as Error);
    }
  };
  const a = run?.answer;
  return (
    <section className="card" data-testid="min-extra">
      <h3>{t('scenario.minExtra.title')}</h3>
      <div className="row">
        <select aria-label={t('scenario.minExtra.resource')} value={ask.kind}
          onChange={(e) => setAsk(e.target.value === 'teams' ? { kind: 'teams', likeTeam } : e.target.value === 'shifts' ? { kind: 'shifts', shiftCodes: [] } : { kind: 'vehicles', vehicleKind: 'car' })}>
          <option value="teams">{t('scenario.minExtra.teams')}</option>
          <option value="vehicles">{t('scenario.minExtra.vehicles')}</option>
          <option value="shifts">{t('scenario.minExtra.shifts')}</option>
        </select>
        {ask.kind === 'shifts' ? (
          <span className="shift-ticks" data-testid="min-extra-shifts">
            {extendable.map((s) => {
              const at = ask.shiftCodes.indexOf(s.code);
              return (
                <label key={s.code} className="check">
                  <input type="checkbox" checked={at >= 0} onChange={(e) => setAsk({
                    kind: 'shifts', shiftCodes: e.target.checked ? [...ask.shiftCodes, s.code] : ask.shiftCodes.filter((c) => c !== s.code),
                  })} />
                  {at >= 0 ? `${at + 1}. ` : ''}{t('scenario.minExtra.shiftCopy', { name: s.name })}
                </label>
              );
            })}
          </span>
        ) : ask.kind === 'teams' ? (
          <>
            <select aria-label={t('scenario.likeTeam')} value={likeTeam} onChange={(e) => setAsk({ ...ask, likeTeam: e.target.value })}>
              {teams.data?.map((team) => <option key={team.id} value={team.code}>{team.name}</option>)}
            </select>
            <select aria-label={t('scenario.minExtra.base')} data-testid="min-extra-base" value={ask.baseName ?? ''} onChange={(e) => setAsk({ ...ask, baseName: e.target.value || undefined })}>
              <option value="">{t('scenario.minExtra.baseProposed')}</option>
              {bases.data?.choices.bases.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </>
        ) : (
          <VehicleKindSelect value={ask.vehicleKind} onChange={(vehicleKind) => setAsk({ kind: 'vehicles', vehicleKind })} />
        )}
        {run?.state === 'running'
          ? <button className="secondary" onClick={() => void call('scenarios.minExtraCancel', { runId: run.runId }).then(setRun)}>{t('scenario.cancel')}</button>
          : <button onClick={() => void start()}>{t('scenario.minExtra.run')}</button>}
      </div>
      {error && <ErrorNote error={error} />}
      {run && (
        <ol className="muted small" data-testid="min-extra-steps">
          {run.steps.map((s, i) => (
            <li key={i}>{t(s.what === 'bound' ? 'scenario.minExtra.stepBound' : 'scenario.minExtra.stepPlan', { count: s.people, k: n(s.k), people: n(s.people), enough: t(s.enough ? 'scenario.yes' : 'scenario.no') })}</li>
          ))}
        </ol>
      )}
      {run?.state === 'cancelled' && <p className="muted">{t('scenario.cancelled')}</p>}
      {run?.state === 'failed' && <p className="warn">{run.error}</p>}
      {a && (
        <div className="answer" data-testid="min-extra-answer">
          {a.proposedBase && (
            <p data-testid="min-extra-proposed-base">{t('scenario.minExtra.proposedBase', {
              count: a.proposedBase.missing, base: a.proposedBase.baseName, missing: n(a.proposedBase.missing), commune: a.proposedBase.communeName, communeMissing: n(a.proposedBase.communeMissing), km: n(a.proposedBase.meanKm),
            })}</p>
          )}
          {a.minimum === null ? <p className="warn">{t('scenario.minExtra.none')}</p> : (
            <>
              <p className="big">{t('scenario.minExtra.answer', { count: a.minimum, n: n(a.minimum), deadline: formatDate(a.deadline) })}</p>
              <p>{t('scenario.minExtra.evidencePlan', { count: a.minimum, n: n(a.minimum), valid: t(a.checkerValid ? 'scenario.verifierValid' : 'scenario.verifierInvalid') })}</p>
              {a.minimum > 0 && (
                <p>{a.provenMinimal
                  ? t(a.possibleWithOneFewer === false && (a.boundForOneFewer ?? 0) >= a.need ? 'scenario.minExtra.provenHamlets' : 'scenario.minExtra.proven', { count: a.boundForOneFewer ?? 0, fewer: n(a.minimum - 1), bound: n(a.boundForOneFewer ?? 0), need: n(a.need) })
                  : t('scenario.minExtra.notProven', { count: a.boundForOneFewer ?? 0, fewer: n(a.minimum - 1), bound: n(a.boundForOneFewer ?? 0), need: n(a.need) })}</p>
              )}
            </>
          )}
          <p>{a.clearanceDateWithNothingAdded
            ? t('scenario.minExtra.slip', { date: formatDate(a.clearanceDateWithNothingAdded), deadline: formatDate(a.deadline) })
            : t('scenario.minExtra.noClearance')}</p>
        </div>
      )}
    </section>
  );
}
