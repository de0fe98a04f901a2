import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioChange, VehicleKind } from '../../../src-main/core/model';
import { DateInput } from '../../app/DateInput';
import { useRpc } from '../../lib/useRpc';
import { VehicleKindSelect } from './VehicleKindSelect';

interface Draft {
  name: string;
  note: string;
  deadline: string;
  addTeams: string;
  likeTeam: string;
  loseKind: VehicleKind;
  lose: string;
  addKind: VehicleKind;
  add: string;
  backlogPct: string;
}

const EMPTY: Draft = { name: '', note: '', deadline: '', addTeams: '', likeTeam: '', loseKind: 'car', lose: '', addKind: 'car', add: '', backlogPct: '' };

/** Whole numbers typed in a field; empty means "no such change". */
const whole = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The changes the filled fields describe, in the order a manager reads them. */
function changesOf(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  if (d.deadline) out.push({ kind: 'deadline', deadline: d.deadline });
  const teams = whole(d.addTeams);
  if (teams !== null) out.push({ kind: 'addTeams', count: teams, likeTeam: d.likeTeam, withVehicles: true });
  const lose = whole(d.lose);
  if (lose !== null) out.push({ kind: 'loseVehicles', vehicleKind: d.loseKind, count: lose });
  const add = whole(d.add);
  if (add !== null) out.push({ kind: 'addVehicles', vehicleKind: d.addKind, count: add });
  const pct = whole(d.backlogPct);
  if (pct !== null) out.push({ kind: 'backlog', percent: pct });
  return out;
}

/**
 * A new scenario: its name and the changes it holds, several at once. The server checks each
 * change against the data (losing more cars than there are, a deadline before the start ...)
 * and names the one that cannot apply; nothing is saved then.
 */
export function ScenarioForm({ onCreate }: { onCreate: (s: { name: string; note: string; changes: ScenarioChange[] }) => Promise<boolean> }) {
  const { t } = useTranslation();
  const teams = useRpc('teams.list');
  const [d, setD] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>): void => setD((old) => ({ ...old, ...patch }));
  const submit = async (): Promise<void> => {
    if (await onCreate({ name: d.name.trim(), note: d.note, changes: changesOf(d) })) setD(EMPTY);
  };
  return (
    <form className="card scenario-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('scenario.new')}</h2>
      <label>{t('scenario.name')}<input value={d.name} maxLength={120} required onChange={(e) => set({ name: e.target.value })} /></label>
      <label>{t('scenario.note')}<input value={d.note} maxLength={1000} onChange={(e) => set({ note: e.target.value })} /></label>
      <fieldset>
        <legend>{t('scenario.changes')}</legend>
        <div className="field">
          <span>{t('scenario.deadline')}</span>
          <DateInput label={t('scenario.deadline')} value={d.deadline} onChange={(deadline) => set({ deadline })} testId="scenario-deadline" />
        </div>
        <div className="row">
          <label>{t('scenario.addTeams')}<input type="number" min={1} max={100} value={d.addTeams} onChange={(e) => set({ addTeams: e.target.value })} /></label>
          <label>{t('scenario.likeTeam')}
            <select value={d.likeTeam} onChange={(e) => set({ likeTeam: e.target.value })}>
              <option value="">—</option>
              {teams.data?.map((team) => <option key={team.id} value={team.code}>{team.name}</option>)}
            </select>
          </label>
        </div>
        <div className="row">
          <label>{t('scenario.loseVehicles')}<input type="number" min={1} max={500} value={d.lose} onChange={(e) => set({ lose: e.target.value })} /></label>
          <VehicleKindSelect value={d.loseKind} onChange={(loseKind) => set({ loseKind })} />
        </div>
        <div className="row">
          <label>{t('scenario.addVehicles')}<input type="number" min={1} max={500} value={d.add} onChange={(e) => set({ add: e.target.value })} /></label>
          <VehicleKindSelect value={d.addKind} onChange={(addKind) => set({ addKind })} />
        </div>
        <label>{t('scenario.backlogPct')}<input type="number" min={-100} max={500} value={d.backlogPct} onChange={(e) => set({ backlogPct: e.target.value })} /></label>
      </fieldset>
      <button type="submit">{t('scenario.create')}</button>
    </form>
  );
}
