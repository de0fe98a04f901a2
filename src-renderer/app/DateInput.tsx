import { format, isValid, parse, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHOWN = 'dd/MM/yyyy';

/** d/M/yyyy or dd/MM/yyyy (also with - or .) to yyyy-MM-dd; null when it is no real date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const date = parse(`${m[1]!.padStart(2, '0')}/${m[2]!.padStart(2, '0')}/${m[3]}`, SHOWN, new Date(2000, 0, 1));
  return isValid(date) ? format(date, 'yyyy-MM-dd') : null;
}

/**
 * A date typed and shown as dd/MM/yyyy whatever the browser's locale (a native date picker
 * shows 11/17/2022 on an English system). The value is a yyyy-MM-dd string; the field keeps
 * what the user types until it is a real date, and says so beside it when it is not.
 */
export function DateInput({ value, onChange, onValidity, disabled, testId, label, invalid = false }: {
  value: string;
  /**
   * Told whenever the text turns into, or stops being, something other than a real date (an empty
   * field counts as valid): the form holds its action back instead of using the last real date.
   */
  onValidity?: (valid: boolean) => void;
  /** A real date the form cannot take (its reason is said beside the field). */
  invalid?: boolean;
  onChange: (isoDate: string) => void;
  disabled?: boolean;
  testId?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const shown = value ? format(parseISO(value), SHOWN) : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const bad = text.trim() !== '' && parseDayMonthYear(text) === null;
  useEffect(() => onValidity?.(!bad), [bad]);
  return (
    <>
    <input
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      aria-label={label}
      aria-invalid={bad || invalid}
      title={bad ? t('date.invalid') : undefined}
      className={bad || invalid ? 'invalid' : undefined}
      data-testid={testId}
      value={text}
      disabled={disabled}
      size={10}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parseDayMonthYear(e.target.value);
        if (iso) onChange(iso);
      }}
      onBlur={() => { if (!bad && parseDayMonthYear(text)) setText(format(parseISO(parseDayMonthYear(text)!), SHOWN)); }}
    />
    {bad && <span className="date-invalid" role="alert">{t('date.invalid')}</span>}
    </>
  );
}
