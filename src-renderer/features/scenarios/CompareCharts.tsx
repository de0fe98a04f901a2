import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PlanReport } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';
import { useRpc } from '../../lib/useRpc';

const COLOURS = ['#1f4e79', '#c0392b', '#2e7d32', '#8e44ad', '#d68910'];

export interface Compared {
  id: number;
  label: string;
  report: PlanReport;
}

/** One burn-down with a line per plan (people left each day) and the deadline marked. */
export function CompareBurndown({ columns }: { columns: Compared[] }) {
  const { t, i18n } = useTranslation();
  const byDate = new Map<string, Record<string, number | string>>();
  for (const c of columns) {
    for (const p of c.report.burndown) {
      const row = byDate.get(p.date) ?? { date: p.date };
      row[`p${c.id}`] = p.remaining.cccd + p.remaining.eid;
      byDate.set(p.date, row);
    }
  }
  const data = [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const deadline = columns[0]?.report.deadline;
  return (
    <section className="card" data-testid="compare-burndown">
      <h3>{t('scenario.burndown')}</h3>
      <ResponsiveContainer width="100%" height={260}>
        {/* Room on the right for the last date's tick ("31/12"), which is centred on the chart's edge. */}
        <LineChart data={data} margin={{ top: 8, right: 32, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d).slice(0, 5)} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatNumber(v, i18n.language)} width={64} />
          <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => formatNumber(Number(v), i18n.language)} />
          <Legend />
          {/* The deadline's label left of its line, at the top: clear of the line and inside the plot even when the deadline is the last day. */}
          {deadline && (
            <ReferenceLine x={deadline} stroke="#000" strokeDasharray="4 3"
              label={{ value: t('scenario.deadlineMark', { date: formatDate(deadline) }), position: 'insideTopRight', offset: 6, fill: '#000', fontSize: 12 }} />
          )}
          {columns.map((c, i) => (
            <Line key={c.id} type="monotone" dataKey={`p${c.id}`} name={c.label} stroke={COLOURS[i % COLOURS.length]} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </section>
  );
}

/** People short at the deadline per commune, from a report's shortfall. */
const shortByCommune = (r: PlanReport): Map<number, number> => {
  const out = new Map<number, number>();
  for (const h of r.shortfall) out.set(h.communeId, (out.get(h.communeId) ?? 0) + h.missing.cccd + h.missing.eid);
  return out;
};

/** The communes whose people short at the deadline differ most between the first plan (the base) and each other. */
export function CommunesDiffering({ columns }: { columns: Compared[] }) {
  const { t, i18n } = useTranslation();
  const map = useRpc('map.get');
  const name = new Map((map.data?.communes ?? []).map((c) => [c.id, c.name]));
  const [base, ...others] = columns;
  if (!base || others.length === 0) return null;
  const baseShort = shortByCommune(base.report);
  const otherShort = others.map((o) => shortByCommune(o.report));
  const ids = new Set([...baseShort.keys(), ...otherShort.flatMap((m) => [...m.keys()])]);
  const spread = (id: number): number => Math.max(...otherShort.map((m) => Math.abs((m.get(id) ?? 0) - (baseShort.get(id) ?? 0))));
  const top = [...ids].filter((id) => spread(id) > 0).sort((a, b) => spread(b) - spread(a) || a - b).slice(0, 6);
  const n = (v: number): string => formatNumber(v, i18n.language);
  return (
    <section className="card" data-testid="communes-differing">
      <h3>{t('scenario.differing')}</h3>
      {top.length === 0 ? <p className="muted">{t('scenario.noDifference')}</p> : (
        <table className="grid">
          <thead><tr><th>{t('scenario.commune')}</th>{columns.map((c) => <th key={c.id}>{c.label}</th>)}</tr></thead>
          <tbody>
            {top.map((id) => (
              <tr key={id}>
                <th>{name.get(id) ?? id}</th>
                <td>{n(baseShort.get(id) ?? 0)}</td>
                {otherShort.map((m, i) => {
                  const diff = (m.get(id) ?? 0) - (baseShort.get(id) ?? 0);
                  return <td key={others[i]!.id}>{n(m.get(id) ?? 0)} <span className={diff > 0 ? 'warn' : 'ok'}>({diff > 0 ? '+' : ''}{n(diff)})</span></td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
