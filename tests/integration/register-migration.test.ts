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

  it('0004 makes the routes and visits of a plan published before it read-only, and keeps them', () => {
    const file = join(tmp.dir, 'app.sqlite');
    const v3 = openAt(file, 3);
    v3.exec(`INSERT INTO area_units (id, level, code, name) VALUES (1, 'district', 'D', 'D');
      INSERT INTO communes (id, area_id, code, name, lat, lon, population) VALUES (1, 1, 'C', 'C', 20, 105, 10);
      INSERT INTO hamlets (id, commune_id, code, name, lat, lon, population, road_class, reach_weekday_day, reach_weekday_evening, reach_weekend)
        VALUES (1, 1, 'H', 'H', 20, 105, 10, 'paved', 0.5, 0.5, 0.5);
      INSERT INTO bases (id, kind, name, lat, lon) VALUES (1, 'hq', 'HQ', 20, 105);
      INSERT INTO teams (id, code, name, kind, base_id, size, services, throughput_cccd, throughput_eid, home_throughput, setup_minutes,
        allowed_shift_kinds, max_shifts_per_week, max_consecutive_evenings) VALUES (1, 'T', 'T', 'mobile', 1, 3, '["eid"]', 0, 10, 2, 10, '[]', 5, 3);
      INSERT INTO shift_templates (id, code, name, kind, weekdays, start_min, end_min) VALUES (1, 'S', 'S', 'weekday_evening', '[1]', 1080, 1320);
      INSERT INTO plans (id, name, status, created_at, from_date, seed, report) VALUES (1, 'P', 'published', 'x', '2022-11-21', 1, '{}');
      INSERT INTO plan_routes (id, plan_id, seq, date, template_id, team_id, base_id, vehicle_ids, depart_min, return_min, distance_m, cost)
        VALUES (1, 1, 0, '2022-11-21', 1, 1, 1, '[]', 1050, 1350, 0, 0);
      INSERT INTO plan_visits (route_id, seq, hamlet_id, arrive_min, start_min, end_min) VALUES (1, 0, 1, 1080, 1090, 1300);`);
    v3.close();
    const db = openMigrated(file);
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_visits').get()).toEqual({ n: 1 });
    expect(() => db.prepare('DELETE FROM plan_visits').run()).toThrow(/read-only/);
    expect(() => db.prepare("UPDATE plans SET status = 'draft'").run()).toThrow(/read-only/);
    expect(db.prepare('UPDATE plan_routes SET pinned = 1').run().changes).toBe(1);
    db.prepare("UPDATE plans SET status = 'archived'").run();
    db.prepare('DELETE FROM plans').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_visits').get()).toEqual({ n: 0 });
    db.close();
  });
});
