import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImportPreview } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { FilePick } from '../../app/FilePick';
import { formatDate } from '../../lib/format';
import { call } from '../../lib/rpc';
import { fileToBase64 } from '../data/files';
import { Modal } from '../data/Modal';
import { excessText } from './excess-text';

/**
 * A filled Excel roster ("Lịch trực" with its "Kết quả thực hiện" block) read back: the rows it
 * records, the rows rejected with sheet, row and column, the rows above what a hamlet has left
 * (written only on an explicit yes); then all of it in one go, or nothing.
 */
export function RosterImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (recorded: number) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<RosterImportPreview | null>(null);
  const [accept, setAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const pick = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const base64 = await fileToBase64(picked);
      setFile({ name: picked.name, base64 });
      setPreview(await call('results.importPreview', { fileName: picked.name, base64 }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const apply = async (): Promise<void> => {
    if (!file) return;
    setBusy(true);
    try {
      const { recorded } = await call('results.importApply', { fileName: file.name, base64: file.base64, acceptAboveBacklog: accept });
      onDone(recorded);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const p = preview;
  const blocked = !p || p.fileProblem !== null || p.rejects.length > 0 || p.updates.length === 0 || (p.aboveBacklog.length > 0 && !accept);
  return (
    <Modal title={t('results.import.title')} onClose={onClose} wide testId="roster-import">
      <p className="muted">{t('results.import.hint')}</p>
      <FilePick accept=".xlsx" fileName={file?.name} onPick={(picked) => void pick(picked)} label={t('results.import.title')} disabled={busy}
        testId="roster-import-file" />
      {error && <ErrorNote error={error} />}
      {p?.fileProblem && <p className="error" role="alert">{t(`results.import.err.${p.fileProblem}`, { defaultValue: t('results.import.err.noRosterResults') })}</p>}
      {p && !p.fileProblem && (
        <>
          <p data-testid="roster-import-counts">{t('results.import.counts', { updates: p.updates.length, replaces: p.updates.filter((u) => u.replaces).length, rejects: p.rejects.length })}</p>
          {p.rejects.length > 0 && <RosterRejects rejects={p.rejects} />}
          {p.aboveBacklog.length > 0 && <AboveBacklogAsk above={p.aboveBacklog} accept={accept} onAccept={setAccept} />}
          {p.updates.length > 0 && p.rejects.length === 0 && <RosterUpdates updates={p.updates} />}
        </>
      )}
      <div className="actions">
        <button onClick={() => void apply()} disabled={busy || blocked} data-testid="roster-import-apply">{t('results.import.apply')}</button>
        <button className="secondary" onClick={onClose}>{t('results.import.close')}</button>
      </div>
    </Modal>
  );
}

/** The rows the roster cannot bring in (the first 300), by sheet, row and column: none is written then. */
function RosterRejects({ rejects }: { rejects: RosterImportPreview['rejects'] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="error" role="alert">{t('results.import.blocked')}</p>
      <table className="data compact" data-testid="roster-import-rejects">
        <thead><tr><th>{t('results.import.sheet')}</th><th className="num">{t('results.import.row')}</th><th>{t('results.import.column')}</th><th>{t('results.import.reason')}</th></tr></thead>
        <tbody>
          {rejects.slice(0, 300).map((r, i) => (
            <tr key={i}><td>{r.sheet}</td><td className="num">{r.row}</td><td>{r.column ?? ''}</td><td>{t(`results.import.err.${r.key}`, { ...r.params })}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The rows above what their hamlet has left, and the explicit yes to write them anyway. */
function AboveBacklogAsk({ above, accept, onAccept }: { above: RosterImportPreview['aboveBacklog']; accept: boolean; onAccept: (accept: boolean) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="warn-block" data-testid="roster-import-above">
      <p>{t('results.import.above', { count: above.length })}</p>
      <ul>{above.map((a) => <li key={`${a.sheet}-${a.row}`}>{t('results.import.aboveRow', { sheet: a.sheet, row: a.row, hamlet: a.hamlet, excess: excessText(t, i18n.language, a.excess) })}</li>)}</ul>
      <label className="check"><input type="checkbox" checked={accept} onChange={(e) => onAccept(e.target.checked)} /> {t('results.import.acceptAbove')}</label>
    </div>
  );
}

/** The results the roster records (the first 200): where, when, the counts, and what else the row says. */
function RosterUpdates({ updates }: { updates: RosterImportPreview['updates'] }) {
  const { t } = useTranslation();
  return (
    <table className="data compact" data-testid="roster-import-updates">
      <thead><tr><th>{t('results.import.sheet')}</th><th className="num">{t('results.import.row')}</th><th>{t('results.day')}</th><th>{t('results.import.hamlet')}</th><th className="num">CCCD</th><th className="num">ĐDĐT</th><th>{t('results.import.status')}</th></tr></thead>
      <tbody>
        {updates.slice(0, 200).map((u) => (
          <tr key={`${u.sheet}-${u.row}`}>
            <td>{u.sheet}</td><td className="num">{u.row}</td><td>{formatDate(u.date)}</td><td>{u.hamlet}</td>
            <td className="num">{u.enrolled.cccd}</td><td className="num">{u.enrolled.eid}</td>
            <td>{[u.notDone ? t(`results.reason.${u.notDone}`) : '', u.replaces ? t('results.import.replaces') : '', u.note].filter(Boolean).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
