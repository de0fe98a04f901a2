import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';

/** Plans, newest first: name, created, status and verdict; a draft can be published. */
export function PlansList({ plans, selectedId, onSelect, onPublish }: {
  plans: PlanSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onPublish: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (plans.length === 0) return <p className="muted">{t('plan.list.empty')}</p>;
  return (
    <ul className="plans" data-testid="plans-list">
      {plans.map((p) => (
        <li key={p.id} className={p.id === selectedId ? 'selected' : undefined}>
          <button className="link" onClick={() => onSelect(p.id)} aria-current={p.id === selectedId}>{p.name}</button>
          <div className="plan-line">
            <span className={`badge status-${p.status}`}>{t(`plan.status.${p.status}`)}</span>
            <span className={p.deadlineMet ? 'ok' : 'warn'}>
              {p.deadlineMet ? t('plan.list.met') : t('plan.list.short', { short: formatNumber(Math.max(0, p.backlog - p.enrolled), i18n.language) })}
            </span>
            {p.status === 'draft' && (
              <button className="secondary small" onClick={() => onPublish(p.id)} data-testid={`publish-${p.id}`}>
                {t('plan.list.publish')}
              </button>
            )}
          </div>
          <div className="muted small">
            {t('plan.list.createdOn', { date: formatDate(p.createdAt.slice(0, 10)), from: formatDate(p.fromDate) })}
            {p.publishedAt && ` · ${t('plan.list.publishedOn', { date: formatDate(p.publishedAt.slice(0, 10)) })}`}
          </div>
        </li>
      ))}
    </ul>
  );
}
