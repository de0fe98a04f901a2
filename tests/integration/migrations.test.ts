import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseCorruptError, DatabaseTooNewError, latestVersion, loadMigrations, MigrationFailedError, openMigrated } from '../../src-main/db';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('migrations', () => {
  it('creates the whole schema from empty and records the version', () => {
    const file = join(tmp.dir, 'new', 'app.sqlite');
    const db = openMigrated(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    for (const t of ['hamlets', 'backlogs', 'teams', 'members', 'vehicles', 'shift_templates', 'calendar_exceptions',
      'travel_pairs', 'scenarios', 'plans', 'plan_routes', 'plan_visits', 'visit_results', 'audit_log', 'area_units']) {
      expect(tables(db)).toContain(t);
    }
    db.close();
  });

  it('is idempotent: a second open applies nothing and keeps the data', () => {
    const file = join(tmp.dir, 'app.sqlite');
    const db = openMigrated(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    db.close();
    const again = openMigrated(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    again.close();
    expect(existsSync(join(tmp.dir, 'backups'))).toBe(false);
  });

  it('refuses a database made by a newer version and leaves it byte for byte untouched', () => {
    const file = join(tmp.dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openMigrated(file)).toThrow(DatabaseTooNewError);
    expect(() => openMigrated(file)).toThrow(/newer version/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('takes a snapshot (backups/, before-migration) before migrating an existing database', () => {
    const dir = join(tmp.dir, 'mig');
    mkdirSync(dir);
    const [first] = loadMigrations();
    writeFileSync(join(dir, first!.name), first!.sql);
    const file = join(tmp.dir, 'old.sqlite');
    const old = openMigrated(file, loadMigrations(dir));
    old.prepare("INSERT INTO settings (key, value) VALUES ('kept', '\"yes\"')").run();
    old.close();
    writeFileSync(join(dir, '0002-test-extra.sql'), 'ALTER TABLE hamlets ADD COLUMN note TEXT;');
    const db = openMigrated(file, loadMigrations(dir));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: '"yes"' });
    db.close();
    const backups = readdirSync(join(tmp.dir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^luudong-.*-before-migration\.sqlite$/)]);
    const backup = new Database(join(tmp.dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('a step that fails on an existing database: a plain message naming it, the snapshot offered, and no new copy on every start', () => {
    const dir = join(tmp.dir, 'dup');
    mkdirSync(dir);
    const [first] = loadMigrations();
    writeFileSync(join(dir, first!.name), first!.sql);
    const file = join(tmp.dir, 'd.sqlite');
    const old = openMigrated(file, loadMigrations(dir));
    // A column already there (an earlier build added it by hand): the step's ALTER fails.
    old.exec('ALTER TABLE hamlets ADD COLUMN note TEXT');
    old.close();
    writeFileSync(join(dir, '0002-hamlet-note.sql'), 'ALTER TABLE hamlets ADD COLUMN note TEXT;');
    const attempt = (): MigrationFailedError => {
      try {
        openMigrated(file, loadMigrations(dir)).close();
      } catch (err) {
        return err as MigrationFailedError;
      }
      throw new Error('the migration did not fail');
    };
    const err = attempt();
    expect(err).toBeInstanceOf(DatabaseCorruptError);
    expect(err.message).toContain('from version 1 to 2 failed at step 0002-hamlet-note.sql (duplicate column name: note)');
    expect(err.message).toContain('rolled back');
    expect(err.newestGood?.reason).toBe('before-migration');
    const snapshots = readdirSync(join(tmp.dir, 'backups'));
    expect(snapshots).toHaveLength(1);
    // The next two starts fail the same way and reuse that snapshot.
    expect(attempt().newestGood?.file).toBe(err.newestGood?.file);
    expect(attempt().message).toContain('0002-hamlet-note.sql');
    expect(readdirSync(join(tmp.dir, 'backups'))).toEqual(snapshots);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const dir = join(tmp.dir, 'bad');
    mkdirSync(dir);
    const [first] = loadMigrations();
    writeFileSync(join(dir, first!.name), first!.sql);
    writeFileSync(join(dir, '0002-broken.sql'), 'ALTER TABLE hamlets ADD COLUMN a TEXT; THIS IS NOT SQL;');
    const file = join(tmp.dir, 'b.sqlite');
    expect(() => openMigrated(file, loadMigrations(dir))).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const cols = (db.prepare('PRAGMA table_info(hamlets)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).not.toContain('a');
    db.close();
  });
});
