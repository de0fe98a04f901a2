import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * Opens (creating if needed) and migrates a database. A database from a newer app is
 * refused before any write; a backup copy is taken before any migration of an existing file.
 */
export function openMigrated(file: string, migrations = loadMigrations()): Db {
  const latest = latestVersion(migrations);
  const isMemory = file === ':memory:';
  const existed = !isMemory && existsSync(file);
  if (existed) {
    const found = peekVersion(file);
    if (found > latest) throw new DatabaseTooNewError(found, latest, file);
    if (found < latest && found > 0) {
      copyFileSync(file, `${file}.v${found}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`);
    }
  } else if (!isMemory) {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations.filter((mm) => mm.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}
