import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, openMigrated } from '../../src-main/db';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** A database made by an older app: only the migrations up to `version`. */
function openAt(file: string, version: number) {
  const dir = join(tmp.dir, `v${version}`);
  mkdirSync(dir, { recursive: true });
  for (const m of loadMigrations().filter((mm) => mm.version <= version)) writeFileSync(join(dir, m.name), m.sql);
  return openMigrated(file, loadMigrations(dir));
}

const columns = (db: ReturnType<typeof openMigrated>): string[] =>
  (db.prepare('PRAGMA table_info(undo_journal)').all() as Array<{ name: string }>).map((c) => c.name);

describe('register migrations', () => {
  it('0002 adds the undo journal to a version-1 database and keeps its data', () => {
    const file = join(tmp.dir, 'app.sqlite');
    const old = openAt(file, 1);
    old.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    old.close();
    const db = openAt(file, 2);
    expect(columns(db)).toEqual(['id', 'at', 'user_name', 'action', 'list', 'summary', 'audit_id', 'audit_at', 'rows_before']);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('0003 gives journal entries a fingerprint; an entry from before it is not offered for undo', () => {
    const file = join(tmp.dir, 'app.sqlite');
    const v2 = openAt(file, 2);
    v2.prepare("INSERT INTO audit_log (at, user_name, action, entity, entity_id, details) VALUES ('2022-11-20T00:00:00Z', 'u', 'edit', 'hamlets', '1', '{}')").run();
    v2.prepare(`INSERT INTO undo_journal (at, user_name, action, list, summary, audit_id, audit_at, rows_before)
      VALUES ('2022-11-20T00:00:00Z', 'u', 'edit', 'hamlets', '{}', 1, '2022-11-20T00:00:00Z', '[]')`).run();
    v2.close();
    const db = openMigrated(file);
    expect(columns(db)).toContain('after_hash');
    expect(db.prepare('SELECT after_hash FROM undo_journal').all()).toEqual([{ after_hash: '' }]);
    db.close();
  });
});
