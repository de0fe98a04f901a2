import { useTranslation } from 'react-i18next';
import type { ResultVisit } from '../../../src-main/api/contract';
import { COUNT_FIELDS, type RowDraft } from './draft';
import { ResultRow, type RowState } from './ResultRow';
import { useSheetKeys } from './useSheetKeys';

export type { RowState } from './ResultRow';

/**
 * The day's visits, one row each, typed like a sheet: digits only in the counts, Enter saves
 * the row and goes to the next one, Tab to the next cell, arrow up/down to the same cell of the
 * row above or below; leaving a changed row saves it.
 */
export function ResultsTable({ visits, rows, onChange, onSave, onClear }: {
  visits: ResultVisit[];
  rows: ReadonlyMap<number, RowState>;
  onChange: (visitId: number, draft: RowDraft) => void;
  onSave: (visit: ResultVisit) => void;
  onClear: (visit: ResultVisit) => void;
}) {
  const { t } = useTranslation();
  const { body, onKey } = useSheetKeys(visits, onSave);

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
            return (
              <ResultRow key={v.visitId} visit={v} index={index} state={state}
                onChange={onChange} onSave={onSave} onClear={onClear} onKey={onKey} />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
