import type { FormEvent } from 'react';
import { DateInput } from '../../app/DateInput';

/**
 * A date a scenario change may leave out, typed as dd/MM/yyyy with its caption above. DateInput
 * alone keeps the last real date when its text is emptied; here emptying the text clears the
 * value, so an empty field is "no such change" as it looks.
 */
export function OptionalDate({ caption, label, value, onChange, testId }: {
  /** Shown above the field; none when the row says enough. */
  caption?: string;
  label: string;
  value: string;
  onChange: (isoDate: string) => void;
  testId?: string;
}) {
  // The input's change event bubbles here after DateInput has seen it.
  const cleared = (e: FormEvent<HTMLDivElement>): void => {
    if (e.target instanceof HTMLInputElement && e.target.value.trim() === '' && value !== '') onChange('');
  };
  return (
    <div className="field" onChange={cleared}>
      {caption && <span>{caption}</span>}
      <DateInput label={label} value={value} onChange={onChange} testId={testId} />
    </div>
  );
}
