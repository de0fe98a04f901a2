import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_DONE_REASONS, type NotDoneReason, type ResultVisit } from '../../../src-main/api/contract';
import { formatMinutes, formatNumber } from '../../lib/format';
import { COUNT_FIELDS, digitsOnly, draftOf, isBlank, sameDraft, type InputColumn, type RowDraft } from './draft';

export interface RowState {
  draft: RowDraft;
  error: string | null;
  saving: boolean;
}

/**
 * The day's visits, one row each, typed like a sheet: digits only in the counts, Enter saves
 * the row and goes to the next one, Tab to the next cell, arrow up/down to the same cell of the
 * row above or below; leaving a changed row saves it.
 */
export function ResultsTable({ visits, rows, onChange, onDropped, onSave, onClear }: {
  visits: ResultVisit[];
  rows: ReadonlyMap<number, RowState>;
  onChange: (visitId: number, draft: RowDraft) => void;
  /** A count cell dropped what was typed that is no digit ("-", letters): said on the row, not silently. */
  onDropped: (visitId: number, dropped: string) => void;
  onSave: (visit: ResultVisit) => void;
  onClear: (visit: ResultVisit) => void;
}) {
  const { t, i18n } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const num = (v: number): string => formatNumber(v, i18n.language);

  const focusCell = (row: number, col: InputColumn): void => {
    const el = body.current?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-row="${row}"][data-col="${col}"]`);
    if (el && !el.disabled) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    } else if (el) {
      body.current?.querySelector<HTMLSelectElement>(`[data-row="${row}"][data-col="notDone"]`)?.focus();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, index: number, col: InputColumn): void => {
    const visit = visits[index]!;
    if (e.key === 'Enter') {
      e.preventDefault();
      onSave(visit);
      if (index + 1 < visits.length) focusCell(index + 1, 'enrolledCccd');
      return;
    }
    // In the reason list the arrows choose a reason, as in any list.
    if (col === 'notDone') return;
    if (e.key === 'ArrowDown' && index + 1 < visits.length) {
      e.preventDefault();
      focusCell(index + 1, col);
    } else if (e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      focusCell(index - 1, col);
    }
  };

  return (
    <div className="table-wrap results-table">
      <table className="data">
        <thead>
          <tr>
            <th className="place">{t('results.col.hamlet')}</th>
            <th className="place">{t('results.col.commune')}</th>
            <th>{t('results.col.team')}</th>
            <th>{t('results.col.shift')}</th>
            <th className="num">{t('results.col.plannedCccd')}</th>
            <th className="num">{t('results.col.plannedEid')}</th>
            {COUNT_FIELDS.map((f) => <th key={f} className="num">{t(`results.col.${f}`)}</th>)}
            <th>{t('results.col.note')}</th>
            <th>{t('results.col.notDone')}</th>
            <th className="num">{t('results.col.left')}</th>
            <th>{t('results.col.status')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {visits.map((v, index) => {
            const state = rows.get(v.visitId);
            if (!state) return null;
            const { draft } = state;
            const dirty = !sameDraft(draft, draftOf(v)) && !(v.result === null && isBlank(draft));
            const notDone = draft.notDone !== '';
            const set = (patch: Partial<RowDraft>): void => onChange(v.visitId, { ...draft, ...patch });
            const status = dirty ? 'dirty' : v.result === null ? 'unrecorded' : v.result.notDone ? 'notDone' : 'recorded';
            return (
              <tr
                key={v.visitId}
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
                <td title={v.shiftName}>{formatMinutes(v.startMin)}–{formatMinutes(v.endMin)}</td>
                {(['cccd', 'eid'] as const).map((s) => (
                  <td key={s} className="num readonly" title={t('results.plannedTitle', { venue: num(v.quota[s]), home: num(v.homeVisits[s]) })}>
                    {num(v.quota[s] + v.homeVisits[s])}
                  </td>
                ))}
                {COUNT_FIELDS.map((f) => (
                  <td key={f} className="num">
                    <input
                      type="text"
                      inputMode="numeric"
                      size={5}
                      aria-label={`${t(`results.col.${f}`)} · ${v.hamletName}`}
                      data-row={index}
                      data-col={f}
                      data-testid={`${f}-${index}`}
                      value={notDone ? '' : draft[f]}
                      disabled={notDone}
                      onChange={(e) => {
                        set({ [f]: digitsOnly(e.target.value) });
                        const dropped = e.target.value.replace(/[\d\s]+/g, '');
                        if (dropped) onDropped(v.visitId, dropped);
                      }}
                      onKeyDown={(e) => onKey(e, index, f)}
                    />
                  </td>
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
                <td>
                  <select
                    aria-label={`${t('results.col.notDone')} · ${v.hamletName}`}
                    data-row={index}
                    data-col="notDone"
                    data-testid={`notDone-${index}`}
                    value={draft.notDone}
                    onChange={(e) => set({ notDone: e.target.value as NotDoneReason | '' })}
                    onKeyDown={(e) => onKey(e, index, 'notDone')}
                  >
                    <option value="">{t('results.reason.none')}</option>
                    {NOT_DONE_REASONS.map((r) => <option key={r} value={r}>{t(`results.reason.${r}`)}</option>)}
                  </select>
                </td>
                <td className="num readonly" title={t('results.leftTitle', { cccd: num(v.hamletRemaining.cccd), eid: num(v.hamletRemaining.eid) })}>
                  {num(v.hamletRemaining.cccd + v.hamletRemaining.eid)}
                </td>
                <td>
                  <div className="row-status">
                    <span className={`badge ${status}`} data-testid={`status-${index}`}>{t(`results.status.${status}`)}</span>
                    {dirty && <button className="small" tabIndex={-1} disabled={state.saving} onClick={() => onSave(v)}>{t('results.save')}</button>}
                    {!dirty && v.result && <button className="small secondary" tabIndex={-1} onClick={() => onClear(v)}>{t('results.clear')}</button>}
                  </div>
                  {state.error && <div className="row-error" role="alert">{state.error}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
