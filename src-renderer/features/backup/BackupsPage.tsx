import { format, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, DatabaseProblem } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { countText, formatNumber } from '../../lib/format';
import { call, RpcFailure } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { Modal } from '../data/Modal';
import { announceDataReplaced } from './events';
import '../data/data.css';

const when = (takenAt: string): string => format(parseISO(takenAt), 'dd/MM/yyyy HH:mm');

function size(bytes: number, language: string): string {
  const mb = bytes / 1024 / 1024;
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${n.format(mb)} MB` : `${n.format(Math.max(1, Math.ceil(bytes / 1024)))} kB`;
}

/** "152 hamlets", "1 plan": each count with its own plural key (the Vietnamese has one form). */
function counts(t: TFunction, lang: string, hamlets: number, plans: number): { hamlets: string; plans: string } {
  return {
    hamlets: countText(t, 'backup.hamletCount', hamlets, lang),
    plans: countText(t, 'backup.planCount', plans, lang),
  };
}

/** What a snapshot holds, in words (its hamlets and plans), or that it could not be read. */
function holdsText(t: TFunction, lang: string, b: BackupInfo): string {
  return b.summary
    ? t('backup.holds', { ...counts(t, lang, b.summary.hamlets, b.summary.plans), published: formatNumber(b.summary.publishedPlans, lang) })
    : t('backup.unreadable');
}

/** A refused call in words: the restore's own reason when it gave one, else the code's. */
function BackupError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const details = error instanceof RpcFailure ? (error.details as { key?: unknown; params?: Record<string, unknown> } | undefined) : undefined;
  if (details && typeof details.key === 'string') {
    return <div className="error" role="alert">{t(`backup.err.${details.key}`, { ...details.params, defaultValue: error.message })}</div>;
  }
  return <ErrorNote error={error} />;
}

function ProblemBanner({ problem, newest, onRestore }: { problem: DatabaseProblem; newest: BackupInfo | undefined; onRestore: (b: BackupInfo) => void }) {
  const { t } = useTranslation();
  return (
    <div className="error backup-problem" role="alert" data-testid="db-problem">
      <h2>{t('backup.problem.title')}</h2>
      <p>{t('backup.problem.what', { file: problem.file, problem: problem.problem })}</p>
      {newest ? (
        <p>
          {t('backup.problem.offer', { when: when(newest.takenAt), reason: t(`backup.reason.${newest.reason}`) })}{' '}
          <strong>{newest.file}</strong>{' '}
          <button onClick={() => onRestore(newest)}>{t('backup.problem.offerButton')}</button>
        </p>
      ) : (
        <p>{t('backup.problem.none')}</p>
      )}
    </div>
  );
}

/** The snapshots, newest first: when, why, how big, what each holds, and its restore button. */
function BackupsTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore: (b: BackupInfo) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="backups">
        <thead>
          <tr>
            <th>{t('backup.col.when')}</th><th>{t('backup.col.reason')}</th><th>{t('backup.col.size')}</th>
            <th>{t('backup.col.holds')}</th><th>{t('backup.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.file} data-file={b.file} title={b.file}>
              <td className="nowrap">{when(b.takenAt)}</td>
              <td>{t(`backup.reason.${b.reason}`)}</td>
              <td className="num nowrap">{size(b.sizeBytes, i18n.language)}</td>
              <td>{holdsText(t, i18n.language, b)}</td>
              <td><button className="secondary" disabled={!b.summary} onClick={() => onRestore(b)}>{t('backup.restore')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The explicit yes before a restore; a damaged database cannot be kept as an undo. */
function RestoreDialog({ backup, busy, damaged, onRestore, onCancel }: {
  backup: BackupInfo;
  busy: boolean;
  damaged: boolean;
  onRestore: (b: BackupInfo) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Modal title={t('backup.confirm.title', { when: when(backup.takenAt) })} onClose={() => !busy && onCancel()} testId="restore-dialog">
      <p>{t('backup.confirm.what', { reason: t(`backup.reason.${backup.reason}`), holds: holdsText(t, i18n.language, backup) })}</p>
      <p>{damaged ? t('backup.confirm.damaged') : t('backup.confirm.undo')}</p>
      <div className="toolbar modal-buttons">
        <button className="danger" disabled={busy} onClick={() => onRestore(backup)}>{t('backup.confirm.go')}</button>
        <button className="secondary" disabled={busy} onClick={onCancel}>{t('backup.confirm.cancel')}</button>
      </div>
    </Modal>
  );
}

/**
 * The database's snapshots, newest first, and restoring one. Also what the app shows in place
 * of every screen when its database could not be opened (then with the problem on top).
 */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const list = useRpc('backups.list');
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const problem = list.data?.problem ?? null;

  const createNow = async (): Promise<void> => {
    setError(null);
    try {
      const made = await call('backups.create', {});
      setNotice(t('backup.created', { when: when(made.takenAt) }));
      list.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  const restore = async (b: BackupInfo): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const done = await call('backups.restore', { file: b.file, confirm: true });
      setAsking(null);
      const message = t('backup.restored', { when: when(b.takenAt), ...counts(t, i18n.language, done.hamlets, done.plans) });
      announceDataReplaced(done.undoFile ? `${message} ${t('backup.restoredUndo')}` : message);
    } catch (err) {
      setError(err as Error);
      setAsking(null);
      list.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="list-page data-page backups-page">
      <h1>{t('backup.title')}</h1>
      {problem && list.data && (
        <ProblemBanner problem={problem} newest={list.data.backups.find((b) => b.file === problem.newestGood)} onRestore={setAsking} />
      )}
      {list.data && <p className="muted">{t('backup.intro', { keep: list.data.keep })}</p>}
      {list.data && <p className="muted">{t('backup.folder', { folder: list.data.folder })}</p>}
      {!problem && (
        <div className="toolbar">
          <button onClick={() => void createNow()}>{t('backup.createNow')}</button>
        </div>
      )}
      {notice && <div className="notice" role="status" onClick={() => setNotice(null)}>{notice}</div>}
      {error && <BackupError error={error} />}
      {list.error && <BackupError error={list.error} />}
      {!list.data && !list.error && <p>{t('app.loading')}</p>}
      {list.data && list.data.backups.length === 0 && <p>{t('backup.empty')}</p>}
      {list.data && list.data.backups.length > 0 && <BackupsTable backups={list.data.backups} onRestore={setAsking} />}
      {asking && (
        <RestoreDialog backup={asking} busy={busy} damaged={problem !== null} onRestore={(b) => void restore(b)} onCancel={() => setAsking(null)} />
      )}
    </div>
  );
}
