import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioChange } from '../../../src-main/core/model';
import { useRpc } from '../../lib/useRpc';
import { OptionalDate } from './OptionalDate';
import { changesOf, DraftProblem, EMPTY_DRAFT, type Draft } from './scenario-draft';
import { ScenarioMoreFields } from './ScenarioMoreFields';
import { VehicleKindSelect } from './VehicleKindSelect';

/**
 * A new scenario: its name and the changes it holds, several at once. The server checks each
 * change against the data (losing more cars than there are, a deadline before the start ...)
 * and names the one that cannot apply; nothing is saved then.
 */
export function ScenarioForm({ onCreate }: { onCreate: (s: { name: string; note: string; changes: ScenarioChange[] }) => Promise<boolean> }) {
  const { t } = useTranslation();
  const teams = useRpc('teams.list');
  const bases = useRpc('register.list', { list: 'bases' });
  const [d, setD] = useState<Draft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const set = (patch: Partial<Draft>): void => {
    setD((old) => ({ ...old, ...patch }));
    setProblem(null); // what was named is being mended
  };
  const submit = async (): Promise<void> => {
    let changes: ScenarioChange[];
    try {
      if (!d.name.trim()) throw new DraftProblem('name', 'scenario.form.nameNeeded');
      changes = changesOf(d);
    } catch (err) {
      if (err instanceof DraftProblem) return setProblem(err);
      throw err;
    }
    setProblem(null);
    if (await onCreate({ name: d.name.trim(), note: d.note, changes })) setD(EMPTY_DRAFT);
  };
  return (
    <form className="card scenario-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('scenario.new')}</h2>
      <label>{t('scenario.name')}<input value={d.name} maxLength={120} required onChange={(e) => set({ name: e.target.value })} /></label>
      <label>{t('scenario.note')}<input value={d.note} maxLength={1000} onChange={(e) => set({ note: e.target.value })} /></label>
      <fieldset>
        <legend>{t('scenario.changes')}</legend>
        <OptionalDate caption={t('scenario.deadline')} label={t('scenario.deadline')} value={d.deadline} onChange={(deadline) => set({ deadline })} testId="scenario-deadline" />
        <div className="row">
          <label>{t('scenario.addTeams')}<input type="number" min={1} max={100} value={d.addTeams} onChange={(e) => set({ addTeams: e.target.value })} /></label>
          <label>{t('scenario.likeTeam')}
            <select value={d.likeTeam} onChange={(e) => set({ likeTeam: e.target.value })}>
              <option value="">—</option>
              {teams.data?.map((team) => <option key={team.id} value={team.code}>{team.name}</option>)}
            </select>
          </label>
          <label>{t('scenario.baseFor')}
            <select value={d.addBase} onChange={(e) => set({ addBase: e.target.value })}>
              <option value="">{t('scenario.likeBase')}</option>
              {bases.data?.choices.bases.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
        </div>
        <div className="row">
          <label>{t('scenario.loseVehicles')}<input type="number" min={1} max={500} value={d.lose} onChange={(e) => set({ lose: e.target.value })} /></label>
          <VehicleKindSelect value={d.loseKind} onChange={(loseKind) => set({ loseKind })} />
        </div>
        {d.lose && (
          <div className="row">
            <OptionalDate caption={t('scenario.form.from')} label={t('scenario.loseFrom')} value={d.loseFrom} onChange={(loseFrom) => set({ loseFrom })} />
            <OptionalDate caption={t('scenario.form.to')} label={t('scenario.loseTo')} value={d.loseTo} onChange={(loseTo) => set({ loseTo })} />
          </div>
        )}
        <div className="row">
          <label>{t('scenario.addVehicles')}<input type="number" min={1} max={500} value={d.add} onChange={(e) => set({ add: e.target.value })} /></label>
          <VehicleKindSelect value={d.addKind} onChange={(addKind) => set({ addKind })} />
        </div>
        <ScenarioMoreFields d={d} set={set} />
      </fieldset>
      {problem && <p className="warn" role="alert" data-testid="scenario-form-problem">{t(problem.key, problem.params)}</p>}
      <button type="submit">{t('scenario.create')}</button>
    </form>
  );
}
