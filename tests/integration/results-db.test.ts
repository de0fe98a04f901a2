import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPlans, loadPlanningInstance, openDatabase, savePlan, type Db } from '../../src-main/db';
import { listBacklogs } from '../../src-main/db/repos/places';
import { followedVisits, recordResult } from '../../src-main/db/repos/results';
import { saveSamplePlan, sampleReport, sampleRoutes } from '../helpers/sample-plan';
import { tempDir } from '../helpers/tmp';
import { join } from 'node:path';

// Schema v5 (migration 0005): results columns and the rules the database itself keeps.
let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(join(tmp.dir, 'luudong.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const firstVisit = (planId: number): number =>
  (db.prepare('SELECT v.id FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE r.plan_id = ? ORDER BY v.id LIMIT 1').get(planId) as { id: number }).id;
const insert = (visitId: number, values: Partial<Record<string, unknown>> = {}) => {
  const row = { enrolled_cccd: 1, enrolled_eid: 2, home_cccd: 0, home_eid: 0, not_done_reason: null, ...values };
  db.prepare(`INSERT INTO visit_results (visit_id, enrolled_cccd, enrolled_eid, home_cccd, home_eid, recorded_on, not_done_reason)
    VALUES (?, ?, ?, ?, ?, '2022-12-01', ?)`).run(visitId, row.enrolled_cccd, row.enrolled_eid, row.home_cccd, row.home_eid, row.not_done_reason);
};

describe('visit_results (schema v6)', () => {
  it('has the reason and time columns', () => {
    const cols = (db.prepare('PRAGMA table_info(visit_results)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['not_done_reason', 'recorded_at', 'enrolled_cccd', 'home_eid', 'note']));
  });

  it('refuses, in the database itself, a result for a draft plan, an unknown reason, or inconsistent counts', () => {
    const draft = saveSamplePlan(db, { status: 'draft' });
    expect(() => insert(firstVisit(draft))).toThrow(/published plan/);
    const kept = firstVisit(saveSamplePlan(db, { status: 'published' }));
    expect(() => insert(kept, { not_done_reason: 'tired', enrolled_cccd: 0, enrolled_eid: 0 })).toThrow(/CHECK/);
    expect(() => insert(kept, { home_cccd: 2 })).toThrow(/inconsistent/);
    expect(() => insert(kept, { not_done_reason: 'other' })).toThrow(/inconsistent/);
    insert(kept);
    expect(() => db.prepare('UPDATE visit_results SET home_eid = 5 WHERE visit_id = ?').run(kept)).toThrow(/inconsistent/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM visit_results').get()).toEqual({ n: 1 });
  });

  it('follows the archived plan for the days before the published one starts', () => {
    const old = saveSamplePlan(db, { name: 'cũ', status: 'archived' });
    const routes = sampleRoutes(db).filter((r) => r.date >= '2022-12-01');
    const current = savePlan(db, { name: 'mới', status: 'published', fromDate: '2022-12-01', seed: 1, routes, report: sampleReport(routes, '2022-12-01') });
    const visits = followedVisits(db);
    expect(new Set(visits.filter((v) => v.date < '2022-12-01').map((v) => v.planId))).toEqual(new Set([old]));
    expect(new Set(visits.filter((v) => v.date >= '2022-12-01').map((v) => v.planId))).toEqual(new Set([current]));
  });

  it('lists a day\'s visits in the order the teams go out: the morning home visits before the evening', () => {
    const routes = sampleRoutes(db);
    // The home-visit route (08:00, a later template) moved onto the evening route's day.
    const home = routes.find((r) => r.date === '2022-11-30')!;
    home.date = '2022-11-28';
    const planId = savePlan(db, { name: 'một ngày hai ca', status: 'published', fromDate: '2022-11-26', seed: 1, routes, report: sampleReport(routes, '2022-11-26') });
    const day = followedVisits(db, { from: '2022-11-28', to: '2022-11-28' });
    expect(day.every((v) => v.planId === planId)).toBe(true);
    expect(new Set(day.map((v) => v.templateId)).size).toBe(2);
    expect(day.map((v) => v.startMin)).toEqual([...day.map((v) => v.startMin)].sort((a, b) => a - b));
    expect(day[0]!.homeVisits.eid).toBeGreaterThan(0);
  });

  it('the planning instance carries the remaining backlog, never below zero', () => {
    const planId = saveSamplePlan(db, { status: 'published' });
    const visitId = firstVisit(planId);
    const hamletId = (db.prepare('SELECT hamlet_id FROM plan_visits WHERE id = ?').get(visitId) as { hamlet_id: number }).hamlet_id;
    const register = listBacklogs(db).find((b) => b.hamletId === hamletId)!;
    recordResult(db, visitId, { enrolled: { cccd: register.remaining.cccd + 2, eid: 3 }, homeVisits: { cccd: 0, eid: 0 }, note: '', notDone: null },
      { acceptAboveBacklog: true, raiseRegister: false, today: '2022-12-31' });
    const instance = loadPlanningInstance(db);
    expect(instance.backlogs.find((b) => b.hamletId === hamletId)!.remaining).toEqual({ cccd: 0, eid: register.remaining.eid - 3 });
    // The register itself is untouched.
    expect(listBacklogs(db).find((b) => b.hamletId === hamletId)).toEqual(register);
  });

  it('the same result saved again (a reason chosen, then Enter) changes nothing and logs nothing', () => {
    const visitId = firstVisit(saveSamplePlan(db, { status: 'published' }));
    const notDone = { enrolled: { cccd: 0, eid: 0 }, homeVisits: { cccd: 0, eid: 0 }, note: '', notDone: 'rain_road_cut' as const };
    const options = { acceptAboveBacklog: false, raiseRegister: false, today: '2022-12-31' };
    const logged = (): number => (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'results'").get() as { n: number }).n;
    recordResult(db, visitId, notDone, options);
    expect(logged()).toBe(1);
    expect(recordResult(db, visitId, notDone, options).recorded).toBe(true);
    expect(logged()).toBe(1);
    recordResult(db, visitId, { ...notDone, note: 'Đường sạt' }, options);
    expect(logged()).toBe(2);
  });

  it('accepting more than the register has left still never records more people than the hamlet has', () => {
    const visitId = firstVisit(saveSamplePlan(db, { status: 'published' }));
    const { population } = db.prepare('SELECT h.population FROM plan_visits v JOIN hamlets h ON h.id = v.hamlet_id WHERE v.id = ?').get(visitId) as { population: number };
    const outcome = (eid: number) => ({ enrolled: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: 0 }, note: '', notDone: null });
    const options = { acceptAboveBacklog: true, raiseRegister: false, today: '2022-12-31' };
    expect(() => recordResult(db, visitId, outcome(population + 1), options)).toThrow(/would pass it/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM visit_results').get()).toEqual({ n: 0 });
    expect(recordResult(db, visitId, outcome(population), options).recorded).toBe(true);
  });

  it('a plan knows how many results were recorded after it was made (so a comparison can say it predates them)', async () => {
    const before = saveSamplePlan(db, { status: 'published' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const visitId of (db.prepare('SELECT v.id FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE r.plan_id = ? ORDER BY v.id LIMIT 2').all(before) as { id: number }[]).map((r) => r.id)) {
      recordResult(db, visitId, { enrolled: { cccd: 0, eid: 1 }, homeVisits: { cccd: 0, eid: 0 }, note: '', notDone: null },
        { acceptAboveBacklog: false, raiseRegister: false, today: '2022-12-31' });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    const routes = sampleRoutes(db);
    const after = savePlan(db, { name: 'sau kết quả', status: 'draft', fromDate: '2022-11-26', seed: 1, routes, report: sampleReport(routes, '2022-11-26') });
    const plans = listPlans(db);
    expect(plans.find((p) => p.id === before)!.resultsAfter).toBe(2);
    expect(plans.find((p) => p.id === after)!.resultsAfter).toBe(0);
  });
});
