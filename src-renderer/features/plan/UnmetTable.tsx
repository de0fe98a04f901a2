import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { downloadBase64 } from '../../lib/download';
import { countText, formatNumber } from '../../lib/format';
import { call } from '../../lib/rpc';
import { DataTable, type Column } from '../lists/DataTable';
import type { PlanRefs } from './refs';

interface UnmetRow {
  hamletId: number;
  hamlet: string;
  commune: string;
  eid: number;
  cccd: number;
  reasons: string;
}

/** Each hamlet left short, how many, and the planner's reason; sortable, exportable. */
export function UnmetTable({ plan, refs }: { plan: PlanDetail; refs: PlanRefs }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<Error | null>(null);
  const rows = useMemo<UnmetRow[]>(
    () =>
      plan.report.shortfall.map((s) => ({
        hamletId: s.hamletId,
        hamlet: refs.hamlet.get(s.hamletId)?.name ?? String(s.hamletId),
        commune: refs.communeName.get(s.communeId) ?? '',
        eid: s.missing.eid,
        cccd: s.missing.cccd,
        reasons: s.reasons.map((r) => t(`plan.reason.${r}`)).join('; '),
      })),
    [plan, refs, t],
  );
  const n = (v: number): string => formatNumber(v, i18n.language);
  const columns: Array<Column<UnmetRow>> = [
    { key: 'hamlet', header: t('col.name'), value: (r) => r.hamlet },
    { key: 'commune', header: t('col.commune'), value: (r) => r.commune },
    { key: 'eid', header: t('col.backlogEid'), value: (r) => r.eid, render: (r) => n(r.eid), numeric: true },
    { key: 'cccd', header: t('col.backlogCccd'), value: (r) => r.cccd, render: (r) => n(r.cccd), numeric: true },
    { key: 'reasons', header: t('plan.unmet.reasons'), value: (r) => r.reasons },
  ];
  const exportXlsx = async (): Promise<void> => {
    try {
      downloadBase64(
        await call('export.table', {
          fileName: t('plan.unmet.fileName', { id: plan.summary.id }),
          title: `${t('plan.unmet.title')}: ${plan.summary.name}`,
          columns: columns.map((c) => ({ header: c.header, numeric: c.numeric === true })),
          rows: rows.map((r) => columns.map((c) => c.value(r))),
        }),
      );
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section className="card" data-testid="unmet">
      <div className="toolbar">
        <span>{rows.length === 0 ? t('plan.unmet.none') : countText(t, 'plan.unmet.count', rows.length, i18n.language)}</span>
        <button className="secondary" onClick={() => void exportXlsx()} disabled={rows.length === 0}>{t('plan.unmet.export')}</button>
      </div>
      {error && <ErrorNote error={error} />}
      {rows.length > 0 && <DataTable testId="table-unmet" rows={rows} columns={columns} rowKey={(r) => r.hamletId} />}
    </section>
  );
}
