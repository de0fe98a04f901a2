import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Problem } from '../../core/register';
import type { Db } from '../open';
import { audit } from './audit';

/** Rows a change may touch: `table` rows matching every column of `where`. */
export interface Spot {
  table: string;
  where: Record<string, string | number>;
}
type Row = Record<string, unknown>;
type Stmt = Database.Statement<unknown[], unknown>;
interface Captured extends Spot {
  rows: Row[];
}

export interface JournalEntry {
  id: number;
  at: string;
  userName: string;
  action: string;
  list: string;
  summary: Problem;
}

/** Only these tables are ever captured or restored; a journal naming another is refused. */
const TABLES = new Set([
  'communes', 'commune_outlines', 'hamlets', 'backlogs', 'bases', 'travel_pairs', 'teams', 'team_days_off', 'members', 'vehicles',
  'vehicle_unavailable', 'shift_templates', 'calendar_exceptions', 'campaigns', 'plan_routes', 'plan_visits', 'visit_results',
]);
const KEEP_ENTRIES = 20;
const IDENT = /^[a-z_]+$/;

function whereSql(where: Record<string, string | number>): string {
  const cols = Object.keys(where);
  if (!cols.length || !cols.every((c) => IDENT.test(c))) throw new Error(`bad journal columns: ${cols.join(',')}`);
  return cols.map((c) => `${c} = ?`).join(' AND ');
}

function checkTable(table: string): void {
  if (!TABLES.has(table)) throw new Error(`table ${table} is not journaled`);
}

/** Reads the rows a change is about to touch (call inside its transaction, before writing). */
export function capture(db: Db, spots: Spot[]): Captured[] {
  const sql = statementCache(db);
  return spots.map((s) => {
    checkTable(s.table);
    return { ...s, rows: sql(`SELECT * FROM ${s.table} WHERE ${whereSql(s.where)}`).all(...Object.values(s.where)) as Row[] };
  });
}

/**
 * Audits a change and journals what it overwrote, in the caller's transaction. The journal
 * entry is tied to its audit row: a data reset empties the audit log, and so voids old undos.
 */
export function journal(
  db: Db,
  change: { action: string; list: string; entityId: string | null; summary: Problem; details: unknown; before: Captured[] },
): void {
  audit(db, change.action, change.list, change.entityId, { summary: change.summary, ...(change.details as object) });
  // The audit row just written gives the time and the OS user name (one source for both).
  const row = db.prepare('SELECT id, at, user_name FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; at: string; user_name: string };
  db.prepare(
    `INSERT INTO undo_journal (at, user_name, action, list, summary, audit_id, audit_at, rows_before, after_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.at, row.user_name, change.action, change.list, JSON.stringify(change.summary), row.id, row.at, JSON.stringify(change.before),
    stateHash(db, change.before));
  db.prepare('DELETE FROM undo_journal WHERE id NOT IN (SELECT id FROM undo_journal ORDER BY id DESC LIMIT ?)').run(KEEP_ENTRIES);
}

interface JournalRow {
  id: number; at: string; user_name: string; action: string; list: string; summary: string; audit_id: number; audit_at: string;
  rows_before: string; after_hash: string;
}

/** A fingerprint of the rows a change left behind, to notice when something changed them since. */
function stateHash(db: Db, spots: Spot[]): string {
  const hash = createHash('sha256');
  for (const c of capture(db, spots.map(({ table, where }) => ({ table, where })))) hash.update(JSON.stringify(c.rows));
  return hash.digest('hex');
}

/** The newest change that can still be undone; stale entries (after a data reset) are dropped. */
function latest(db: Db): JournalRow | null {
  const row = db.prepare('SELECT * FROM undo_journal ORDER BY id DESC LIMIT 1').get() as JournalRow | undefined;
  if (!row) return null;
  const audited = db.prepare('SELECT at FROM audit_log WHERE id = ?').get(row.audit_id) as { at: string } | undefined;
  // No fingerprint: journaled before schema v3, so there is no way to tell it is still safe to undo.
  if (audited?.at === row.audit_at && row.after_hash !== '') return row;
  db.prepare('DELETE FROM undo_journal').run();
  return null;
}

export function peekUndo(db: Db): JournalEntry | null {
  const row = latest(db);
  return row && {
    id: row.id, at: row.at, userName: row.user_name, action: row.action, list: row.list, summary: JSON.parse(row.summary) as Problem,
  };
}

export class UndoConflict extends Error {}

function statementCache(db: Db): (sql: string) => Stmt {
  const cache = new Map<string, Stmt>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
}

const primaryKeys = new WeakMap<Db, Map<string, string[]>>();
function primaryKey(db: Db, table: string): string[] {
  let known = primaryKeys.get(db);
  if (!known) primaryKeys.set(db, (known = new Map()));
  let pk = known.get(table);
  if (!pk) {
    const cols = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; pk: number }>;
    pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    known.set(table, pk);
  }
  return pk;
}

const pkOf = (pk: string[], row: Row): string => JSON.stringify(pk.map((k) => row[k]));

/**
 * Puts back the rows of the newest change, in one transaction: children are removed before
 * their parents, parents restored before their children. Rows added since by something else
 * that still points at them (a plan made after an import) make the undo fail, changing nothing.
 */
export function undoLatest(db: Db, expectedId: number): JournalEntry {
  return db.transaction(() => {
    const row = latest(db);
    if (!row || row.id !== expectedId) throw new UndoConflict('the change to undo is no longer the latest one');
    const entry = peekUndo(db)!;
    const captured = JSON.parse(row.rows_before) as Captured[];
    // Rows changed since by something that is not journaled (planning results, another tool): undo would overwrite it.
    if (stateHash(db, captured) !== row.after_hash) throw new UndoConflict('the data has changed since this change');
    const sql = statementCache(db);
    try {
      // Rows that were not there before go, children first ...
      for (const c of [...captured].reverse()) {
        checkTable(c.table);
        const pk = primaryKey(db, c.table);
        const kept = new Set(c.rows.map((r) => pkOf(pk, r)));
        for (const current of sql(`SELECT * FROM ${c.table} WHERE ${whereSql(c.where)}`).all(...Object.values(c.where)) as Row[]) {
          if (!kept.has(pkOf(pk, current))) sql(`DELETE FROM ${c.table} WHERE ${pk.map((k) => `${k} = ?`).join(' AND ')}`).run(...pk.map((k) => current[k]));
        }
      }
      // ... and rows that were there get their old values back in place, parents first.
      for (const c of captured) {
        const pk = primaryKey(db, c.table);
        const byPk = pk.map((k) => `${k} = ?`).join(' AND ');
        for (const r of c.rows) {
          const cols = Object.keys(r);
          if (!cols.every((k) => IDENT.test(k))) throw new Error('bad journal row');
          const exists = sql(`SELECT 1 FROM ${c.table} WHERE ${byPk}`).get(...pk.map((k) => r[k]));
          if (exists) sql(`UPDATE ${c.table} SET ${cols.map((k) => `${k} = ?`).join(', ')} WHERE ${byPk}`).run(...cols.map((k) => r[k]), ...pk.map((k) => r[k]));
          else sql(`INSERT INTO ${c.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => r[k]));
        }
      }
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new UndoConflict((err as Error).message);
      throw err;
    }
    db.prepare('DELETE FROM undo_journal WHERE id = ?').run(row.id);
    audit(db, 'undo', row.list, null, { summary: entry.summary, undone: { action: row.action, at: row.at, user: row.user_name } });
    return entry;
  })();
}
