import { useTranslation } from 'react-i18next';
import { SERVICE_PRIORITIES } from '../../../src-main/core/model';
import { OptionalDate } from './OptionalDate';
import { ScenarioBacklogFields } from './ScenarioBacklogFields';
import { ScenarioCalendarFields } from './ScenarioCalendarFields';
import type { Draft, SetDraft } from './scenario-draft';
import { ScenarioShiftFields } from './ScenarioShiftFields';
import { ScenarioTeamsFields } from './ScenarioTeamsFields';

/** The planning start date and the service priority, as a scenario change. */
function CampaignFields({ d, set }: { d: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('scenario.form.campaign')}</summary>
      <OptionalDate caption={t('scenario.form.startDate')} label={t('scenario.form.startDate')} value={d.startDate} onChange={(startDate) => set({ startDate })} testId="scenario-start" />
      <label>{t('register.campaign.priority')}
        <select value={d.priority} onChange={(e) => set({ priority: e.target.value as Draft['priority'] })}>
          <option value="">{t('scenario.form.asBase')}</option>
          {SERVICE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`register.campaign.priorities.${p}`)}</option>)}
        </select>
      </label>
    </details>
  );
}

/**
 * The changes beyond the usual few, each group folded until wanted: teams away, throughput,
 * kits; shifts' hours changed, copied, removed; extra days off; the backlog of a commune or a
 * service; the start date and the service priority.
 */
export function ScenarioMoreFields({ d, set }: { d: Draft; set: SetDraft }) {
  return (
    <>
      <ScenarioTeamsFields d={d} set={set} />
      <ScenarioShiftFields d={d} set={set} />
      <ScenarioCalendarFields d={d} set={set} />
      <ScenarioBacklogFields d={d} set={set} />
      <CampaignFields d={d} set={set} />
    </>
  );
}
