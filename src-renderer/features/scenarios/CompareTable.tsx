import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioDto } from '../../../src-main/api/contract';
import type { PlanReport, PlanSummary } from '../../../src-main/core/model';
import { formatDate, formatNumber, formatPercentOf } from '../../lib/format';
import { call } from '../../lib/rpc';
import { CommunesDiffering, CompareBurndown } from './CompareCharts';
import { undecidedAgainstBase } from './compare-spread';

interface Column {
  label: string;
  summary: PlanSummary;
  report: PlanReport;
  /** Hours the teams are out (departure to return, a team per route). */
  teamHours: number;
}

/** Scenario columns beside the base: more do not fit a laptop's screen. */
const SHOWN = 4;

/** The base plan and up to four scenarios' plans side by side, the figures a manager weighs. */
export function CompareTable({ basePlan, scenarios }: { basePlan: PlanSummary | null; scenarios: ScenarioDto[] }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(Math.round(x), i18n.language);
  const pct = (part: number, whole: number): string => (whole > 0 ? `${formatPercentOf(part, whole, i18n.language)}%` : '—');
  // The scenarios planned last (planning one again brings it in).
  const planned = scenarios.filter((s) => s.lastPlan).sort((a, b) => b.lastPlan!.createdAt.localeCompare(a.lastPlan!.createdAt));
  const columns = useCompareColumns([
    ...(basePlan ? [{ label: t('scenario.baseNamed', { name: basePlan.name }), summary: basePlan }] : []),
    ...planned.slice(0, SHOWN).map((s) => ({ label: s.name, summary: s.lastPlan! })),
  ]);
  if (columns.length < 2) return <p className="muted">{t('scenario.compareHint')}</p>;
  const rows: Array<[string, (c: Column) => string]> = [
    ['madeOn', (c) => formatDate(c.summary.createdAt.slice(0, 10))],
    ['from', (c) => formatDate(c.summary.fromDate)],
    ['deadline', (c) => formatDate(c.report.deadline)],
    ['deadlineMet', (c) => t(c.report.deadlineMet ? 'scenario.yes' : 'scenario.no')],
    ['enrolled', (c) => `${n(c.summary.enrolled)} (${pct(c.summary.enrolled, c.summary.backlog)})`],
    ['short', (c) => n(c.summary.short)],
    ['cccd', (c) => `${n(c.report.enrolled.cccd)} / ${n(c.report.backlog.cccd)}`],
    ['eid', (c) => `${n(c.report.enrolled.eid)} / ${n(c.report.backlog.eid)}`],
    ['clearance', (c) => (c.report.clearanceDate ? formatDate(c.report.clearanceDate) : '—')],
    ['bound', (c) => `${n(c.report.upperBound)}${c.report.upperBoundSource === 'capacity' ? ` ${t('scenario.row.boundRough')}` : ''}`],
    ['hamletsShort', (c) => n(c.report.hamletsShort ?? c.report.shortfall.length)],
    ['communesShort', (c) => n(new Set(c.report.shortfall.map((h) => h.communeId)).size)],
    ['shifts', (c) => n(c.report.shifts)],
    ['teamHours', (c) => n(c.teamHours)],
    ['km', (c) => n(c.report.objectives.distanceM / 1000)],
    ['cost', (c) => t('scenario.row.costValue', { n: n(c.report.objectives.cost) })],
  ];
  const charted = columns.map((c) => ({ id: c.summary.id, label: c.label, report: c.report }));
  const left = planned.slice(SHOWN).map((s) => `«${s.name}»`);
  return (
    <>
    <table className="grid compare" data-testid="compare">
      <caption>{t('scenario.compare')}</caption>
      <thead><tr><th />{columns.map((c) => <th key={c.summary.id}>{c.label}</th>)}</tr></thead>
      <tbody>
        {rows.map(([row, cell]) => (
          <tr key={row}><th>{t(`scenario.row.${row}`)}</th>{columns.map((c) => <td key={c.summary.id}>{cell(c)}</td>)}</tr>
        ))}
      </tbody>
    </table>
    {left.length > 0 && (
      <p className="muted" role="note" data-testid="compare-left-out">{t('scenario.leftOut', { count: left.length, shown: SHOWN, names: left.join(', ') })}</p>
    )}
    <CompareCautions columns={columns} withBase={basePlan !== null} />
    <CompareBurndown columns={charted} />
    <CommunesDiffering columns={charted} />
    </>
  );
}

/** The columns' plans in full, loaded again when a column's plan, name or count of later results changes (the last two are shown). */
function useCompareColumns(wanted: ReadonlyArray<{ label: string; summary: PlanSummary }>): Column[] {
  const key = JSON.stringify(wanted.map((w) => [w.summary.id, w.label, w.summary.resultsAfter]));
  const [columns, setColumns] = useState<Column[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(wanted.map(async (w) => {
      const detail = await call('plans.get', { planId: w.summary.id });
      return { ...w, report: detail.report, teamHours: detail.routes.reduce((sum, r) => sum + (r.returnMin - r.departMin) / 60, 0) };
    }))
      .then((loaded) => live && setColumns(loaded));
    return () => {
      live = false;
    };
  }, [key]);
  return columns;
}

/**
 * What the table cannot say by itself: columns made before results another counts (their backlogs
 * differ), and scenarios whose difference from the base the plans alone do not settle.
 */
function CompareCautions({ columns, withBase }: { columns: readonly Column[]; withBase: boolean }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(Math.round(x), i18n.language);
  const least = Math.min(...columns.map((c) => c.summary.resultsAfter));
  const predating = columns.filter((c) => c.summary.resultsAfter > least);
  const compared = (c: Column) => ({ label: c.label, enrolled: c.summary.enrolled, upperBound: c.report.upperBound });
  const undecided = withBase && !predating.includes(columns[0]!)
    ? undecidedAgainstBase(compared(columns[0]!), columns.slice(1).filter((c) => !predating.includes(c)).map(compared))
    : [];
  return (
    <>
      {predating.length > 0 && (
        <p className="caution" role="note" data-testid="compare-predates-results">
          {t('scenario.predatesResults', { names: predating.map((c) => `«${c.label}»`).join(', '), count: Math.max(...predating.map((c) => c.summary.resultsAfter - least)) })}
        </p>
      )}
      {undecided.map((u) => (
        <p key={`${u.ahead}|${u.behind}`} className="caution" role="note" data-testid="compare-undecided">
          {t('scenario.undecided', { ahead: u.ahead, behind: u.behind, count: u.difference, n: n(u.difference), bound: n(u.behindBound) })}
        </p>
      ))}
    </>
  );
}
