import { useTranslation } from 'react-i18next';
import type { GroupFigures, ProgressReport } from '../../../src-main/api/contract';
import { formatDate, formatNumber, formatShare } from '../../lib/format';
import './results.css';

const total = (p: { cccd: number; eid: number }): number => p.cccd + p.eid;

/** "Behind plan by N people (X%)" or "ahead", as of the last day recorded. */
export function ProgressBanner({ progress }: { progress: ProgressReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const f = progress.figures;
  if (!f || !progress.asOf) return <p className="muted" data-testid="progress-none">{t('results.progress.none')}</p>;
  const pct = formatShare(Math.abs(f.behindShare), i18n.language);
  const headline = f.behind > 0
    ? t('results.progress.behind', { count: f.behind, people: n(f.behind), pct })
    : f.behind < 0 ? t('results.progress.ahead', { count: -f.behind, people: n(-f.behind), pct }) : t('results.progress.onPlan');
  return (
    <section className={`progress-banner ${f.behind > 0 ? 'behind' : 'ahead'}`} data-testid="progress-banner" role="status">
      <strong>{headline}</strong>
      <span>{t('results.progress.asOf', { count: total(f.actual), date: formatDate(progress.asOf), planned: n(total(f.planned)), actual: n(total(f.actual)) })}</span>
      {(f.unrecorded > 0 || f.notDone > 0) && (
        <span>
          {[f.notDone > 0 ? t('results.progress.notDone', { count: f.notDone }) : '', f.unrecorded > 0 ? t('results.progress.unrecorded', { count: f.unrecorded }) : '']
            .filter(Boolean).join(' · ')}
        </span>
      )}
    </section>
  );
}

function GroupTable({ title, groups, testId }: { title: string; groups: GroupFigures[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const rate = (r: number | null): string => (r === null ? t('results.progress.noRate') : t('results.progress.rate', { rate: formatNumber(Math.round(r * 10) / 10, i18n.language) }));
  const shown = groups.filter((g) => g.behind > 0).slice(0, 5);
  if (!shown.length) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <table className="data">
        <thead>
          <tr>
            <th>{t('results.progress.name')}</th>
            <th className="num">{t('results.progress.planned')}</th>
            <th className="num">{t('results.progress.actual')}</th>
            <th className="num">{t('results.progress.behindCol')}</th>
            <th className="num">{t('results.progress.measured')}</th>
            <th className="num">{t('results.progress.assumed')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((g) => (
            <tr key={g.id}>
              <td>{g.name}</td>
              <td className="num">{n(total(g.planned))}</td>
              <td className="num">{n(total(g.actual))}</td>
              <td className="num">{n(g.behind)} ({formatShare(g.behindShare, i18n.language)}%)</td>
              <td className={g.measuredRate !== null && g.assumedRate !== null && g.measuredRate < g.assumedRate ? 'num slow' : 'num'}>{rate(g.measuredRate)}</td>
              <td className="num">{rate(g.assumedRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The banner and the communes and teams furthest behind, with their measured rate against the assumed one. */
export function ProgressPanel({ progress, withBanner = true }: { progress: ProgressReport; withBanner?: boolean }) {
  const { t } = useTranslation();
  // With figures but no commune or team behind, the tables would be empty: say so in one line.
  const noneBehind = progress.figures && !progress.communes.some((g) => g.behind > 0) && !progress.teams.some((g) => g.behind > 0);
  return (
    <section className="card progress-panel" data-testid="progress-panel">
      <h2>{t('results.progress.title')}</h2>
      {withBanner && <ProgressBanner progress={progress} />}
      {noneBehind ? <p className="muted" data-testid="progress-none-behind">{t('results.progress.noneBehind')}</p> : (
        <div className="progress-groups">
          <GroupTable title={t('results.progress.furthestCommunes')} groups={progress.communes} testId="behind-communes" />
          <GroupTable title={t('results.progress.furthestTeams')} groups={progress.teams} testId="behind-teams" />
        </div>
      )}
    </section>
  );
}
