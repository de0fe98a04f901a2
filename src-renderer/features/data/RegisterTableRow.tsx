import { useTranslation } from 'react-i18next';
import type { AnyListSpec, FieldSpec, RegisterRow } from '../../../src-main/api/contract';
import { formatNumber } from '../../lib/format';
import { CellEditor, type RefChoices } from './FieldControl';
import { displayValue, langOf, problemText } from './format';
import type { CellEditing } from './useCellEditing';
import type { RegisterColumn } from './useRegisterColumns';

/** One record of a register table: its cells (editable, or read-only figures), then copy and delete. */
export function RegisterTableRow({ row, columns, spec, choices, cells, onDelete, onCopy }: {
  row: RegisterRow;
  columns: RegisterColumn[];
  spec: AnyListSpec;
  choices: RefChoices;
  cells: CellEditing;
  onDelete: (row: RegisterRow) => void;
  onCopy?: (row: RegisterRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <tr data-key={row.key}>
      {columns.map((c) => {
        if (!c.editable) {
          const k = c.key.slice('extra.'.length);
          return <td key={c.key} className="num readonly" data-extra={k}>{formatNumber(row.extra[k] ?? 0, lang)}</td>;
        }
        const f = spec.fields.find((x) => x.key === c.key)!;
        return <EditableCell key={f.key} row={row} field={f} choices={choices} cells={cells} />;
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
  );
}

/** A field's cell: its value, or its editor once clicked (Enter or F2 too), and the reason a value was refused. */
function EditableCell({ row, field: f, choices, cells }: { row: RegisterRow; field: FieldSpec; choices: RefChoices; cells: CellEditing }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const problem = cells.errors.get(`${row.key}|${f.key}`);
  const isEditing = cells.editing?.key === row.key && cells.editing.field === f.key;
  const numeric = f.kind === 'int' || f.kind === 'decimal';
  // Lists (roads, days off ...) wrap, so a row's buttons stay on a 1366 px screen.
  const list = f.kind === 'choices' || f.kind === 'dates' || f.kind === 'ints';
  return (
    <td
      className={[numeric ? 'num' : '', 'editable', list ? 'list' : '', problem ? 'invalid' : '', isEditing ? 'editing' : ''].join(' ').trim()}
      data-field={f.key}
      tabIndex={isEditing ? -1 : 0}
      onClick={() => !isEditing && cells.setEditing({ key: row.key, field: f.key })}
      onKeyDown={(e) => {
        if (!isEditing && (e.key === 'Enter' || e.key === 'F2')) cells.setEditing({ key: row.key, field: f.key });
      }}
    >
      {isEditing ? (
        <CellEditor
          field={f}
          value={row.record[f.key]}
          choices={choices}
          label={f.header[lang]}
          error={Boolean(problem)}
          onCommit={(text) => cells.commit(row, f.key, text)}
          onCancel={() => cells.cancel(row, f.key)}
        />
      ) : (
        displayValue(f, row.record[f.key], lang, t)
      )}
      {problem && <div className="cell-error" role="alert">{problemText(t, problem)}</div>}
    </td>
  );
}
