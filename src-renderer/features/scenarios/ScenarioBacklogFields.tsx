import { useTranslation } from 'react-i18next';
import { useRpc } from '../../lib/useRpc';
import type { Draft, SetDraft } from './scenario-draft';

/** A backlog change: the whole area or one commune, both services or one, by a percentage or a number of people. */
export function ScenarioBacklogFields({ d, set }: { d: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  const communes = useRpc('register.list', { list: 'communes' });
  return (
    <details>
      <summary>{t('scenario.form.backlog')}</summary>
      <label>{t('scenario.form.commune')}
        <select data-testid="scenario-backlog-commune" value={d.backlogCommune} onChange={(e) => set({ backlogCommune: e.target.value })}>
          <option value="">{t('scenario.form.wholeArea')}</option>
          {communes.data?.rows.map((r) => <option key={r.key} value={String(r.record.code)}>{String(r.record.name)}</option>)}
        </select>
      </label>
      <label>{t('scenario.form.service')}
        <select data-testid="scenario-backlog-service" value={d.backlogService} onChange={(e) => set({ backlogService: e.target.value as Draft['backlogService'] })}>
          <option value="">{t('scenario.form.bothServices')}</option>
          <option value="cccd">{t('scenario.row.cccd')}</option>
          <option value="eid">{t('scenario.row.eid')}</option>
        </select>
      </label>
      <div className="row">
        <label>{t('scenario.backlogPct')}
          <input type="number" min={-100} max={500} value={d.backlogPct} disabled={d.backlogPeople !== ''} onChange={(e) => set({ backlogPct: e.target.value })} />
        </label>
        <label>{t('scenario.form.backlogPeople')}
          <input type="number" min={-1_000_000} max={1_000_000} step={1} value={d.backlogPeople} disabled={d.backlogPct !== ''} onChange={(e) => set({ backlogPeople: e.target.value })} />
        </label>
      </div>
      <p className="muted small hint">{t('scenario.form.backlogHint')}</p>
    </details>
  );
}
