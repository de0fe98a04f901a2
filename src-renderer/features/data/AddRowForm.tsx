import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyListSpec, FieldValue, ProblemDto } from '../../../src-main/api/contract';
import { FieldControl, fromText, isProblemDto, toText, type RefChoices } from './FieldControl';
import { langOf, problemText } from './format';
import type { SaveField } from './RegisterTable';

/** A new row: every field of the list, the fallbacks filled in; problems show beside their field. */
export function AddRowForm({ spec, title, choices, initial, onSave, onCheck, onClose }: {
  spec: AnyListSpec;
  title: string;
  choices: RefChoices;
  /** Values the form starts with instead of the fallbacks (a new team's usual figures, a copied row). */
  initial?: Record<string, FieldValue>;
  onSave: (values: Record<string, FieldValue | null>) => ReturnType<SaveField>;
  /** The server's problems with these values, nothing saved. */
  onCheck: (values: Record<string, FieldValue | null>) => ReturnType<SaveField>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(spec.fields.map((f) => {
      const start = initial?.[f.key] ?? f.fallback;
      return [f.key, start === undefined ? (f.kind === 'bool' ? 'false' : '') : toText(f, start, lang)];
    })));
  const [problems, setProblems] = useState<Record<string, ProblemDto>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const values: Record<string, FieldValue | null> = {};
    const local: Record<string, ProblemDto> = {};
    for (const f of spec.fields) {
      const v = fromText(f, texts[f.key] ?? '');
      if (isProblemDto(v)) local[f.key] = v;
      else values[f.key] = v;
    }
    if (Object.keys(local).length) {
      // Every problem at once: what the server finds in the other fields too (a field this form
      // could not read is left out, so the server's "required" for it is not news).
      const checked = (await onCheck(values)) ?? [];
      setProblems({ ...Object.fromEntries(checked.filter((p) => p.field === null || !(p.field in local)).map((p) => [p.field ?? '', p])), ...local });
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await onSave(values);
    setBusy(false);
    if (!result?.length) return onClose();
    setProblems(Object.fromEntries(result.map((p) => [p.field ?? '', p])));
  };

  return (
    <form className="card add-form" onSubmit={(e) => void submit(e)} data-testid="add-form">
      <h2>{title}</h2>
      <div className="form-grid">
        {spec.fields.map((f) => {
          // A group of checkboxes has its own labels: its caption must not be a <label> around them.
          const Field = f.kind === 'choices' ? 'div' : 'label';
          return (
            <Field key={f.key} className={problems[f.key] ? 'field invalid' : 'field'}>
              <span>{f.header[lang]}{f.fallback === undefined ? ' *' : ''}</span>
              <FieldControl
                field={f}
                text={texts[f.key] ?? ''}
                label={f.header[lang]}
                choices={choices}
                invalid={Boolean(problems[f.key])}
                onText={(text) => setTexts((s) => ({ ...s, [f.key]: text }))}
              />
              {problems[f.key] && <span className="cell-error" role="alert">{problemText(t, problems[f.key]!)}</span>}
            </Field>
          );
        })}
      </div>
      {problems[''] && <p className="cell-error" role="alert">{problemText(t, problems['']!)}</p>}
      <div className="toolbar">
        <button type="submit" disabled={busy}>{t('register.form.save')}</button>
        <button type="button" className="secondary" onClick={onClose}>{t('register.form.cancel')}</button>
      </div>
    </form>
  );
}
