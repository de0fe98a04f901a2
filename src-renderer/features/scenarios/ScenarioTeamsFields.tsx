import { useTranslation } from 'react-i18next';
import { useRpc } from '../../lib/useRpc';
import { OptionalDate } from './OptionalDate';
import type { Draft, SetDraft } from './scenario-draft';

/** Teams ticked by code (the district's teams, a short list kept to a few lines by scrolling). */
function TeamTicks({ label, codes, value, onChange, testId }: {
  label: string;
  codes: readonly string[];
  value: string[];
  onChange: (codes: string[]) => void;
  testId: string;
}) {
  return (
    <fieldset data-testid={testId}>
      <legend>{label}</legend>
      <div className="ticks team-ticks">
        {codes.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={value.includes(code)}
              onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((c) => c !== code))} />
            {code}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Teams away on a date range (none given: the whole campaign), a throughput change for every
 * team or those ticked, and CCCD enrolment kits given to teams.
 */
export function ScenarioTeamsFields({ d, set }: { d: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  const teams = useRpc('teams.list');
  const codes = teams.data?.map((team) => team.code) ?? [];
  return (
    <details>
      <summary>{t('scenario.form.teams')}</summary>
      <TeamTicks label={t('scenario.form.awayTeams')} codes={codes} value={d.awayTeams} onChange={(awayTeams) => set({ awayTeams })} testId="scenario-away-teams" />
      {d.awayTeams.length > 0 && (
        <>
          <div className="row">
            <OptionalDate caption={t('scenario.form.from')} label={t('scenario.form.awayFrom')} value={d.awayFrom} onChange={(awayFrom) => set({ awayFrom })} />
            <OptionalDate caption={t('scenario.form.to')} label={t('scenario.form.awayTo')} value={d.awayTo} onChange={(awayTo) => set({ awayTo })} />
          </div>
          <p className="muted small hint">{t('scenario.form.wholeCampaign')}</p>
        </>
      )}
      <label>{t('scenario.form.throughputPct')}
        <input type="number" min={-90} max={300} step={1} value={d.throughputPct} onChange={(e) => set({ throughputPct: e.target.value })} />
      </label>
      {d.throughputPct !== '' && (
        <TeamTicks label={t('scenario.form.throughputTeams')} codes={codes} value={d.throughputTeams}
          onChange={(throughputTeams) => set({ throughputTeams })} testId="scenario-throughput-teams" />
      )}
      <TeamTicks label={t('scenario.form.kitTeams')} codes={codes} value={d.kitTeams} onChange={(kitTeams) => set({ kitTeams })} testId="scenario-kit-teams" />
    </details>
  );
}
