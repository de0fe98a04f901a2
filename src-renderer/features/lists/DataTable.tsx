import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { collator } from '../../lib/format';

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
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('vi');
    const filtered = needle
      ? rows.filter((r) => columns.some((c) => String(c.value(r)).toLocaleLowerCase('vi').includes(needle)))
      : rows;
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col || !sort) return filtered;
    return [...filtered].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
      return cmp * sort.dir;
    });
  }, [rows, columns, sort, filter]);

  const toggle = (key: string): void =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));

  return (
    <div className="table-wrap">
      <div className="table-tools">
        <input type="search" placeholder={t('lists.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('lists.filter')} />
        <span className="muted">{t('lists.count', { count: shown.length })}</span>
      </div>
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              >
                <button className="sort" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span className="sort-mark">{sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
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
