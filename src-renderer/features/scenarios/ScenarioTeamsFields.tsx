import { useTranslation } from 'react-i18next';
import { useRpc } from '../../lib/useRpc';
import { OptionalDate } from './OptionalDate';
import type { Draft, SetDraft } from './scenario-draft';

/** Teams ticked by code, shown by name (the district's teams, a short list kept to a few lines by scrolling). */
function TeamTicks({ label, teams, value, onChange, testId }: {
  label: string;
  teams: ReadonlyArray<{ code: string; name: string }>;
  value: string[];
  onChange: (codes: string[]) => void;
  testId: string;
}) {
  return (
    <fieldset data-testid={testId}>
      <legend>{label}</legend>
      <div className="ticks team-ticks">
        {teams.map(({ code, name }) => (
          <label key={code} className="check" title={code}>
            <input type="checkbox" checked={value.includes(code)}
              onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((c) => c !== code))} />
            {name} ({code})
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
  const named = teams.data ?? [];
  return (
    <details>
      <summary>{t('scenario.form.teams')}</summary>
      <TeamTicks label={t('scenario.form.awayTeams')} teams={named} value={d.awayTeams} onChange={(awayTeams) => set({ awayTeams })} testId="scenario-away-teams" />
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
        <TeamTicks label={t('scenario.form.throughputTeams')} teams={named} value={d.throughputTeams}
          onChange={(throughputTeams) => set({ throughputTeams })} testId="scenario-throughput-teams" />
      )}
      <TeamTicks label={t('scenario.form.kitTeams')} teams={named} value={d.kitTeams} onChange={(kitTeams) => set({ kitTeams })} testId="scenario-kit-teams" />
    </details>
  );
}
