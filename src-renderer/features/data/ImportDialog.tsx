import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES, type AnyListSpec, type ListName } from '../../../src-main/api/contract';
import { FilePick } from '../../app/FilePick';
import { DataError } from './DataError';
import { problemText } from './format';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { Modal } from './Modal';
import { useImportFile } from './useImportFile';

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/**
 * Import in two steps: the file is read and checked against the data (nothing written), the
 * user sees what would be added, updated and rejected, and only a clean file can be written.
 */
export function ImportDialog({ list, spec, title, onDone, onClose }: {
  list: ListName;
  spec: AnyListSpec;
  title: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const importing = useImportFile(list, onDone);
  const { file, preview: p, busy, error, tooLarge } = importing;

  return (
    <Modal title={t('register.import.title', { list: title })} onClose={onClose} wide testId="import-dialog">
      <p className="muted">{t('register.import.choose', { maxMb: MAX_MB })}</p>
      <FilePick accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        fileName={file?.name} onPick={(picked) => void importing.pick(picked)} label={t('register.import.title', { list: title })} testId="import-file" />
      {busy && <p role="status" className="busy"><progress /> {t(`register.import.${busy}`)}</p>}
      {tooLarge && <div className="error" role="alert">{t('register.err.tooLarge', { maxMb: MAX_MB })}</div>}
      {error && <DataError error={error} />}
      {p?.fileProblem && <div className="error" role="alert" data-testid="import-file-problem">{problemText(t, p.fileProblem)}</div>}
      {p && !p.fileProblem && <ImportPreviewPanel preview={p} spec={spec} asks={importing} />}
      <div className="toolbar modal-buttons">
        <button disabled={!p?.canConfirm || !importing.acknowledged || busy !== null} onClick={() => void importing.confirm()} data-testid="import-confirm">
          {t('register.import.confirm', { count: (p?.counts.adds ?? 0) + (p?.counts.updates ?? 0) })}
        </button>
        <button className="secondary" onClick={onClose}>{t('register.import.cancel')}</button>
      </div>
    </Modal>
  );
}
