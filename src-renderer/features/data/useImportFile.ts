import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES, type ImportPreview, type ListName } from '../../../src-main/api/contract';
import { call } from '../../lib/rpc';
import { fileToBase64 } from './files';

/**
 * The file being imported into a list and its two steps: `pick` reads it and asks for the preview
 * (nothing written), `confirm` writes it. The explicit yes to ignored columns and to moved records
 * is kept here too, and `acknowledged` says whether every yes the preview needs was given.
 */
export function useImportFile(list: ListName, onDone: (message: string) => void) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  // The explicit yes to columns the app ignores and to records the file moves elsewhere, given in the preview.
  const [ackIgnored, setAckIgnored] = useState(false);
  const [ackMoves, setAckMoves] = useState(false);

  const pick = async (picked: File | undefined): Promise<void> => {
    setPreview(null);
    setError(null);
    setTooLarge(false);
    setAckIgnored(false);
    setAckMoves(false);
    if (!picked) return;
    setFile({ name: picked.name, base64: '' });
    if (picked.size > MAX_UPLOAD_BYTES) return setTooLarge(true);
    setBusy('reading');
    try {
      const base64 = await fileToBase64(picked);
      setFile({ name: picked.name, base64 });
      setPreview(await call('import.preview', { list, fileName: picked.name, base64 }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async (): Promise<void> => {
    if (!file || !preview) return;
    setBusy('writing');
    try {
      const r = await call('import.confirm', {
        list, fileName: file.name, base64: file.base64, expected: { adds: preview.counts.adds, updates: preview.counts.updates },
        acknowledged: { ignoredColumns: ackIgnored ? preview.ignoredColumns : [], moves: ackMoves ? preview.moves.count : 0 },
      });
      onDone(t('register.import.done', { file: file.name, ...r }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const needsIgnoredYes = (preview?.ignoredColumns.length ?? 0) > 0;
  const needsMovesYes = (preview?.moves.count ?? 0) > 0;
  const acknowledged = (!needsIgnoredYes || ackIgnored) && (!needsMovesYes || ackMoves);

  return {
    file, preview, busy, error, tooLarge, pick, confirm,
    ackIgnored, setAckIgnored, ackMoves, setAckMoves, needsIgnoredYes, needsMovesYes, acknowledged,
  };
}

/** The yes the preview asks for, and whether it was given. */
export type ImportAsks = Pick<ReturnType<typeof useImportFile>,
  'ackIgnored' | 'setAckIgnored' | 'ackMoves' | 'setAckMoves' | 'needsIgnoredYes' | 'needsMovesYes' | 'acknowledged'>;
