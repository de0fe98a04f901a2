import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanChanges } from '../../../src-main/api/contract';
import { formatDate, formatNumber } from '../../lib/format';
import type { PlanRefs } from './refs';

type Report = NonNullable<PlanChanges['report']>;
type Slot = Report['addedVisits'][number];

/**
 * What a re-plan changed against the plan it replaces (a draft against the published plan, the
 * published plan against the one before): totals, then per commune, so a chief re-prints only
 * the rosters that changed; the visits themselves on demand.
 */
export function ChangesPanel({ changes, refs }: { changes: PlanChanges; refs: PlanRefs }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const [open, setOpen] = useState(false);
  const { report, against } = changes;
  if (!report || !against) return null;
  const changed = report.moved + report.added + report.dropped;
  const slot = (s: Slot): string => t('plan.changes.slot', {
    date: formatDate(s.date), shift: refs.template.get(s.templateId)?.name ?? s.templateId, team: refs.team.get(s.teamId)?.code ?? s.teamId,
  });
  const hamlet = (id: number): string => refs.hamlet.get(id)?.name ?? String(id);
  const commune = (hamletId: number): string => refs.communeName.get(refs.hamlet.get(hamletId)?.communeId ?? -1) ?? '';
  return (
    <section className="card changes" data-testid="plan-changes" aria-label={t('plan.changes.title')}>
      <h3>{t('plan.changes.title')}</h3>
      <p>
        {t('plan.changes.summary', {
          name: against.name, from: formatDate(report.from), kept: n(report.kept), moved: n(report.moved), added: n(report.added), dropped: n(report.dropped),
          pct: (100 * report.keptShare).toFixed(1),
        })}
      </p>
      {changed === 0 ? <p className="muted">{t('plan.changes.none')}</p> : (
        <>
          <table className="compact" data-testid="changes-by-commune">
            <thead>
              <tr><th>{t('plan.changes.commune')}</th><th>{t('plan.changes.kept')}</th><th>{t('plan.changes.moved')}</th><th>{t('plan.changes.added')}</th><th>{t('plan.changes.dropped')}</th><th /></tr>
            </thead>
            <tbody>
              {report.byCommune.filter((g) => g.moved + g.added + g.dropped > 0).map((g) => (
                <tr key={g.id}>
                  <td>{refs.communeName.get(g.id) ?? g.id}</td><td>{g.kept}</td><td>{g.moved}</td><td>{g.added}</td><td>{g.dropped}</td>
                  <td className="warn">{t('plan.changes.reprint')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="link" onClick={() => setOpen(!open)}>{open ? t('plan.changes.hide') : t('plan.changes.show')}</button>
          {open && (
            <ul className="change-list">
              {report.movedVisits.map((m, i) => (
                <li key={`m${i}`}>{t('plan.changes.movedLine', { hamlet: hamlet(m.hamletId), commune: commune(m.hamletId), from: slot(m.from), to: slot(m.to) })}</li>
              ))}
              {report.addedVisits.map((s, i) => <li key={`a${i}`}>{t('plan.changes.addedLine', { hamlet: hamlet(s.hamletId), commune: commune(s.hamletId), slot: slot(s) })}</li>)}
              {report.droppedVisits.map((s, i) => <li key={`d${i}`}>{t('plan.changes.droppedLine', { hamlet: hamlet(s.hamletId), commune: commune(s.hamletId), slot: slot(s) })}</li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
