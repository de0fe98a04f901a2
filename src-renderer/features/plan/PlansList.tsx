import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';

export function PlansList({ plans, selectedId, onSelect, onPublish }: {
  plans: PlanSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onPublish: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (plans.length === 0) return <p className="muted">{t('plan.list.empty')}</p>;
  return (
    <table className="data plans" data-testid="plans-list">
      <thead>
        <tr><th>{t('plan.list.name')}</th><th>{t('plan.list.status')}</th><th>{t('plan.list.verdict')}</th><th /></tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id} className={p.id === selectedId ? 'selected' : undefined} onClick={() => onSelect(p.id)}>
            <td>
              <button className="link" onClick={() => onSelect(p.id)}>{p.name}</button>
              <div className="muted">{formatDate(p.createdAt.slice(0, 10))}{p.publishedAt && ` · ${t('plan.list.publishedOn', { date: formatDate(p.publishedAt.slice(0, 10)) })}`}</div>
            </td>
            <td><span className={`badge status-${p.status}`}>{t(`plan.status.${p.status}`)}</span></td>
            <td className={p.deadlineMet ? 'ok' : 'warn'}>
              {p.deadlineMet ? t('plan.list.met') : t('plan.list.short', { short: formatNumber(Math.max(0, p.backlog - p.enrolled), i18n.language) })}
            </td>
            <td>
              {p.status === 'draft' && (
                <button className="secondary" onClick={(e) => { e.stopPropagation(); onPublish(p.id); }} data-testid={`publish-${p.id}`}>
                  {t('plan.list.publish')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
