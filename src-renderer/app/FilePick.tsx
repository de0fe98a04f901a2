import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file chooser in the user's language: the browser's own button says "Choose File" /
 * "No file chosen" in the browser's language, whatever the app speaks. The real input stays in
 * the page, visually hidden inside the label: a click on the button, Tab then Space or Enter, a
 * screen reader and Playwright's setInputFiles (by its test id) all reach it as before.
 */
export function FilePick({ accept, fileName, onPick, label, disabled = false, testId }: {
  accept: string;
  /** The chosen file's name, or null/undefined before a file is chosen. */
  fileName: string | null | undefined;
  onPick: (file: File | undefined) => void;
  /** What the file is for (the input's accessible name); "Choose file…" when not given. */
  label?: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  return (
    <label className={disabled ? 'file-pick disabled' : 'file-pick'}>
      <span className="button-like" aria-hidden="true">{t('file.choose')}</span>
      <span className="file-name" id={nameId}>{fileName ?? t('file.none')}</span>
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        aria-label={label ?? t('file.choose')}
        aria-describedby={nameId}
        data-testid={testId}
        onChange={(e) => {
          onPick(e.target.files?.[0]);
          // The same file chosen again (after fixing it on disk) is read again.
          e.target.value = '';
        }}
      />
    </label>
  );
}
