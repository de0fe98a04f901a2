import { useMemo, useState } from 'react';
import { collator } from '../../lib/format';

/** What a column offers for sorting and filtering. */
export interface SortableColumn<Row> {
  key: string;
  value: (row: Row) => string | number;
}

/** Filter (substring, any column) then sort (numbers by value, text the Vietnamese way). */
export function useSortFilter<Row>(rows: Row[], columns: Array<SortableColumn<Row>>) {
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
  const ariaSort = (key: string): 'ascending' | 'descending' | 'none' =>
    sort?.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none';
  const mark = (key: string): string => (sort?.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : '');
  return { shown, filter, setFilter, toggle, ariaSort, mark };
}
