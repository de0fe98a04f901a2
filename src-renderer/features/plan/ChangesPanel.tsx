import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanChanges } from '../../../src-main/api/contract';
import { formatDate, formatNumber, formatShare } from '../../lib/format';
import type { PlanRefs } from './refs';

type Report = NonNullable<PlanChanges['report']>;
type Slot = Report['addedVisits'][number];

/** Lines a group of changed visits shows before "show all": a province re-plan moves hundreds. */
const CHANGE_LINES_SHOWN = 50;

/** One kind of change (moved, added, dropped): a heading with its count, the first lines, the rest on demand. */
function ChangeGroup({ title, lines, testId }: { title: string; lines: string[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  if (lines.length === 0) return null;
  const n = (v: number): string => formatNumber(v, i18n.language);
  const shown = all ? lines : lines.slice(0, CHANGE_LINES_SHOWN);
  return (
    <div className="change-group" data-testid={testId}>
      <h4>{t('plan.changes.group', { title, count: lines.length, n: n(lines.length) })}</h4>
      <ul className="change-list">{shown.map((line, i) => <li key={i}>{line}</li>)}</ul>
      {lines.length > CHANGE_LINES_SHOWN && (
        <button className="link" onClick={() => setAll(!all)}>
          {all ? t('plan.changes.showFirst', { n: n(CHANGE_LINES_SHOWN) }) : t('plan.changes.showAll', { n: n(lines.length) })}
        </button>
      )}
    </div>
  );
}

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
  const team = (id: number): string => {
    const code = refs.team.get(id)?.code;
    return code !== undefined ? t('plan.changes.team', { code }) : t('plan.changes.deletedTeam', { id });
  };
  const shift = (id: number): string => refs.template.get(id)?.name ?? t('plan.changes.deletedShift', { id });
  const slot = (s: Slot): string => t('plan.changes.slot', { date: formatDate(s.date), shift: shift(s.templateId), team: team(s.teamId) });
  const place = (hamletId: number): { hamlet: string; commune: string } => {
    const h = refs.hamlet.get(hamletId);
    return { hamlet: h?.name ?? String(hamletId), commune: refs.communeName.get(h?.communeId ?? -1) ?? '' };
  };
  return (
    <section className="card changes" data-testid="plan-changes" aria-label={t('plan.changes.title')}>
      <h3>{t('plan.changes.title')}</h3>
      <p>
        {t('plan.changes.summary', {
          count: report.kept, name: against.name, from: formatDate(report.from), kept: n(report.kept), moved: n(report.moved), added: n(report.added), dropped: n(report.dropped),
          pct: formatShare(report.keptShare, i18n.language),
        })}
      </p>
      {changed === 0 ? <p className="muted">{t('plan.changes.none')}</p> : (
        <>
          <div className="table-wrap changes-table">
            <table className="data compact" data-testid="changes-by-commune">
              <thead>
                <tr>
                  <th>{t('plan.changes.commune')}</th><th className="num">{t('plan.changes.kept')}</th><th className="num">{t('plan.changes.moved')}</th>
                  <th className="num">{t('plan.changes.added')}</th><th className="num">{t('plan.changes.dropped')}</th><th>{t('plan.changes.roster')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byCommune.filter((g) => g.moved + g.added + g.dropped > 0).map((g) => (
                  <tr key={g.id}>
                    <td>{refs.communeName.get(g.id) ?? g.id}</td>
                    <td className="num">{n(g.kept)}</td><td className="num">{n(g.moved)}</td><td className="num">{n(g.added)}</td><td className="num">{n(g.dropped)}</td>
                    <td className="warn">{t('plan.changes.reprint')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button className="link" onClick={() => setOpen(!open)}>{open ? t('plan.changes.hide') : t('plan.changes.show')}</button>
          {open && (
            <div className="change-groups">
              <ChangeGroup title={t('plan.changes.moved')} testId="changes-moved"
                lines={report.movedVisits.map((m) => t('plan.changes.movedLine', { ...place(m.hamletId), from: slot(m.from), to: slot(m.to) }))} />
              <ChangeGroup title={t('plan.changes.added')} testId="changes-added"
                lines={report.addedVisits.map((s) => t('plan.changes.addedLine', { ...place(s.hamletId), slot: slot(s) }))} />
              <ChangeGroup title={t('plan.changes.dropped')} testId="changes-dropped"
                lines={report.droppedVisits.map((s) => t('plan.changes.droppedLine', { ...place(s.hamletId), slot: slot(s) }))} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
