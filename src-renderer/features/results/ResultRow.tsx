import { useTranslation } from 'react-i18next';
import { NOT_DONE_REASONS, type NotDoneReason, type ResultVisit } from '../../../src-main/api/contract';
import { formatMinutes, formatNumber } from '../../lib/format';
import { COUNT_FIELDS, countProblem, draftOf, draftProblem, isBlank, sameDraft, type CountField, type RowDraft } from './draft';
import type { SheetKey } from './useSheetKeys';

export interface RowState {
  draft: RowDraft;
  error: string | null;
  saving: boolean;
}

type RowStatus = 'dirty' | 'unrecorded' | 'notDone' | 'recorded';

/** One visit of the day: where and when, what was planned, the counts typed, and the row's status. */
export function ResultRow({ visit: v, index, state, onChange, onSave, onClear, onKey }: {
  visit: ResultVisit;
  index: number;
  state: RowState;
  onChange: (visitId: number, draft: RowDraft) => void;
  onSave: (visit: ResultVisit) => void;
  onClear: (visit: ResultVisit) => void;
  onKey: SheetKey;
}) {
  const { t, i18n } = useTranslation();
  const num = (value: number): string => formatNumber(value, i18n.language);
  const { draft } = state;
  const dirty = !sameDraft(draft, draftOf(v)) && !(v.result === null && isBlank(draft));
  const notDone = draft.notDone !== '';
  const set = (patch: Partial<RowDraft>): void => onChange(v.visitId, { ...draft, ...patch });
  const status: RowStatus = dirty ? 'dirty' : v.result === null ? 'unrecorded' : v.result.notDone ? 'notDone' : 'recorded';
  return (
    <tr
      data-testid={`result-row-${index}`}
      className={`status-${status}`}
      onBlur={(e) => {
        // Leaving a changed row saves it, as a sheet would keep what was typed.
        if (dirty && !e.currentTarget.contains(e.relatedTarget as Node | null)) onSave(v);
      }}
    >
      <td className="place">{v.hamletName}</td>
      <td className="place">{v.communeName}</td>
      <td title={v.teamName}>{v.teamCode}</td>
      <td title={t('results.timeTitle', { shift: v.shiftName, start: formatMinutes(v.startMin), end: formatMinutes(v.endMin) })}>{formatMinutes(v.arriveMin)}–{formatMinutes(v.endMin)}</td>
      {(['cccd', 'eid'] as const).map((s) => (
        <td key={s} className="num readonly" title={t('results.plannedTitle', { venue: num(v.quota[s]), home: num(v.homeVisits[s]) })}>
          {num(v.quota[s] + v.homeVisits[s])}
        </td>
      ))}
      {COUNT_FIELDS.map((f) => (
        <CountCell key={f} field={f} visit={v} index={index} draft={draft} disabled={notDone} set={set} onKey={onKey} />
      ))}
      <td>
        <input
          type="text"
          className="note"
          maxLength={1000}
          aria-label={`${t('results.col.note')} · ${v.hamletName}`}
          data-row={index}
          data-col="note"
          data-testid={`note-${index}`}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          onKeyDown={(e) => onKey(e, index, 'note')}
        />
      </td>
      <NotDoneCell visit={v} index={index} value={draft.notDone} onChoose={(notDone) => set({ notDone })} onKey={onKey} />
      <td className="num readonly" title={t('results.leftTitle', { cccd: num(v.hamletRemaining.cccd), eid: num(v.hamletRemaining.eid) })}>
        {num(v.hamletRemaining.cccd + v.hamletRemaining.eid)}
      </td>
      <StatusCell visit={v} index={index} state={state} status={status} dirty={dirty} onSave={onSave} onClear={onClear} />
    </tr>
  );
}

/** A count as typed, marked when it is no number of people (the row says why and will not save). Empty when the visit was not done. */
function CountCell({ field: f, visit: v, index, draft, disabled, set, onKey }: {
  field: CountField;
  visit: ResultVisit;
  index: number;
  draft: RowDraft;
  disabled: boolean;
  set: (patch: Partial<RowDraft>) => void;
  onKey: SheetKey;
}) {
  const { t } = useTranslation();
  const invalid = !disabled && countProblem(draft[f]) !== null;
  return (
    <td className="num">
      <input
        type="text"
        inputMode="numeric"
        size={5}
        aria-label={`${t(`results.col.${f}`)} · ${v.hamletName}`}
        data-row={index}
        data-col={f}
        data-testid={`${f}-${index}`}
        value={disabled ? '' : draft[f]}
        disabled={disabled}
        className={invalid ? 'invalid' : undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => set({ [f]: e.target.value })}
        onKeyDown={(e) => onKey(e, index, f)}
      />
    </td>
  );
}

/** Why the visit was not done (none: it was). */
function NotDoneCell({ visit: v, index, value, onChoose, onKey }: {
  visit: ResultVisit;
  index: number;
  value: NotDoneReason | '';
  onChoose: (reason: NotDoneReason | '') => void;
  onKey: SheetKey;
}) {
  const { t } = useTranslation();
  return (
    <td>
      <select
        aria-label={`${t('results.col.notDone')} · ${v.hamletName}`}
        data-row={index}
        data-col="notDone"
        data-testid={`notDone-${index}`}
        title={value ? t(`results.reason.${value}`) : undefined}
        value={value}
        onChange={(e) => onChoose(e.target.value as NotDoneReason | '')}
        onKeyDown={(e) => onKey(e, index, 'notDone')}
      >
        <option value="">{t('results.reason.none')}</option>
        {NOT_DONE_REASONS.map((r) => <option key={r} value={r}>{t(`results.reason.${r}`)}</option>)}
      </select>
    </td>
  );
}

/** The row's status, its save (when changed) or clear (when recorded) button, and why a save failed. */
function StatusCell({ visit: v, index, state, status, dirty, onSave, onClear }: {
  visit: ResultVisit;
  index: number;
  state: RowState;
  status: RowStatus;
  dirty: boolean;
  onSave: (visit: ResultVisit) => void;
  onClear: (visit: ResultVisit) => void;
}) {
  const { t, i18n } = useTranslation();
  // What was typed and cannot be saved is said as it is typed, before any save is tried.
  const problem = dirty ? draftProblem(state.draft) : null;
  return (
    <td>
      <div className="row-status">
        <span className={`badge ${status}`} data-testid={`status-${index}`}>{t(`results.status.${status}`)}</span>
        {dirty && <button className="small" tabIndex={-1} disabled={state.saving} onClick={() => onSave(v)}>{t('results.save')}</button>}
        {!dirty && v.result && <button className="small secondary" tabIndex={-1} onClick={() => onClear(v)}>{t('results.clear')}</button>}
      </div>
      {(problem || state.error) && (
        <div className="row-error" role="alert">{problem ? t(`results.count.${problem.key}`, { text: problem.text, max: formatNumber(problem.max, i18n.language) }) : state.error}</div>
      )}
    </td>
  );
}
