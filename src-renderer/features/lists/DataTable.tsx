import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countText } from '../../lib/format';
import { useSortFilter } from './useSortFilter';

export interface Column<Row> {
  key: string;
  header: string;
  /** The value sorted and filtered on. */
  value: (row: Row) => string | number;
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** A sortable, filterable table; text sorts the Vietnamese way (see `collator`). */
export function DataTable<Row>({ rows, columns, rowKey, testId }: {
  rows: Row[];
  columns: Array<Column<Row>>;
  rowKey: (row: Row) => string | number;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const { shown, filter, setFilter, toggle, ariaSort, mark } = useSortFilter(rows, columns);

  return (
    <div className="table-wrap">
      <div className="table-tools">
        <input type="search" placeholder={t('lists.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('lists.filter')} />
        <span className="muted">{countText(t, 'lists.count', shown.length, i18n.language)}</span>
      </div>
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? 'num' : undefined}
                aria-sort={ariaSort(c.key)}
              >
                <button className="sort" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span className="sort-mark">{mark(c.key)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.render ? c.render(r) : c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
