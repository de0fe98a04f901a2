import type { PlanReport, PlanStatus, PlanSummary, Route } from '../../core/model';
import type { Db } from '../open';
import { DbRefusal } from '../refusal';
import { audit } from './audit';
import { resultsConflict } from './results';

export interface NewPlan {
  name: string;
  status: PlanStatus;
  fromDate: string;
  seed: number;
  scenarioId?: number | null;
  routes: Route[];
  report: PlanReport;
  /** The data's version when the instance was read (dataVersion()); default: now. */
  dataVersion?: number;
  /** What "what would it take?" added to the scenario for this plan ("teams +3"); none for the scenario's own plans. */
  extra?: string | null;
}

/** How many changes the data plans are made from has seen (schema v6 counts them in triggers). */
export function dataVersion(db: Db): number {
  return (db.prepare('SELECT n FROM data_version WHERE id = 1').get() as { n: number }).n;
}

/** A route as stored: the same shape as the model plus database ids for each stop. */
export interface StoredRoute extends Route {
  id: number;
  visitIds: number[];
}

export interface StoredPlan {
  summary: PlanSummary;
  report: PlanReport;
  routes: StoredRoute[];
}

export function savePlan(db: Db, plan: NewPlan): number {
  // A what-if's routes may use teams and shifts that exist only in the scenario: kept as JSON (schema v7).
  const whatIf = plan.scenarioId != null;
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO plans (scenario_id, name, status, created_at, published_at, from_date, seed, report, data_version, routes_json, extra)
         VALUES (?, ?, 'draft', ?, NULL, ?, ?, ?, ?, ?, ?)`,
      )
      .run(plan.scenarioId ?? null, plan.name, new Date().toISOString(), plan.fromDate, plan.seed, JSON.stringify(plan.report),
        plan.dataVersion ?? dataVersion(db), whatIf ? JSON.stringify(plan.routes) : null, plan.extra ?? null);
    const planId = Number(lastInsertRowid);
    const insertRoute = db.prepare(
      `INSERT INTO plan_routes (plan_id, seq, date, template_id, team_id, base_id, vehicle_ids, depart_min, return_min, distance_m, cost, pinned)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertVisit = db.prepare(
      `INSERT INTO plan_visits (route_id, seq, hamlet_id, arrive_min, start_min, end_min, quota_cccd, quota_eid, home_cccd, home_eid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    if (!whatIf) plan.routes.forEach((r, seq) => {
      const routeId = Number(
        insertRoute.run(planId, seq, r.date, r.templateId, r.teamId, r.baseId, JSON.stringify(r.vehicleIds), r.departMin,
          r.returnMin, r.distanceM, r.cost, r.pinned ? 1 : 0).lastInsertRowid,
      );
      r.stops.forEach((s, i) =>
        insertVisit.run(routeId, i, s.hamletId, s.arriveMin, s.startMin, s.endMin, s.quota.cccd, s.quota.eid,
          s.homeVisits.cccd, s.homeVisits.eid),
      );
    });
    // Written as a draft, then given its status: a published or archived plan's rows are read-only (schema v4).
    if (plan.status !== 'draft') {
      db.prepare('UPDATE plans SET status = ?, published_at = ? WHERE id = ?').run(plan.status, plan.status === 'published' ? new Date().toISOString() : null, planId);
    }
    audit(db, 'create', 'plan', planId, { name: plan.name, routes: plan.routes.length });
    return planId;
  })();
}

interface PlanRow {
  id: number; scenario_id: number | null; name: string; status: PlanStatus; created_at: string;
  published_at: string | null; from_date: string; seed: number; report: string; data_version: number | null; routes_json: string | null;
  extra: string | null;
  /** The data's version now (selected alongside). */
  data_now: number;
  /** Results recorded after the plan was made (selected alongside). */
  results_after: number;
}

const PLAN_ROWS = `SELECT p.*, (SELECT n FROM data_version WHERE id = 1) AS data_now,
  (SELECT COUNT(*) FROM visit_results vr WHERE vr.recorded_at > p.created_at) AS results_after FROM plans p`;

function toSummary(r: PlanRow, report: PlanReport): PlanSummary {
  return {
    id: r.id, name: r.name, status: r.status, createdAt: r.created_at, publishedAt: r.published_at,
    scenarioId: r.scenario_id, extra: r.extra, fromDate: r.from_date, deadlineMet: report.deadlineMet,
    enrolled: report.enrolled.cccd + report.enrolled.eid, backlog: report.backlog.cccd + report.backlog.eid,
    short: (report.shortfall ?? []).reduce((sum, h) => sum + h.missing.cccd + h.missing.eid, 0),
    stale: r.data_version !== null && r.data_version < r.data_now,
    resultsAfter: r.results_after,
  };
}

export function listPlans(db: Db): PlanSummary[] {
  return (db.prepare(`${PLAN_ROWS} ORDER BY p.id DESC`).all() as PlanRow[]).map((r) =>
    toSummary(r, JSON.parse(r.report) as PlanReport),
  );
}

/** A plan's name, any status: the name is the user's label, not part of what was published. */
export function renamePlan(db: Db, planId: number, name: string): boolean {
  return db.transaction(() => {
    const before = db.prepare('SELECT name FROM plans WHERE id = ?').get(planId) as { name: string } | undefined;
    if (!before) return false;
    db.prepare('UPDATE plans SET name = ? WHERE id = ?').run(name, planId);
    audit(db, 'rename', 'plan', planId, { from: before.name, to: name });
    return true;
  })();
}

/**
 * Deletes a draft with its routes and visits. Published and archived plans are the record of
 * what was sent to the communes (and what results refer to): never deleted.
 */
export function deleteDraft(db: Db, planId: number): 'deleted' | 'missing' | 'kept' {
  return db.transaction(() => {
    const row = db.prepare('SELECT name, status FROM plans WHERE id = ?').get(planId) as { name: string; status: PlanStatus } | undefined;
    if (!row) return 'missing';
    if (row.status !== 'draft') return 'kept';
    db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
    audit(db, 'delete', 'plan', planId, { name: row.name });
    return 'deleted';
  })();
}

export function publishedPlanId(db: Db): number | null {
  const row = db.prepare("SELECT id FROM plans WHERE status = 'published' ORDER BY id DESC LIMIT 1").get() as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

export function getPlan(db: Db, planId: number): StoredPlan | null {
  const row = db.prepare(`${PLAN_ROWS} WHERE p.id = ?`).get(planId) as PlanRow | undefined;
  if (!row) return null;
  const report = JSON.parse(row.report) as PlanReport;
  if (row.routes_json !== null) {
    // A what-if's routes: numbered by position within the plan (they have no rows; no result refers to them).
    let visitId = 0;
    const routes = (JSON.parse(row.routes_json) as Route[]).map((r, i): StoredRoute => ({ ...r, id: i + 1, visitIds: r.stops.map(() => ++visitId) }));
    return { summary: toSummary(row, report), report, routes };
  }
  const routeRows = db.prepare('SELECT * FROM plan_routes WHERE plan_id = ? ORDER BY seq').all(planId) as Array<{
    id: number; date: string; template_id: number; team_id: number; base_id: number; vehicle_ids: string;
    depart_min: number; return_min: number; distance_m: number; cost: number; pinned: number;
  }>;
  const visitRows = db
    .prepare('SELECT v.* FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE r.plan_id = ? ORDER BY v.route_id, v.seq')
    .all(planId) as Array<{
      id: number; route_id: number; hamlet_id: number; arrive_min: number; start_min: number; end_min: number;
      quota_cccd: number; quota_eid: number; home_cccd: number; home_eid: number;
    }>;
  const byRoute = new Map<number, typeof visitRows>();
  for (const v of visitRows) byRoute.set(v.route_id, [...(byRoute.get(v.route_id) ?? []), v]);
  const routes = routeRows.map((r): StoredRoute => {
    const visits = byRoute.get(r.id) ?? [];
    return {
      id: r.id, date: r.date, templateId: r.template_id, teamId: r.team_id, baseId: r.base_id,
      vehicleIds: JSON.parse(r.vehicle_ids) as number[], departMin: r.depart_min, returnMin: r.return_min,
      distanceM: r.distance_m, cost: r.cost, pinned: r.pinned === 1,
      visitIds: visits.map((v) => v.id),
      stops: visits.map((v) => ({
        hamletId: v.hamlet_id, arriveMin: v.arrive_min, startMin: v.start_min, endMin: v.end_min,
        quota: { cccd: v.quota_cccd, eid: v.quota_eid }, homeVisits: { cccd: v.home_cccd, eid: v.home_eid },
      })),
    };
  });
  return { summary: toSummary(row, report), report, routes };
}

/**
 * The draft becomes the current plan; earlier published plans are kept, read-only, as archived.
 * Refused for a draft that starts on or before a day with recorded results: it would take those
 * days over with visits that have none, and its figures count the people the results already took.
 */
export function publishPlan(db: Db, planId: number): void {
  db.transaction(() => {
    const draft = db.prepare("SELECT from_date, name FROM plans WHERE id = ? AND status = 'draft'").get(planId) as { from_date: string; name: string } | undefined;
    const conflict = draft ? resultsConflict(db, draft.from_date) : null;
    if (draft && conflict) {
      throw new DbRefusal('CONFLICT', `This draft plans from ${draft.from_date}, on or before ${conflict.lastResult}, the last day with recorded results: publishing it would take those days over. Plan again (from the day after).`,
        { key: 'publishBeforeResults', params: { from: draft.from_date, lastResult: conflict.lastResult } });
    }
    const now = new Date().toISOString();
    db.prepare("UPDATE plans SET status = 'archived' WHERE status = 'published' AND id <> ?").run(planId);
    const changed = db.prepare("UPDATE plans SET status = 'published', published_at = ? WHERE id = ? AND status = 'draft' AND scenario_id IS NULL").run(now, planId);
    if (changed.changes !== 1) throw new Error(`plan ${planId} is not a draft of the base data`);
    audit(db, 'publish', 'plan', planId, { name: draft!.name });
  })();
}

export function setPinned(db: Db, planId: number, routeIds: number[], pinned: boolean): number {
  return db.transaction(() => {
    const stmt = db.prepare('UPDATE plan_routes SET pinned = ? WHERE plan_id = ? AND id = ?');
    const changed = routeIds.reduce((n, id) => n + stmt.run(pinned ? 1 : 0, planId, id).changes, 0);
    audit(db, pinned ? 'pin' : 'unpin', 'plan', planId, { routeIds });
    return changed;
  })();
}

/** Replaces one route (and its visits) in place, keeping its id; the caller has checked it. */
export function replaceRoute(db: Db, planId: number, routeId: number, r: Route): void {
  db.transaction(() => {
    const res = db
      .prepare(
        `UPDATE plan_routes SET date = ?, template_id = ?, team_id = ?, base_id = ?, vehicle_ids = ?, depart_min = ?, return_min = ?,
           distance_m = ?, cost = ?, pinned = ? WHERE id = ? AND plan_id = ?`,
      )
      .run(r.date, r.templateId, r.teamId, r.baseId, JSON.stringify(r.vehicleIds), r.departMin, r.returnMin, r.distanceM, r.cost,
        r.pinned ? 1 : 0, routeId, planId);
    if (res.changes !== 1) throw new Error(`route ${routeId} is not in plan ${planId}`);
    db.prepare('DELETE FROM plan_visits WHERE route_id = ?').run(routeId);
    const insertVisit = db.prepare(
      `INSERT INTO plan_visits (route_id, seq, hamlet_id, arrive_min, start_min, end_min, quota_cccd, quota_eid, home_cccd, home_eid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    r.stops.forEach((s, i) => insertVisit.run(routeId, i, s.hamletId, s.arriveMin, s.startMin, s.endMin, s.quota.cccd, s.quota.eid,
      s.homeVisits.cccd, s.homeVisits.eid));
    audit(db, 'edit', 'plan_route', routeId, { planId, date: r.date, templateId: r.templateId, teamId: r.teamId });
  })();
}
