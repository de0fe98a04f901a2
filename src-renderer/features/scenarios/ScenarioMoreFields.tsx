import { useTranslation } from 'react-i18next';
import { SERVICE_PRIORITIES } from '../../../src-main/core/model';
import { DateInput } from '../../app/DateInput';
import { useRpc } from '../../lib/useRpc';
import type { Draft } from './scenario-draft';

type Set = (patch: Partial<Draft>) => void;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Teams ticked by code (a short list: the district's teams). */
function TeamTicks({ label, value, onChange, testId }: { label: string; value: string[]; onChange: (codes: string[]) => void; testId: string }) {
  const teams = useRpc('teams.list');
  return (
    <fieldset data-testid={testId}>
      <legend>{label}</legend>
      <div className="ticks">
        {teams.data?.map((team) => (
          <label key={team.id} className="check">
            <input type="checkbox" checked={value.includes(team.code)}
              onChange={(e) => onChange(e.target.checked ? [...value, team.code] : value.filter((c) => c !== team.code))} />
            {team.code}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TeamsSection({ d, set }: { d: Draft; set: Set }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('scenario.form.teams')}</summary>
      <TeamTicks label={t('scenario.form.awayTeams')} value={d.awayTeams} onChange={(awayTeams) => set({ awayTeams })} testId="scenario-away-teams" />
      <div className="row">
        <div className="field"><span>{t('scenario.form.from')}</span><DateInput label={t('scenario.form.awayFrom')} value={d.awayFrom} onChange={(awayFrom) => set({ awayFrom })} /></div>
        <div className="field"><span>{t('scenario.form.to')}</span><DateInput label={t('scenario.form.awayTo')} value={d.awayTo} onChange={(awayTo) => set({ awayTo })} /></div>
      </div>
      <label>{t('scenario.form.throughputPct')}<input type="number" min={-90} max={300} value={d.throughputPct} onChange={(e) => set({ throughputPct: e.target.value })} /></label>
      <TeamTicks label={t('scenario.form.kitTeams')} value={d.kitTeams} onChange={(kitTeams) => set({ kitTeams })} testId="scenario-kit-teams" />
    </details>
  );
}

function ShiftsSection({ d, set }: { d: Draft; set: Set }) {
  const { t } = useTranslation();
  const shifts = useRpc('shiftTemplates.list');
  const options = (
    <>
      <option value="">—</option>
      {shifts.data?.map((s) => <option key={s.code} value={s.code}>{s.name} ({s.code})</option>)}
    </>
  );
  return (
    <details>
      <summary>{t('scenario.form.shifts')}</summary>
      <label>{t('scenario.form.lengthenShift')}<select value={d.lengthenShift} onChange={(e) => set({ lengthenShift: e.target.value })}>{options}</select></label>
      <div className="row">
        <label>{t('scenario.form.newStart')}<input placeholder="hh:mm" value={d.lengthenStart} onChange={(e) => set({ lengthenStart: e.target.value })} /></label>
        <label>{t('scenario.form.newEnd')}<input placeholder="hh:mm" value={d.lengthenEnd} onChange={(e) => set({ lengthenEnd: e.target.value })} /></label>
      </div>
      <label>{t('scenario.form.copyShift')}<select value={d.copyShift} onChange={(e) => set({ copyShift: e.target.value })}>{options}</select></label>
      <label>{t('scenario.form.copyCode')}<input maxLength={40} value={d.copyCode} onChange={(e) => set({ copyCode: e.target.value })} /></label>
      <div className="ticks" aria-label={t('scenario.form.weekdays')}>
        {WEEKDAYS.map((day) => (
          <label key={day} className="check">
            <input type="checkbox" checked={d.copyWeekdays.includes(day)}
              onChange={(e) => set({ copyWeekdays: e.target.checked ? [...d.copyWeekdays, day] : d.copyWeekdays.filter((x) => x !== day) })} />
            {t(`scenario.form.weekday${day}`)}
          </label>
        ))}
      </div>
      <label>{t('scenario.form.removeShift')}<select value={d.removeShift} onChange={(e) => set({ removeShift: e.target.value })}>{options}</select></label>
      <label>{t('scenario.form.daysOff')}<input placeholder="dd/mm/yyyy, dd/mm/yyyy" value={d.daysOff} onChange={(e) => set({ daysOff: e.target.value })} /></label>
      <select aria-label={t('scenario.form.daysOffAs')} value={d.daysOffAs} onChange={(e) => set({ daysOffAs: e.target.value as Draft['daysOffAs'] })}>
        <option value="blackout">{t('scenario.form.blackout')}</option>
        <option value="holiday">{t('scenario.form.holiday')}</option>
      </select>
    </details>
  );
}

function BacklogSection({ d, set }: { d: Draft; set: Set }) {
  const { t } = useTranslation();
  const communes = useRpc('register.list', { list: 'communes' });
  return (
    <details>
      <summary>{t('scenario.form.backlog')}</summary>
      <label>{t('scenario.form.commune')}
        <select value={d.backlogCommune} onChange={(e) => set({ backlogCommune: e.target.value })}>
          <option value="">{t('scenario.form.wholeArea')}</option>
          {communes.data?.rows.map((r) => <option key={r.key} value={String(r.record.code)}>{String(r.record.name)}</option>)}
        </select>
      </label>
      <label>{t('scenario.form.service')}
        <select value={d.backlogService} onChange={(e) => set({ backlogService: e.target.value as Draft['backlogService'] })}>
          <option value="">{t('scenario.form.bothServices')}</option>
          <option value="cccd">CCCD</option>
          <option value="eid">{t('scenario.row.eid')}</option>
        </select>
      </label>
      <div className="row">
        <label>{t('scenario.backlogPct')}<input type="number" min={-100} max={500} value={d.backlogPct} onChange={(e) => set({ backlogPct: e.target.value })} /></label>
        <label>{t('scenario.form.backlogPeople')}<input type="number" value={d.backlogPeople} onChange={(e) => set({ backlogPeople: e.target.value })} /></label>
      </div>
    </details>
  );
}

/**
 * The changes beyond the usual few, each group folded until wanted: teams away, throughput,
 * kits; shifts lengthened, copied, removed, days off; the backlog of a commune or a service;
 * the start date and the service priority.
 */
export function ScenarioMoreFields({ d, set }: { d: Draft; set: Set }) {
  const { t } = useTranslation();
  return (
    <>
      <TeamsSection d={d} set={set} />
      <ShiftsSection d={d} set={set} />
      <BacklogSection d={d} set={set} />
      <details>
        <summary>{t('scenario.form.campaign')}</summary>
        <div className="field"><span>{t('scenario.form.startDate')}</span><DateInput label={t('scenario.form.startDate')} value={d.startDate} onChange={(startDate) => set({ startDate })} /></div>
        <label>{t('register.campaign.priority')}
          <select value={d.priority} onChange={(e) => set({ priority: e.target.value as Draft['priority'] })}>
            <option value="">{t('scenario.form.asBase')}</option>
            {SERVICE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`register.campaign.priorities.${p}`)}</option>)}
          </select>
        </label>
      </details>
    </>
  );
}
