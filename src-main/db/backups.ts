/**
 * Snapshots of the app database: `VACUUM INTO` a dated file in `backups/` next to it, before
 * every import, publish, demo reset, migration and restore; the newest KEEP_BACKUPS are kept.
 * The file name carries when and why (nothing else to keep in step with the files), e.g.
 * `luudong-2026-12-03T08-55-12-345-before-import.sqlite` (local time, to the millisecond so
 * that names sort in the order the snapshots were taken).
 */
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import {
  chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './open';

export const BACKUP_REASONS = [
  'before-import', 'before-publish', 'before-demo-reset', 'before-migration', 'before-restore', 'manual',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How many snapshots are kept; the oldest go first. */
export const KEEP_BACKUPS = 20;
export const BACKUP_DIR_NAME = 'backups';

/** The only names a snapshot may have: anything else (a path, `..`, another file) is not one of ours. */
export const BACKUP_NAME = new RegExp(
  `^luudong-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})-(${BACKUP_REASONS.join('|')})\\.sqlite$`,
);
const PARTIAL = '.partial';

/** A snapshot could not be written (disk full, folder not writable ...): the operation it guards must not go ahead. */
export class BackupFailedError extends Error {
  readonly code = 'BACKUP_FAILED';
  constructor(readonly reason: BackupReason, readonly detail: string, readonly folder: string) {
    super(`A backup copy could not be written to ${folder} (${detail}). Nothing was changed: free some disk space and try again.`);
  }
}

export interface BackupFile {
  file: string;
  /** Local time, `yyyy-MM-ddTHH:mm:ss`. */
  takenAt: string;
  reason: BackupReason;
}

export const backupsDirOf = (dbPath: string): string => join(dirname(dbPath), BACKUP_DIR_NAME);

export function parseBackupName(name: string): BackupFile | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  return { file: name, takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}`, reason: m[6] as BackupReason };
}

/** Snapshot files of a database, newest first (names sort by time). */
export function listBackupFiles(dbPath: string): BackupFile[] {
  const dir = backupsDirOf(dbPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .map(parseBackupName)
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

function freeName(dir: string, now: Date, reason: BackupReason): string {
  // Two snapshots in the same millisecond (a script, a test): the later one takes the next free millisecond.
  for (let t = now.getTime(); ; t++) {
    const name = `luudong-${format(new Date(t), "yyyy-MM-dd'T'HH-mm-ss-SSS")}-${reason}.sqlite`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, name + PARTIAL))) return name;
  }
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes a consistent copy of `db` (VACUUM INTO: a complete, compact database, WAL included) and
 * keeps the newest KEEP_BACKUPS. Written under a temporary name and renamed, so a crash or a
 * full disk never leaves a half snapshot in the list. Must run outside a transaction.
 */
export function takeSnapshot(db: Db, dbPath: string, reason: BackupReason, now = new Date()): BackupFile {
  const dir = backupsDirOf(dbPath);
  let partial: string | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    const name = freeName(dir, now, reason);
    partial = join(dir, name + PARTIAL);
    db.exec(`VACUUM INTO ${sqlString(partial)}`);
    // A copy of the people's data, like the database itself: for this user's eyes only.
    chmodSync(partial, 0o600);
    renameSync(partial, join(dir, name));
    partial = null;
    pruneBackups(dbPath);
    return parseBackupName(name)!;
  } catch (err) {
    if (partial) rmSync(partial, { force: true });
    throw new BackupFailedError(reason, err instanceof Error ? err.message : String(err), dir);
  }
}

/** Snapshot of a database file nobody has open yet (before a migration): read-only, the file is not touched. */
export function snapshotFile(dbPath: string, reason: BackupReason): BackupFile {
  const ro = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return takeSnapshot(ro, dbPath, reason);
  } finally {
    ro.close();
  }
}

/** Deletes all but the newest `keep` snapshots, and any half-written one left by a crash. */
export function pruneBackups(dbPath: string, keep = KEEP_BACKUPS): void {
  const dir = backupsDirOf(dbPath);
  for (const old of listBackupFiles(dbPath).slice(keep)) rmSync(join(dir, old.file), { force: true });
  const newest = listBackupFiles(dbPath)[0]?.file;
  for (const f of readdirSync(dir)) {
    // A .partial older than the newest finished snapshot belongs to a run that died.
    if (f.endsWith(PARTIAL) && newest && f.slice(0, -PARTIAL.length) < newest) rmSync(join(dir, f), { force: true });
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Why a file cannot be used as the app's database, or null if it passes SQLite's own
 * `PRAGMA integrity_check`. Read-only: the file is not changed.
 */
export function integrityProblem(file: string): string | null {
  let header: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      header = Buffer.alloc(SQLITE_HEADER.length);
      const n = readSync(fd, header, 0, header.length, 0);
      if (n === 0) return 'the file is empty';
      if (n < header.length || !header.equals(SQLITE_HEADER)) return 'the file is not a SQLite database';
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return `the file cannot be read (${err instanceof Error ? err.message : String(err)})`;
  }
  let ro: Db | null = null;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    const rows = ro.pragma('integrity_check(20)') as Array<{ integrity_check: string }>;
    const findings = rows.map((r) => r.integrity_check);
    return findings.length === 1 && findings[0] === 'ok' ? null : `integrity check failed: ${findings.slice(0, 3).join('; ')}`;
  } catch (err) {
    return `the database is damaged (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    ro?.close();
  }
}

/** The newest snapshot that passes the integrity check, or null. */
export function newestGoodBackup(dbPath: string): BackupFile | null {
  const dir = backupsDirOf(dbPath);
  return listBackupFiles(dbPath).find((b) => integrityProblem(join(dir, b.file)) === null) ?? null;
}

export interface BackupSummary {
  sizeBytes: number;
  plans: number;
  publishedPlans: number;
  hamlets: number;
  schemaVersion: number;
}

/** What a snapshot holds, for the list; null when it cannot be read. */
export function summarizeBackup(dbPath: string, file: string): BackupSummary | null {
  const path = join(backupsDirOf(dbPath), file);
  let ro: Db | null = null;
  try {
    const sizeBytes = statSync(path).size;
    ro = new Database(path, { readonly: true, fileMustExist: true });
    const count = (sql: string): number => (ro!.prepare(sql).pluck().get() as number | undefined) ?? 0;
    return {
      sizeBytes,
      plans: count('SELECT COUNT(*) FROM plans'),
      publishedPlans: count("SELECT COUNT(*) FROM plans WHERE status = 'published'"),
      hamlets: count('SELECT COUNT(*) FROM hamlets'),
      schemaVersion: ro.pragma('user_version', { simple: true }) as number,
    };
  } catch {
    return null;
  } finally {
    ro?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Step one of a restore, while the live database is still open: a copy of the snapshot beside it, on disk. */
export function stageSnapshot(dbPath: string, file: string): string {
  const staged = `${dbPath}.restoring`;
  copyFileSync(join(backupsDirOf(dbPath), file), staged);
  fsyncFile(staged);
  return staged;
}

/**
 * Step two, once every connection to the live database is closed (its WAL checkpointed into
 * it): the staged copy takes the live file's place in one rename. The live file's WAL and
 * shared-memory files go first: left there, SQLite would replay the old WAL onto the new file.
 * `keepOldAs` moves the old file (and its WAL) aside instead of replacing it: a damaged
 * database is kept for support, not deleted.
 */
export function installStaged(dbPath: string, staged: string, keepOldAs?: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const side = dbPath + suffix;
    if (!existsSync(side)) continue;
    if (keepOldAs) renameSync(side, keepOldAs + suffix);
    else rmSync(side, { force: true });
  }
  if (keepOldAs && existsSync(dbPath)) renameSync(dbPath, keepOldAs);
  renameSync(staged, dbPath);
}

/** Where a damaged database is moved when a snapshot replaces it. */
export const damagedCopyName = (dbPath: string, now = new Date()): string =>
  join(dirname(dbPath), `${basename(dbPath)}.damaged-${format(now, "yyyy-MM-dd'T'HH-mm-ss")}`);
