import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec, ProblemDto } from '../../../src-main/api/contract';
import { SERVICE_PRIORITIES, type ServicePriority } from '../../../src-main/core/model';
import { formatDate } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { fromText, isProblemDto } from './FieldControl';
import { problemText } from './format';

const DATE_FIELD: FieldSpec = { key: 'date', kind: 'date', header: { vi: '', en: '' }, aliases: [], note: '' };

/** The campaign's name, start and deadline: shown as a line, edited in place. */
export function CampaignCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const cal = useRpc('calendar.list');
  const [form, setForm] = useState<{ name: string; startDate: string; deadline: string; servicePriority: ServicePriority } | null>(null);
  const [problems, setProblems] = useState<Record<string, ProblemDto>>({});
  const campaign = cal.data?.campaign ?? null;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!form) return;
    const local: Record<string, ProblemDto> = {};
    const dates: Record<string, string> = {};
    for (const k of ['startDate', 'deadline'] as const) {
      const v = fromText({ ...DATE_FIELD, key: k }, form[k]);
      if (v === null) local[k] = { key: 'required' };
      else if (isProblemDto(v)) local[k] = v;
      else dates[k] = String(v);
    }
    setProblems(local);
    if (Object.keys(local).length) return;
    const r = await call('campaign.update', { name: form.name, startDate: dates.startDate!, deadline: dates.deadline!, servicePriority: form.servicePriority });
    if (!r.saved) return setProblems(Object.fromEntries(r.problems.map((p) => [p.field ?? 'name', p])));
    setForm(null);
    cal.reload();
    onChanged();
  };

  const input = (k: 'name' | 'startDate' | 'deadline', label: string) => (
    <label className={problems[k] ? 'invalid' : undefined}>
      <span>{label}</span>
      <input aria-label={label} value={form?.[k] ?? ''} onChange={(e) => setForm((f) => f && { ...f, [k]: e.target.value })}
        placeholder={k === 'name' ? undefined : t('register.form.dateHint')} className={problems[k] ? 'invalid' : undefined} />
      {problems[k] && <span className="cell-error" role="alert">{problemText(t, problems[k])}</span>}
    </label>
  );

  return (
    <div className="card campaign-card">
      {!form && (
        <div className="toolbar">
          <span data-testid="campaign-line">
            {campaign
              ? `${t('register.campaign.line', { name: campaign.name, start: formatDate(campaign.startDate), deadline: formatDate(campaign.deadline) })}; `
                + t('register.campaign.priorityLine', { priority: t(`register.campaign.priorityShort.${campaign.servicePriority ?? 'cccd'}`) })
              : t('register.campaign.none')}
          </span>
          <button className="secondary" onClick={() => setForm({
            name: campaign?.name ?? '', startDate: campaign ? formatDate(campaign.startDate) : '', deadline: campaign ? formatDate(campaign.deadline) : '',
            servicePriority: campaign?.servicePriority ?? 'cccd',
          })}>{t('register.campaign.edit')}</button>
        </div>
      )}
      {form && (
        <form onSubmit={(e) => void submit(e)} className="form-grid">
          {input('name', t('register.campaign.name'))}
          {input('startDate', t('register.campaign.start'))}
          {input('deadline', t('register.campaign.deadline'))}
          <label>
            <span>{t('register.campaign.priority')}</span>
            <select aria-label={t('register.campaign.priority')} value={form.servicePriority}
              onChange={(e) => setForm((f) => f && { ...f, servicePriority: e.target.value as ServicePriority })}>
              {SERVICE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`register.campaign.priorities.${p}`)}</option>)}
            </select>
          </label>
          <div className="toolbar">
            <button type="submit">{t('register.form.save')}</button>
            <button type="button" className="secondary" onClick={() => { setForm(null); setProblems({}); }}>{t('register.form.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
