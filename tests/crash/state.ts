import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Each table's rows, hashed; times of day left out, since two identical runs differ there
 * (and the undo journal's hash of the state after a change, which covers such times).
 */
export type TableStates = Map<string, { rows: number; hash: string }>;

const VOLATILE = /(^|_)at$|^after_hash$/;

/** Opens the file as the app would after a crash (WAL replayed), checks integrity, reads every table. */
export function readState(file: string): { integrity: string; tables: TableStates } {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const tables: TableStates = new Map();
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const name of names) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !VOLATILE.test(k)))).sort();
      tables.set(name, { rows: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') });
    }
    tables.set('(schema)', { rows: 0, hash: String(db.pragma('user_version', { simple: true })) });
    return { integrity, tables };
  } finally {
    db.close();
  }
}

/** Tables whose contents differ between two states. */
export function differing(a: TableStates, b: TableStates, ignore: readonly string[] = []): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !ignore.includes(n) && a.get(n)?.hash !== b.get(n)?.hash).sort();
}
