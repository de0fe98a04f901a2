import { rmSync } from 'node:fs';
import { latestVersion, openDatabase } from '../../db';
import {
  BACKUP_REASONS as DB_REASONS, BackupFailedError, backupsDirOf, damagedCopyName, installStaged, integrityProblem, KEEP_BACKUPS,
  listBackupFiles, stageSnapshot, summarizeBackup, takeSnapshot, type BackupFile, type BackupReason,
} from '../../db/backups';
import { audit } from '../../db/repos/audit';
import { getSetting, setSetting } from '../../db/repos/settings';
import { unusableDb } from '../app-context';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import { BACKUP_REASONS, type BackupInfo } from '../methods/backup';
import type { Language } from '../methods/core';

// The contract's reasons and the database's are the same list (a drift fails to compile).
type ContractReason = (typeof BACKUP_REASONS)[number];
const reasonsMatch: [ContractReason, BackupReason] extends [BackupReason, ContractReason] ? readonly string[] : never = DB_REASONS;
void reasonsMatch;

/**
 * A snapshot before an operation that changes much at once. If it cannot be written (disk
 * full), the operation is refused: the app promises that such changes can be undone.
 */
export function snapshotBefore(ctx: HandlerContext, reason: BackupReason): BackupFile {
  if (ctx.dbProblem) throw new AppError('DB_CORRUPT', ctx.dbProblem.message, ctx.dbProblem);
  try {
    return takeSnapshot(ctx.db, ctx.dbPath, reason);
  } catch (err) {
    if (!(err instanceof BackupFailedError)) throw err;
    throw new AppError('BACKUP_FAILED', err.message, { folder: err.folder, detail: err.detail });
  }
}

const planRunning = (ctx: HandlerContext): boolean => [...ctx.runs.values()].some((r) => r.state === 'running');

function infoOf(ctx: HandlerContext, b: BackupFile): BackupInfo {
  const s = summarizeBackup(ctx.dbPath, b.file);
  return {
    file: b.file, takenAt: b.takenAt, reason: b.reason, sizeBytes: s?.sizeBytes ?? 0,
    summary: s ? { plans: s.plans, publishedPlans: s.publishedPlans, hamlets: s.hamlets } : null,
  };
}

/** Reopens the live database after its file was replaced; if even that fails, the app is left in the error state. */
function reopen(ctx: HandlerContext, offered: string | null): void {
  try {
    ctx.db = openDatabase(ctx.dbPath);
    ctx.dbProblem = null;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ctx.dbProblem = { file: ctx.dbPath, problem: message, message, newestGood: offered };
    ctx.db = unusableDb(ctx.dbProblem);
    throw err;
  }
}

/**
 * Restore: the chosen snapshot is copied beside the live file and checked there (what is checked
 * is what goes live), the live database is snapshotted (before-restore: a restore can itself be
 * undone), closed with its WAL checkpointed, replaced in one rename, and reopened (migrated if
 * the snapshot is older). A damaged live database is moved aside, not deleted.
 */
function restore(ctx: HandlerContext, file: string) {
  if (planRunning(ctx)) {
    throw new AppError('CONFLICT', 'A planning run is in progress: wait for it to finish or cancel it, then restore.', { key: 'planRunning' });
  }
  const chosen = listBackupFiles(ctx.dbPath).find((b) => b.file === file);
  // The folder stays out of the message: web mode must not tell a caller where the data lives (backups.list shows it to the user).
  if (!chosen) throw new AppError('NOT_FOUND', `There is no backup named ${file}.`, { key: 'noSuchBackup', params: { file } });
  const staged = stageSnapshot(ctx.dbPath, file);
  const damaged = ctx.dbProblem != null;
  const damagedCopy = damaged ? damagedCopyName(ctx.dbPath) : undefined;
  let undo: BackupFile | null = null;
  let language: Language | undefined;
  try {
    const problem = integrityProblem(staged);
    if (problem) throw new AppError('CONFLICT', `The backup ${file} is damaged (${problem}); nothing was restored.`, { key: 'backupDamaged', params: { file } });
    const schema = summarizeBackup(ctx.dbPath, file)?.schemaVersion ?? 0;
    if (schema > latestVersion()) throw new AppError('DB_TOO_NEW', `The backup ${file} was made by a newer version of Lưu Động; nothing was restored.`);
    if (!damaged) {
      language = getSetting<Language>(ctx.db, 'ui.language');
      undo = snapshotBefore(ctx, 'before-restore');
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      ctx.db.close();
    }
    installStaged(ctx.dbPath, staged, damagedCopy);
  } catch (err) {
    rmSync(staged, { force: true });
    if (!damaged && !ctx.db.open) reopen(ctx, undo?.file ?? null);
    throw err;
  }
  reopen(ctx, undo?.file ?? null);
  const { db } = ctx;
  db.transaction(() => {
    // The language is the user's, not the data's: it survives a restore.
    if (language) setSetting(db, 'ui.language', language);
    audit(db, 'restore', 'dataset', file, { file, takenAt: chosen.takenAt, reason: chosen.reason, undoFile: undo?.file ?? null, damagedCopy: damagedCopy ?? null });
  })();
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return { restored: file, undoFile: undo?.file ?? null, hamlets: count('SELECT COUNT(*) FROM hamlets'), plans: count('SELECT COUNT(*) FROM plans') };
}

export const backupHandlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_p, ctx) => ({
    folder: backupsDirOf(ctx.dbPath),
    keep: KEEP_BACKUPS,
    backups: listBackupFiles(ctx.dbPath).map((b) => infoOf(ctx, b)),
    problem: ctx.dbProblem ?? null,
  }),
  'backups.create': (_p, ctx) => infoOf(ctx, snapshotBefore(ctx, 'manual')),
  'backups.restore': ({ file }, ctx) => restore(ctx, file),
};
