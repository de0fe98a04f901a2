import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupsDirOf, integrityProblem, listBackupFiles, newestGoodBackup, snapshotFile, type BackupFile } from './backups';
import { migrationsDir } from './paths';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  readonly code = 'DB_TOO_NEW';
  constructor(readonly found: number, readonly supported: number, file: string) {
    super(
      `The database ${file} was made by a newer version of Lưu Động (schema ${found}; this version knows ${supported}). ` +
        'It has not been opened or changed. Please update the app.',
    );
  }
}

/**
 * A database that is not a SQLite file or fails `PRAGMA integrity_check`: not opened, not
 * changed; the app starts in an error state offering the newest snapshot that passes the check.
 */
export class DatabaseCorruptError extends Error {
  readonly code = 'DB_CORRUPT';
  constructor(readonly file: string, readonly problem: string, readonly newestGood: BackupFile | null) {
    super(
      `The database ${file} cannot be used: ${problem}. It has not been opened or changed. ` +
        (newestGood
          ? `The newest good backup is ${newestGood.file} (taken ${newestGood.takenAt.replace('T', ' ')}): restore it from the Backups screen, or with: npm run backup -- restore ${newestGood.file} --db "${file}"`
          : `No good backup was found in ${backupsDirOf(file)}.`),
    );
  }
}

/**
 * An upgrade step that failed: rolled back, so the file is as it was; the app starts in the
 * damaged-database state (the same screen offers the snapshot taken before the attempt) instead
 * of showing SQLite's bare words ("duplicate column name: after_hash").
 */
export class MigrationFailedError extends DatabaseCorruptError {
  constructor(file: string, step: string, from: number, to: number, cause: string, before: BackupFile | null) {
    super(
      file,
      `the upgrade of its schema from version ${from} to ${to} failed at step ${step} (${cause}); the step was rolled back, so the file is as it was. ` +
        'This version of the app cannot use it: send the file to whoever supports Lưu Động, or go back to the snapshot',
      before,
    );
  }
}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

export const latestVersion = (migrations = loadMigrations()): number =>
  migrations.reduce((v, m) => Math.max(v, m.version), 0);

/** Reads user_version without creating or changing the file. */
function peekVersion(file: string): number {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return ro.pragma('user_version', { simple: true }) as number;
  } finally {
    ro.close();
  }
}

/** When a file last changed; an empty file counts as never (a read-only open leaves an empty -wal behind). */
const modifiedAt = (file: string): number => {
  const stat = existsSync(file) ? statSync(file) : null;
  return stat && stat.size > 0 ? stat.mtimeMs : 0;
};

/**
 * The snapshot before an upgrade: a new one unless the newest before-migration snapshot was taken
 * after the file last changed (an upgrade that fails on every start must not fill the folder
 * with copies of the same database, pushing the useful snapshots out).
 */
function snapshotBeforeMigration(file: string): BackupFile {
  const last = listBackupFiles(file).find((b) => b.reason === 'before-migration');
  const changed = Math.max(modifiedAt(file), modifiedAt(`${file}-wal`));
  if (last && modifiedAt(join(backupsDirOf(file), last.file)) >= changed) return last;
  return snapshotFile(file, 'before-migration');
}

/**
 * Opens (creating if needed) and migrates a database. A damaged database (DatabaseCorruptError)
 * and one from a newer app (DatabaseTooNewError) are refused before any write; a snapshot
 * (backups/, reason before-migration) is taken before any migration of an existing file, and
 * a migration whose snapshot cannot be written does not run (BackupFailedError).
 */
export function openMigrated(file: string, migrations = loadMigrations()): Db {
  const latest = latestVersion(migrations);
  const isMemory = file === ':memory:';
  const existed = !isMemory && existsSync(file);
  // An empty file with no snapshot beside it is a database that was never written: start it afresh.
  const blank = existed && statSync(file).size === 0 && listBackupFiles(file).length === 0;
  let before: BackupFile | null = null;
  if (existed && !blank) {
    const problem = integrityProblem(file);
    if (problem) throw new DatabaseCorruptError(file, problem, newestGoodBackup(file));
    const found = peekVersion(file);
    if (found > latest) throw new DatabaseTooNewError(found, latest, file);
    if (found < latest && found > 0) before = snapshotBeforeMigration(file);
  } else if (!isMemory) {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  let version = current;
  for (const m of migrations.filter((mm) => mm.version > current)) {
    try {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (err) {
      db.close();
      throw new MigrationFailedError(file, m.name, version, latest, err instanceof Error ? err.message : String(err), before);
    }
    version = m.version;
  }
  return db;
}
