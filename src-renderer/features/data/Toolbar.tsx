import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryDto, ListName } from '../../../src-main/api/contract';
import { downloadBase64 } from '../../lib/download';
import { call } from '../../lib/rpc';
import { langOf } from './format';

/** What the last change was, in words (for the undo button and its notice). */
export function useSummaryText(): (entry: JournalEntryDto) => string {
  const { t } = useTranslation();
  // Results (the Kết quả screen) share the one undo journal; their words live with that screen.
  const words = (list: string): string => (list === 'results' ? 'results' : 'register');
  return (entry) => t(`${words(entry.list)}.summary.${entry.summary.key}`, { ...entry.summary.params, defaultValue: entry.action });
}

/** Add, import, export, template and undo for one list. */
export function Toolbar({ list, undo, onAdd, onImport, onUndo, onError, children }: {
  list: ListName;
  undo: JournalEntryDto | null;
  onAdd: () => void;
  onImport: () => void;
  onUndo: (entry: JournalEntryDto) => void;
  onError: (err: Error) => void;
  /** A list's own tools (the calendar's holidays), after the common ones. */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const summary = useSummaryText();
  const language = langOf(i18n.language);
  const exportAs = (format: 'xlsx' | 'csv'): void => void call('export.list', { list, format, language }).then(downloadBase64, onError);
  const template = (): void => void call('export.template', { list, format: 'xlsx', language }).then(downloadBase64, onError);
  return (
    <div className="toolbar register-toolbar">
      <button onClick={onAdd}>{t('register.tools.add')}</button>
      <button onClick={onImport}>{t('register.tools.import')}</button>
      <button className="secondary" onClick={() => exportAs('xlsx')}>{t('register.tools.exportXlsx')}</button>
      <button className="secondary" onClick={() => exportAs('csv')}>{t('register.tools.exportCsv')}</button>
      <button className="secondary" onClick={template}>{t('register.tools.template')}</button>
      {children}
      <span className="spacer" />
      <button
        className="secondary undo"
        disabled={!undo}
        title={undo ? t('register.tools.undoTitle', { what: summary(undo) }) : t('register.tools.nothingToUndo')}
        onClick={() => undo && onUndo(undo)}
        data-testid="undo"
      >
        ↶ {t('register.tools.undo')}{undo ? `: ${summary(undo)}` : ''}
      </button>
    </div>
  );
}
