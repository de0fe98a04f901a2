import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyListSpec, FieldValue, ProblemDto, RegisterRow } from '../../../src-main/api/contract';
import { countText, formatNumber } from '../../lib/format';
import { useSortFilter } from '../lists/useSortFilter';
import { CellEditor, fromText, isProblemDto, type RefChoices } from './FieldControl';
import { displayValue, langOf, problemText, sortValue } from './format';

/** What a save of one field answers: nothing when saved, else the problems per field. */
export type SaveField = (key: string, field: string, value: FieldValue | null) => Promise<Array<ProblemDto & { field: string | null }> | null>;

const PAGE = 300;

interface Col {
  key: string;
  header: string;
  numeric: boolean;
  editable: boolean;
  value: (row: RegisterRow) => string | number;
}

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
  const [editing, setEditing] = useState<{ key: string; field: string } | null>(null);
  const [errors, setErrors] = useState<Map<string, ProblemDto>>(new Map());
  const [limit, setLimit] = useState(PAGE);

  const columns = useMemo<Col[]>(() => {
    const fields: Col[] = spec.fields.map((f) => ({
      key: f.key, header: f.header[lang], numeric: f.kind === 'int' || f.kind === 'decimal', editable: true,
      value: (r: RegisterRow) => sortValue(f, r.record[f.key], lang, t),
    }));
    const extras: Col[] = extra.map((k) => ({ key: `extra.${k}`, header: t(`register.extra.${k}`), numeric: true, editable: false, value: (r: RegisterRow) => r.extra[k] ?? 0 }));
    const at = extraAfter === undefined ? fields.length : fields.findIndex((c) => c.key === extraAfter) + 1 || fields.length;
    return [...fields.slice(0, at), ...extras, ...fields.slice(at)];
  }, [spec, extra, extraAfter, lang, t]);
  const { shown, filter, setFilter, toggle, ariaSort, mark } = useSortFilter(rows, columns);

  const setRowErrors = (key: string, problems: Array<ProblemDto & { field: string | null }>, fallbackField: string): void =>
    setErrors((prev) => {
      const next = new Map([...prev].filter(([k]) => !k.startsWith(`${key}|`)));
      for (const p of problems) if (!next.has(`${key}|${p.field ?? fallbackField}`)) next.set(`${key}|${p.field ?? fallbackField}`, p);
      return next;
    });

  const commit = async (row: RegisterRow, field: string, text: string): Promise<boolean> => {
    const spec_ = spec.fields.find((f) => f.key === field)!;
    const value = fromText(spec_, text);
    if (isProblemDto(value)) {
      setRowErrors(row.key, [{ ...value, field }], field);
      return false;
    }
    const problems = await onSave(row.key, field, value);
    if (problems?.length) {
      setRowErrors(row.key, problems, field);
      return false;
    }
    setRowErrors(row.key, [], field);
    setEditing(null);
    return true;
  };

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
            <tr key={row.key} data-key={row.key}>
              {columns.map((c) => {
                if (!c.editable) {
                  const k = c.key.slice('extra.'.length);
                  return <td key={c.key} className="num readonly" data-extra={k}>{formatNumber(row.extra[k] ?? 0, lang)}</td>;
                }
                const f = spec.fields.find((x) => x.key === c.key)!;
                const problem = errors.get(`${row.key}|${f.key}`);
                const isEditing = editing?.key === row.key && editing.field === f.key;
                const numeric = f.kind === 'int' || f.kind === 'decimal';
                // Lists (roads, days off ...) wrap, so a row's buttons stay on a 1366 px screen.
                const list = f.kind === 'choices' || f.kind === 'dates' || f.kind === 'ints';
                return (
                  <td
                    key={f.key}
                    className={[numeric ? 'num' : '', 'editable', list ? 'list' : '', problem ? 'invalid' : '', isEditing ? 'editing' : ''].join(' ').trim()}
                    data-field={f.key}
                    tabIndex={isEditing ? -1 : 0}
                    onClick={() => !isEditing && setEditing({ key: row.key, field: f.key })}
                    onKeyDown={(e) => {
                      if (!isEditing && (e.key === 'Enter' || e.key === 'F2')) setEditing({ key: row.key, field: f.key });
                    }}
                  >
                    {isEditing ? (
                      <CellEditor
                        field={f}
                        value={row.record[f.key]}
                        choices={choices}
                        label={f.header[lang]}
                        error={Boolean(problem)}
                        onCommit={(text) => commit(row, f.key, text)}
                        onCancel={() => {
                          setEditing(null);
                          setRowErrors(row.key, [], f.key);
                        }}
                      />
                    ) : (
                      displayValue(f, row.record[f.key], lang, t)
                    )}
                    {problem && <div className="cell-error" role="alert">{problemText(t, problem)}</div>}
                  </td>
                );
              })}
              <td className="actions">
                {onCopy && (
                  <button className="link" onClick={() => onCopy(row)} aria-label={`${t('area.copy.button')} ${spec.label(row.record)}`}>
                    {t('area.copy.button')}
                  </button>
                )}
                <button className="link danger-link" onClick={() => onDelete(row)} aria-label={`${t('register.tools.delete')} ${spec.label(row.record)}`}>
                  {t('register.tools.delete')}
                </button>
              </td>
            </tr>
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
