import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyListSpec, RegisterRow } from '../../../src-main/api/contract';
import { countText, formatNumber } from '../../lib/format';
import { useSortFilter } from '../lists/useSortFilter';
import type { RefChoices } from './FieldControl';
import { langOf } from './format';
import { RegisterTableRow } from './RegisterTableRow';
import { useCellEditing, type SaveField } from './useCellEditing';
import { useRegisterColumns } from './useRegisterColumns';

export type { SaveField } from './useCellEditing';

const PAGE = 300;

/**
 * A list as a spreadsheet-like table: click a cell to edit it; a wrong value stays in the
 * cell, marked, with the reason underneath, and nothing is saved until it is right.
 */
export function RegisterTable({ spec, rows, choices, extra, extraAfter, onSave, onDelete, onCopy, testId }: {
  spec: AnyListSpec;
  rows: RegisterRow[];
  choices: RefChoices;
  /** Read-only figures after the fields (e.g. a commune's hamlets and backlog). */
  extra: string[];
  /** The field the read-only figures follow (by default they come after every field). */
  extraAfter?: string;
  onSave: SaveField;
  onDelete: (row: RegisterRow) => void;
  /** Lists whose rows can be copied into a new one (teams, vehicles). */
  onCopy?: (row: RegisterRow) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const cells = useCellEditing(spec, onSave);
  const [limit, setLimit] = useState(PAGE);
  const columns = useRegisterColumns(spec, extra, extraAfter);
  const { shown, filter, setFilter, toggle, ariaSort, mark } = useSortFilter(rows, columns);

  return (
    <div className="table-wrap register-table">
      <div className="table-tools">
        <input type="search" placeholder={t('register.tools.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('register.tools.filter')} />
        <span className="muted">{countText(t, 'register.tools.count', shown.length, lang)} · {t('register.tools.editHint')}</span>
      </div>
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={ariaSort(c.key)}>
                <button className="sort" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span className="sort-mark">{mark(c.key)}</span>
                </button>
              </th>
            ))}
            <th aria-label={t('register.tools.delete')} />
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map((row) => (
            <RegisterTableRow key={row.key} row={row} columns={columns} spec={spec} choices={choices} cells={cells} onDelete={onDelete} onCopy={onCopy} />
          ))}
        </tbody>
      </table>
      {shown.length > limit && (
        <button className="secondary show-more" onClick={() => setLimit((l) => l + 1000)}>
          {t('register.tools.showMore', { count: Math.min(1000, shown.length - limit), n: formatNumber(Math.min(1000, shown.length - limit), lang) })}
        </button>
      )}
    </div>
  );
}
