import { addDays, format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRun } from '../../../src-main/api/contract';
import { DateInput } from '../../app/DateInput';
import { ErrorNote } from '../../app/ErrorNote';
import { formatDate, formatDecimal } from '../../lib/format';
import { usePlanRun } from './usePlanRun';

/** "Lập kế hoạch": start date, time limit, keep pinned visits; progress and cancel. */
export function RunPanel({ defaultFrom, deadline, lastResult, basePlanId, published, onFinished }: {
  defaultFrom: string;
  /** The campaign's deadline: a start after it has nothing to plan. */
  deadline: string | null;
  /** The last day with recorded results: a plan must start after it (the server refuses otherwise). */
  lastResult: string | null;
  basePlanId: number | null;
  /** A plan is published: planning again is a re-plan, with its two choices. */
  published: boolean;
  onFinished: (run: PlanRun) => void;
}) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(defaultFrom);
  const [fromValid, setFromValid] = useState(true);
  const [timeLimit, setTimeLimit] = useState(5);
  const [keepPinned, setKeepPinned] = useState(true);
  const [keepPublished, setKeepPublished] = useState(true);
  const [measuredRates, setMeasuredRates] = useState(false);
  const { run, error, start, cancel } = usePlanRun(onFinished);
  const running = run?.state === 'running';
  const { early, late } = startProblems(from, deadline, lastResult);
  const limitOk = Number.isInteger(timeLimit) && timeLimit >= 1 && timeLimit <= 600;
  return (
    <section className="card run-panel" aria-label={t('plan.run.title')}>
      <h2>{t('plan.run.title')}</h2>
      <StartDateField from={from} onFrom={setFrom} onValidity={setFromValid} disabled={running} deadline={deadline} lastResult={lastResult} />
      <label>
        {t('plan.run.timeLimit')}
        <input type="number" min={1} max={600} value={timeLimit} onChange={(e) => setTimeLimit(Number(e.target.value))} disabled={running}
          aria-invalid={!limitOk} className={limitOk ? undefined : 'invalid'} />
      </label>
      {!limitOk && <p className="error small" role="alert" data-testid="plan-time-limit-bad">{t('plan.run.timeLimitRange')}</p>}
      {limitOk && <p className="muted small hint">{t('plan.run.timeLimitHint')}</p>}
      <label className="check">
        <input type="checkbox" checked={keepPinned} onChange={(e) => setKeepPinned(e.target.checked)} disabled={running} />
        {t('plan.run.keepPinned')}
      </label>
      {published && (
        <>
          <p className="muted small">{t('plan.run.replanHint')}</p>
          <label className="check">
            <input type="checkbox" checked={keepPublished} onChange={(e) => setKeepPublished(e.target.checked)} disabled={running} data-testid="keep-published" />
            {t('plan.run.keepPublished')}
          </label>
          <label className="check">
            <input type="checkbox" checked={measuredRates} onChange={(e) => setMeasuredRates(e.target.checked)} disabled={running} data-testid="measured-rates" />
            {t('plan.run.measuredRates')}
          </label>
        </>
      )}
      {!running ? (
        <button
          onClick={() => void start({
            from, timeLimitSeconds: timeLimit, keepPinned, ...(basePlanId ? { basePlanId } : {}), ...(published ? { keepPublished, measuredRates } : {}),
          })}
          disabled={!from || !fromValid || !limitOk || early || late}
        >
          {t('plan.run.start')}
        </button>
      ) : (
        <button className="danger" onClick={() => void cancel()}>{t('plan.run.cancel')}</button>
      )}
      {run && (
        <div className="run-status" data-testid="run-status" data-state={run.state}>
          <progress max={1} value={run.progress.placedShare} aria-label={t('plan.run.placed')} />
          <div className="muted">
            {t(`plan.run.state.${run.state}`)} · {t('plan.run.placed')} {Math.round(run.progress.placedShare * 100)}% ·{' '}
            {t('plan.run.elapsed', { seconds: formatDecimal(run.progress.elapsedSeconds, i18n.language) })}
          </div>
          {run.error && <div className="error">{run.error}</div>}
        </div>
      )}
      {error && <ErrorNote error={error} />}
    </section>
  );
}

/** A start on or before a day with results (early), or after the deadline (late). */
const startProblems = (from: string, deadline: string | null, lastResult: string | null): { early: boolean; late: boolean } => ({
  early: lastResult !== null && from !== '' && from <= lastResult,
  late: deadline !== null && from > deadline,
});

/**
 * The first day to plan, and what is wrong with it in words as it is typed (before the server's
 * refusal): on or before a day with results, or after the deadline.
 */
function StartDateField({ from, onFrom, onValidity, disabled, deadline, lastResult }: {
  from: string;
  onFrom: (from: string) => void;
  onValidity: (valid: boolean) => void;
  disabled: boolean;
  deadline: string | null;
  lastResult: string | null;
}) {
  const { t } = useTranslation();
  const { early, late } = startProblems(from, deadline, lastResult);
  return (
    <>
      <label>
        {t('plan.run.from')}
        <DateInput value={from} onChange={onFrom} disabled={disabled} testId="plan-from" invalid={early || late} onValidity={onValidity} />
      </label>
      {late && deadline !== null && (
        <p className="error small" role="alert" data-testid="plan-from-after-deadline">
          {t('error.key.fromAfterDeadline', { from: formatDate(from), deadline: formatDate(deadline) })}
        </p>
      )}
      {early && lastResult !== null && (
        <p className="error small" role="alert" data-testid="plan-from-before-results">
          {t('plan.run.fromBeforeResults', { lastResult: formatDate(lastResult), firstOpen: formatDate(format(addDays(parseISO(lastResult), 1), 'yyyy-MM-dd')) })}
        </p>
      )}
    </>
  );
}
