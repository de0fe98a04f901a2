import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isFailure, parseCell, type FieldSpec, type FieldValue, type ProblemDto, type RegisterList } from '../../../src-main/api/contract';
import { choiceLabel, editText, langOf } from './format';

export type RefChoices = RegisterList['choices'];

/** Every control holds text; bools are "true"/"false", choices their codes joined by ";". */
export function toText(field: FieldSpec, value: FieldValue | undefined, lang: 'vi' | 'en'): string {
  if (field.kind === 'bool') return value ? 'true' : 'false';
  if (field.kind === 'choices') return ((value ?? []) as Array<string | number>).join(';');
  return editText(field, value, lang);
}

/** The value a control's text stands for (null: empty), read the same way as a file's cell. */
export function fromText(field: FieldSpec, text: string): FieldValue | null | ProblemDto {
  const parsed = parseCell(field, text);
  if (parsed === undefined) return null;
  return isFailure(parsed) ? { key: parsed.fail, params: parsed.params } : parsed;
}
export const isProblemDto = (v: unknown): v is ProblemDto => typeof v === 'object' && v !== null && 'key' in v;

const refOptions = (field: FieldSpec, choices: RefChoices): string[] | null =>
  field.ref === 'commune' ? choices.communes : field.ref === 'base' ? choices.bases : field.ref === 'team' ? choices.teams : null;

interface ControlProps {
  field: FieldSpec;
  text: string;
  onText: (text: string) => void;
  choices: RefChoices;
  label: string;
  invalid?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  onBlur?: () => void;
}

/** The input that suits a field: select for choices and references, checkboxes for several, text otherwise. */
export function FieldControl({ field, text, onText, choices, label, invalid, autoFocus, onKeyDown, onBlur }: ControlProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const common = { 'aria-label': label, 'aria-invalid': invalid || undefined, autoFocus, onKeyDown, className: invalid ? 'invalid' : undefined };
  if (field.kind === 'bool') {
    return <input type="checkbox" {...common} checked={text === 'true'} onChange={(e) => onText(String(e.target.checked))} />;
  }
  if (field.kind === 'choice' && field.vocabulary) {
    return (
      <select {...common} value={text} onChange={(e) => onText(e.target.value)} onBlur={onBlur}>
        {text === '' && <option value="" />}
        {Object.keys(field.vocabulary).map((code) => <option key={code} value={code}>{choiceLabel(field, code, lang)}</option>)}
      </select>
    );
  }
  if (field.kind === 'choices' && field.vocabulary) {
    const picked = new Set(text.split(';').filter(Boolean));
    const codes = Object.keys(field.vocabulary);
    const toggle = (code: string): void => onText(codes.filter((c) => (c === code ? !picked.has(c) : picked.has(c))).join(';'));
    return (
      <span className={invalid ? 'choice-group invalid' : 'choice-group'} role="group" aria-label={label} onKeyDown={onKeyDown}>
        {codes.map((code, i) => (
          <label key={code}>
            <input type="checkbox" autoFocus={autoFocus && i === 0} checked={picked.has(code)} onChange={() => toggle(code)} /> {choiceLabel(field, code, lang)}
          </label>
        ))}
      </span>
    );
  }
  const options = refOptions(field, choices);
  if (options) {
    return (
      <select {...common} value={text} onChange={(e) => onText(e.target.value)} onBlur={onBlur}>
        <option value="">{field.fallback === undefined ? '' : '—'}</option>
        {!options.includes(text) && text !== '' && <option value={text}>{text}</option>}
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  }
  const listId = field.ref === 'location' ? 'register-locations' : undefined;
  const placeholder = field.kind === 'date' ? t('register.form.dateHint') : field.kind === 'time' ? 'HH:mm' : undefined;
  return (
    <>
      <input
        {...common}
        type="text"
        value={text}
        list={listId}
        placeholder={placeholder}
        title={field.kind === 'dates' ? t('register.form.datesHint') : field.kind === 'ints' ? t('register.form.listHint') : undefined}
        inputMode={field.kind === 'int' ? 'numeric' : field.kind === 'decimal' ? 'decimal' : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
      />
      {listId && (
        <datalist id={listId}>
          {choices.locations.map((l) => <option key={l} value={l} />)}
        </datalist>
      )}
    </>
  );
}

/** A cell being edited: Enter or leaving the cell saves, Escape cancels; choices save when picked. */
export function CellEditor({ field, value, choices, label, error, onCommit, onCancel }: {
  field: FieldSpec;
  value: FieldValue | undefined;
  choices: RefChoices;
  label: string;
  error: boolean;
  /** Resolves true when saved; false keeps the editor open (the cell shows why). */
  onCommit: (text: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => toText(field, value, langOf(i18n.language)));
  const done = useRef(false);
  const commit = (next = text): void => {
    if (done.current) return;
    done.current = true;
    void onCommit(next).then((saved) => {
      if (!saved) done.current = false;
    });
  };
  const immediate = field.kind === 'bool' || field.kind === 'choice' || (field.ref !== undefined && field.ref !== 'location');
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      done.current = true;
      onCancel();
    }
  };
  return (
    <span
      className="cell-editor"
      onBlur={(e) => {
        // Leaving the editor (not moving between its own checkboxes) saves, as Enter does.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
      }}
    >
      <FieldControl
        field={field}
        text={text}
        choices={choices}
        label={label}
        invalid={error}
        autoFocus
        onKeyDown={onKeyDown}
        onText={(next) => {
          setText(next);
          if (immediate) commit(next);
        }}
      />
      {field.kind === 'choices' && <button type="button" className="small" onClick={() => commit()}>{t('register.form.ok')}</button>}
    </span>
  );
}
