import { useTranslation } from 'react-i18next';
import type { PlanReport } from '../../../src-main/core/model';
import { countText, formatDate, formatNumber, formatPercentOf } from '../../lib/format';
import { violationText } from './violation-text';

/** The answer a planner looks for first: does the deadline hold, and if not by how much. */
export function VerdictBanner({ report }: { report: PlanReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const backlog = report.backlog.cccd + report.backlog.eid;
  const enrolled = report.enrolled.cccd + report.enrolled.eid;
  // Short: beyond each hamlet's residual, which the commune police take on (shown apart).
  const short = report.shortfall.reduce((sum, h) => sum + h.missing.cccd + h.missing.eid, 0);
  const pct = (part: number, whole: number): string => formatPercentOf(part, whole, i18n.language, '100');
  const km = Math.round(report.objectives.distanceM / 1000);
  /** "1 person", "1,285 people": a count of people in words, for the sentences that hold two counts. */
  const people = (v: number): string => countText(t, 'plan.verdict.people', v, i18n.language);
  return (
    <section className={report.deadlineMet ? 'verdict ok' : 'verdict missed'} data-testid="verdict" role="status">
      <strong>
        {report.deadlineMet
          ? t('plan.verdict.met', { deadline: formatDate(report.deadline), date: report.clearanceDate ? formatDate(report.clearanceDate) : '' })
          : t('plan.verdict.missed', {
              count: report.shortfall.length,
              deadline: formatDate(report.deadline),
              people: people(short),
              hamlets: n(report.shortfall.length),
              pct: pct(short, backlog),
            })}
        {!report.deadlineMet &&
          ' ' + (report.clearanceDate ? t('plan.verdict.clearance', { date: formatDate(report.clearanceDate) }) : t('plan.verdict.never'))}
      </strong>
      <span>{t('plan.verdict.enrolled', { count: backlog, enrolled: n(enrolled), backlog: n(backlog) })}</span>
      <span data-testid="by-service">
        {t('plan.verdict.byService', {
          cccd: n(report.enrolled.cccd), cccdBacklog: n(report.backlog.cccd), cccdPct: pct(report.enrolled.cccd, report.backlog.cccd),
          eid: n(report.enrolled.eid), eidBacklog: n(report.backlog.eid), eidPct: pct(report.enrolled.eid, report.backlog.eid),
        })}
      </span>
      {report.residual && report.residual.people > 0 && (
        <span data-testid="residual">
          {t('plan.verdict.residual', { count: report.residual.hamlets, people: people(report.residual.people), hamlets: n(report.residual.hamlets) })}
        </span>
      )}
      <span data-testid="upper-bound">
        {t('plan.verdict.bound', { count: report.upperBound, bound: n(report.upperBound) })}
        {report.upperBoundSource === 'capacity' && ` ${t('plan.verdict.boundRough')}`}
      </span>
      <span>
        {t('plan.verdict.totals', { count: report.shifts, shifts: n(report.shifts), km: n(km), cost: n(report.objectives.cost) })}
      </span>
      {!report.checker.valid && (
        <div className="error" data-testid="verdict-violations">
          {countText(t, 'plan.verdict.invalid', report.checker.violations.length, i18n.language)}
          <ul>{report.checker.violations.slice(0, 5).map((v, i) => <li key={i}>{violationText(t, v)}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
