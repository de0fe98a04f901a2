import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, openMigrated } from '../../src-main/db';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 0002-register (undo journal)', () => {
  it('adds the undo journal to a version-1 database and keeps its data', () => {
    const v1 = join(tmp.dir, 'v1');
    mkdirSync(v1);
    const first = loadMigrations().find((m) => m.version === 1)!;
    writeFileSync(join(v1, first.name), first.sql);
    const file = join(tmp.dir, 'app.sqlite');
    const old = openMigrated(file, loadMigrations(v1));
    old.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    old.close();

    const db = openMigrated(file);
    const register = loadMigrations().find((m) => m.name === '0002-register.sql')!;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(register.version);
    const cols = (db.prepare('PRAGMA table_info(undo_journal)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(['id', 'at', 'user_name', 'action', 'list', 'summary', 'audit_id', 'audit_at', 'rows_before']);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: '1' });
    db.close();
    const ro = new Database(file, { readonly: true });
    expect(ro.prepare('SELECT COUNT(*) AS n FROM undo_journal').get()).toEqual({ n: 0 });
    ro.close();
  });
});
