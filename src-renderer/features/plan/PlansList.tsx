import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../src-main/core/model';
import { formatDate, formatNumber } from '../../lib/format';

/** Plans, newest first: name, created, status and verdict; a draft can be published or deleted, any plan renamed. */
export function PlansList({ plans, selectedId, onSelect, onPublish, onRename, onDelete }: {
  plans: PlanSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onPublish: (id: number) => void;
  onRename: (id: number, name: string) => void;
  onDelete: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  if (plans.length === 0) return <p className="muted">{t('plan.list.empty')}</p>;
  const current = plans.find((p) => p.status === 'published');
  /** Publishing is what the teams and communes follow next: asked first, naming what it replaces. */
  const publishQuestion = (p: PlanSummary): string =>
    t(current ? 'plan.list.publishConfirmReplacing' : 'plan.list.publishConfirm', { name: p.name, current: current?.name ?? '' });
  const saveName = (): void => {
    if (editing && editing.name.trim()) onRename(editing.id, editing.name.trim());
    setEditing(null);
  };
  return (
    <ul className="plans" data-testid="plans-list">
      {plans.map((p) => (
        <li key={p.id} className={p.id === selectedId ? 'selected' : undefined}>
          {editing?.id === p.id ? (
            <input
              autoFocus
              aria-label={t('plan.list.nameLabel')}
              value={editing.name}
              maxLength={120}
              onChange={(e) => setEditing({ id: p.id, name: e.target.value })}
              onBlur={saveName}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveName();
                if (e.key === 'Escape') setEditing(null);
              }}
            />
          ) : (
            <button className="link" onClick={() => onSelect(p.id)} aria-current={p.id === selectedId}>{p.name}</button>
          )}
          <div className="plan-line">
            <span className={`badge status-${p.status}`}>{t(`plan.status.${p.status}`)}</span>
            {p.stale && <span className="badge stale" title={t('plan.list.staleHint')}>{t('plan.list.stale')}</span>}
            <span className={p.deadlineMet ? 'ok' : 'warn'}>
              {p.deadlineMet ? t('plan.list.met') : t('plan.list.short', { short: formatNumber(p.short, i18n.language) })}
            </span>
            {p.scenarioId !== null && <span className="badge" data-testid={`what-if-${p.id}`}>{t('scenario.nav')}</span>}
            {p.status === 'draft' && p.scenarioId === null && (
              <button
                className="secondary small"
                onClick={() => window.confirm(publishQuestion(p)) && onPublish(p.id)}
                data-testid={`publish-${p.id}`}
              >
                {t('plan.list.publish')}
              </button>
            )}
          </div>
          <div className="muted small">
            {t('plan.list.createdOn', { date: formatDate(p.createdAt.slice(0, 10)), from: formatDate(p.fromDate) })}
            {p.publishedAt && ` · ${t('plan.list.publishedOn', { date: formatDate(p.publishedAt.slice(0, 10)) })}`}
            {' · '}
            <button className="link small" onClick={() => setEditing({ id: p.id, name: p.name })} data-testid={`rename-${p.id}`}>{t('plan.list.rename')}</button>
            {p.status === 'draft' && (
              <>
                {' · '}
                <button
                  className="link small danger"
                  data-testid={`delete-${p.id}`}
                  onClick={() => window.confirm(t('plan.list.deleteConfirm', { name: p.name })) && onDelete(p.id)}
                >
                  {t('plan.list.delete')}
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
