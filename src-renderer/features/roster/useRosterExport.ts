import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../lib/download';
import { call } from '../../lib/rpc';
import type { Orientation } from './RosterPreview';
import type { RosterQuery } from './useRosterPreview';

/** Saving the rosters of `query` as PDF or Excel: `busy` while the file is made, then a notice naming it, or the error. */
export function useRosterExport(query: RosterQuery | null, orientation: Orientation) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<Error | null>(null);

  const exportAs = async (format: 'pdf' | 'xlsx'): Promise<void> => {
    if (!query) return;
    setBusy(true);
    setNotice(null);
    setExportError(null);
    try {
      const file = await call('roster.export', { ...query, format, orientation });
      downloadBase64(file);
      setNotice(t('roster.saved', { file: file.fileName }));
    } catch (err) {
      setExportError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return { busy, notice, exportError, exportAs };
}
