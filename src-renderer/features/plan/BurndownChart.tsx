import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PlanDetail } from '../../../src-main/api/contract';
import type { BurndownPoint } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';
import { hamletBurndown } from './projection';
import type { PlanRefs } from './refs';

type ServiceChoice = 'all' | 'eid' | 'cccd';

/** One day of the chart: people left as planned, as recorded, and on a straight line to the deadline (a line is absent where it has no point). */
interface ChartRow {
  date: string;
  planned?: number;
  actual?: number;
  ideal?: number;
}

/**
 * Remaining backlog per day, planned against the straight line to the deadline; with results
 * recorded, the actual line (the register less the results) beside them, for the whole area.
 */
export function BurndownChart({ plan, refs, actual = [] }: { plan: PlanDetail; refs: PlanRefs; actual?: BurndownPoint[] }) {
  const { t, i18n } = useTranslation();
  const [service, setService] = useState<ServiceChoice>('all');
  const [communeId, setCommuneId] = useState<number | 0>(0);
  const { report } = plan;
  const data = useMemo((): ChartRow[] => {
    const series = hamletBurndown(plan, refs, communeId || null);
    const start = series[0];
    const pick = (r: { cccd: number; eid: number }): number => (service === 'all' ? r.cccd + r.eid : r[service]);
    const total = start ? pick(start.remainingBefore) : 0;
    const span = Math.max(1, differenceInCalendarDays(parseISO(report.deadline), parseISO(report.from)) + 1);
    const actualByDate = new Map(communeId ? [] : actual.map((a) => [a.date, pick(a.remaining)]));
    // A plan made from the day after the last results starts after them: those days come first,
    // with their actual line and no plan (it was drawn without a single point before).
    const before = [...actualByDate].filter(([date]) => date < (start?.date ?? '')).map(([date, value]): ChartRow => ({ date, actual: value }));
    return [...before, ...series.map((p): ChartRow => ({
      date: p.date,
      planned: pick(p.remaining),
      actual: actualByDate.get(p.date),
      ideal: Math.max(0, Math.round(total * (1 - (differenceInCalendarDays(parseISO(p.date), parseISO(report.from)) + 1) / span))),
    }))];
  }, [plan, refs, communeId, service, report.deadline, report.from, actual]);

  return (
    <section className="card" data-testid="burndown">
      <div className="toolbar">
        <label>
          {t('plan.filter.service')}{' '}
          <select value={service} onChange={(e) => setService(e.target.value as ServiceChoice)}>
            <option value="all">{t('plan.filter.allServices')}</option>
            <option value="eid">{t('service.eid')}</option>
            <option value="cccd">{t('service.cccd')}</option>
          </select>
        </label>
        <label>
          {t('plan.filter.commune')}{' '}
          <select value={communeId} onChange={(e) => setCommuneId(Number(e.target.value))}>
            <option value={0}>{t('plan.filter.wholeArea')}</option>
            {refs.map.communes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      </div>
      <div className="chart">
        <ResponsiveContainer width="100%" height={360}>
          <LineChart data={data} margin={{ top: 10, right: 30, left: 20, bottom: 10 }}>
            <CartesianGrid stroke="#e0e6ea" />
            <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d).slice(0, 5)} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatNumber(v, i18n.language)} width={70} label={{ value: t('plan.burndown.people'), angle: -90, position: 'insideLeft', offset: -10 }} />
            <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => formatNumber(Number(v), i18n.language)} />
            <Legend />
            <Line type="stepAfter" dataKey="planned" name={t('plan.burndown.planned')} stroke="#0b4f8a" strokeWidth={2} dot={false} isAnimationActive={false} />
            {data.some((d) => d.actual !== undefined) && (
              <Line type="stepAfter" dataKey="actual" name={t('results.progress.actualLine')} stroke="#e65100" strokeWidth={2.5} dot={{ r: 2.5, fill: '#e65100' }} isAnimationActive={false} connectNulls={false} />
            )}
            <Line type="linear" dataKey="ideal" name={t('plan.burndown.ideal')} stroke="#9aa5b1" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <ReferenceLine x={report.deadline} stroke="#b71c1c" label={{ value: t('plan.burndown.deadline'), position: 'insideTopRight', fill: '#b71c1c' }} />
            {report.clearanceDate && report.clearanceDate <= report.deadline && (
              <ReferenceLine x={report.clearanceDate} stroke="#2e7d32" label={{ value: t('plan.burndown.clearance'), position: 'insideTopLeft', fill: '#2e7d32' }} />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
