import { useTranslation } from 'react-i18next';
import { DateInput } from '../../app/DateInput';
import { formatDate } from '../../lib/format';

/** Whose visits the screen shows: the whole area, a commune (c:id) or a team (t:id). */
export type Scope = '' | `c:${number}` | `t:${number}`;

export const scopeParams = (scope: Scope): { communeId?: number; teamId?: number } =>
  scope.startsWith('c:') ? { communeId: Number(scope.slice(2)) } : scope.startsWith('t:') ? { teamId: Number(scope.slice(2)) } : {};

/** The day, the commune or team, and the day's actions: done as planned, import a roster, undo. */
export function ResultsToolbar({ date, onDate, scope, onScope, communes, teams, unrecorded, undoText, onDoneAsPlanned, onImport, onUndo }: {
  date: string | null;
  onDate: (date: string) => void;
  scope: Scope;
  onScope: (scope: Scope) => void;
  communes: ReadonlyArray<[number, string]>;
  teams: ReadonlyArray<[number, string]>;
  unrecorded: number;
  /** What undo would take back, or null when nothing of the results can be undone. */
  undoText: string | null;
  onDoneAsPlanned: () => void;
  onImport: () => void;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      <label>
        {t('results.day')}{' '}
        <DateInput value={date ?? ''} onChange={onDate} testId="results-date" label={t('results.day')} />
      </label>
      <label>
        {t('results.scope')}{' '}
        <select value={scope} onChange={(e) => onScope(e.target.value as Scope)} data-testid="results-scope" aria-label={t('results.scope')}>
          <option value="">{t('results.wholeArea')}</option>
          <optgroup label={t('results.communes')}>
            {communes.map(([id, name]) => <option key={`c${id}`} value={`c:${id}`}>{name}</option>)}
          </optgroup>
          <optgroup label={t('results.teams')}>
            {teams.map(([id, name]) => <option key={`t${id}`} value={`t:${id}`}>{name}</option>)}
          </optgroup>
        </select>
      </label>
      <button onClick={onDoneAsPlanned} disabled={!date || unrecorded === 0} data-testid="done-as-planned"
        title={date ? t('results.doneAsPlannedTitle', { date: formatDate(date) }) : undefined}>
        ✓ {t('results.doneAsPlanned')}
      </button>
      <button className="secondary" onClick={onImport} data-testid="roster-import-open">{t('results.import.open')}</button>
      <button className="secondary" onClick={onUndo} disabled={undoText === null} data-testid="results-undo"
        title={undoText ?? t('results.nothingToUndo')}>
        ↶ {t('results.undo')}{undoText ? `: ${undoText}` : ''}
      </button>
    </div>
  );
}
