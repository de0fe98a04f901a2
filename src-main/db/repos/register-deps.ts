import type { ListName, Problem } from '../../core/register';
import type { Db } from '../open';
import type { Spot } from './journal';

/**
 * What depends on a record about to be deleted. Blockers forbid the delete (a commune that
 * still has hamlets: a foreign key that must not dangle; a published or archived plan that uses
 * the record: such plans stay as they were published); affects are removed with it after the
 * user has confirmed (the visits of a deleted hamlet leave the draft plans that had them).
 */
export interface Dependents {
  blockers: Problem[];
  affects: Problem[];
  /** Plan rows the delete changes, captured for undo. */
  spots: Spot[];
}

interface RouteRef {
  id: number;
  plan_id: number;
  plan_name: string;
  status: 'draft' | 'published' | 'archived';
}

const count = (db: Db, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

/** Every row of these routes (the routes, their visits and the visits' results), parents first. */
function routeSpots(db: Db, routeIds: number[]): Spot[] {
  const visitIds = routeIds.flatMap((r) =>
    (db.prepare('SELECT id FROM plan_visits WHERE route_id = ?').all(r) as Array<{ id: number }>).map((v) => v.id));
  return [
    ...routeIds.map((id) => ({ table: 'plan_routes', where: { id } })),
    ...routeIds.map((route_id) => ({ table: 'plan_visits', where: { route_id } })),
    ...visitIds.map((visit_id) => ({ table: 'visit_results', where: { visit_id } })),
  ];
}

/** Travel pairs from or to a place (they name it by key, without a foreign key). */
function travelOf(db: Db, key: string): { affects: Problem[]; spots: Spot[] } {
  const n = count(db, 'SELECT COUNT(*) AS n FROM travel_pairs WHERE from_key = ? OR to_key = ?', key, key);
  return {
    affects: n ? [{ key: 'travelGo', params: { count: n } }] : [],
    spots: [{ table: 'travel_pairs', where: { from_key: key } }, { table: 'travel_pairs', where: { to_key: key } }],
  };
}

const PLAN_COLUMNS = 'r.id AS id, r.plan_id AS plan_id, p.name AS plan_name, p.status AS status';

function routesWhere(db: Db, where: string, ...args: unknown[]): RouteRef[] {
  return db.prepare(`SELECT ${PLAN_COLUMNS} FROM plan_routes r JOIN plans p ON p.id = r.plan_id WHERE ${where}`).all(...args) as RouteRef[];
}

/** The visits to a hamlet, one entry per visit (with its route). */
const visitsTo = (db: Db, hamletId: number): RouteRef[] =>
  db.prepare(`SELECT ${PLAN_COLUMNS} FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id
    WHERE v.hamlet_id = ? ORDER BY p.id DESC`).all(hamletId) as RouteRef[];

const MAX_PLANS_NAMED = 5;

/** The published or archived plans among these refs, newest first: one blocker each, naming the plan. */
function keptPlanBlockers(refs: RouteRef[], what: 'visits' | 'routes'): Problem[] {
  const byPlan = new Map<number, { name: string; status: RouteRef['status']; n: number }>();
  for (const r of refs) {
    if (r.status === 'draft') continue;
    const entry = byPlan.get(r.plan_id) ?? { name: r.plan_name, status: r.status, n: 0 };
    entry.n++;
    byPlan.set(r.plan_id, entry);
  }
  const plans = [...byPlan.entries()].sort(([a], [b]) => b - a).map(([, p]) => p);
  const kind = (s: RouteRef['status']): string => (s === 'published' ? 'Published' : 'Archived');
  const out: Problem[] = plans.slice(0, MAX_PLANS_NAMED)
    .map((p) => ({ key: `${what}In${kind(p.status)}Plan`, params: { plan: p.name, [what]: p.n } }));
  if (plans.length > MAX_PLANS_NAMED) out.push({ key: 'moreKeptPlans', params: { count: plans.length - MAX_PLANS_NAMED } });
  return out;
}

/** What draft plans lose, named: drafts may be altered, but the user is told which. */
function draftAffects(refs: RouteRef[], what: 'visits' | 'routes'): Problem[] {
  const drafts = refs.filter((r) => r.status === 'draft');
  if (!drafts.length) return [];
  const names = [...new Map(drafts.map((r) => [r.plan_id, r.plan_name])).values()];
  return [{ key: `${what}InDrafts`, params: { [what]: drafts.length, plans: names.length, names: names.join(', ') } }];
}

const draftRouteIds = (refs: RouteRef[]): number[] => [...new Set(refs.filter((r) => r.status === 'draft').map((r) => r.id))];

/** Routes a record is part of: kept plans block the delete, drafts lose those routes. */
function usedByRoutes(db: Db, routes: RouteRef[]): Dependents {
  return { blockers: keptPlanBlockers(routes, 'routes'), affects: draftAffects(routes, 'routes'), spots: routeSpots(db, draftRouteIds(routes)) };
}

const VEHICLE_IN_ROUTE = 'EXISTS (SELECT 1 FROM json_each(r.vehicle_ids) WHERE value = ?)';

export function findDependents(db: Db, list: ListName, key: string): Dependents {
  const id = Number(key);
  switch (list) {
    case 'communes': {
      const hamlets = count(db, 'SELECT COUNT(*) AS n FROM hamlets WHERE commune_id = ?', id);
      const bases = count(db, 'SELECT COUNT(*) AS n FROM bases WHERE commune_id = ?', id);
      const blockers: Problem[] = [];
      if (hamlets) blockers.push({ key: 'communeHasHamlets', params: { count: hamlets } });
      if (bases) blockers.push({ key: 'communeHasBases', params: { count: bases } });
      return { blockers, affects: [], spots: [] };
    }
    case 'hamlets': {
      const visits = visitsTo(db, id);
      const travel = travelOf(db, `h:${id}`);
      return {
        blockers: keptPlanBlockers(visits, 'visits'),
        affects: [...draftAffects(visits, 'visits'), ...travel.affects],
        spots: [...routeSpots(db, draftRouteIds(visits)), ...travel.spots],
      };
    }
    case 'bases': {
      const teams = count(db, 'SELECT COUNT(*) AS n FROM teams WHERE base_id = ?', id);
      const vehicles = count(db, 'SELECT COUNT(*) AS n FROM vehicles WHERE base_id = ?', id);
      const routes = usedByRoutes(db, routesWhere(db, 'r.base_id = ?', id));
      const travel = travelOf(db, `b:${id}`);
      return {
        blockers: [...(teams || vehicles ? [{ key: 'baseInUse', params: { teams, vehicles } }] : []), ...routes.blockers],
        affects: [...routes.affects, ...travel.affects],
        spots: [...routes.spots, ...travel.spots],
      };
    }
    case 'teams': {
      const routes = usedByRoutes(db, routesWhere(db, 'r.team_id = ?', id));
      const members = count(db, 'SELECT COUNT(*) AS n FROM members WHERE team_id = ?', id);
      if (members) routes.affects.push({ key: 'membersGo', params: { count: members } });
      return routes;
    }
    case 'vehicles':
      return usedByRoutes(db, routesWhere(db, VEHICLE_IN_ROUTE, id));
    case 'shifts':
      return usedByRoutes(db, routesWhere(db, 'r.template_id = ?', id));
    default:
      return { blockers: [], affects: [], spots: [] };
  }
}

const DRAFT_ROUTE = "plan_id IN (SELECT id FROM plans WHERE status = 'draft')";

/**
 * Takes a record out of the draft plans (and travel pairs) that use it, after the user confirmed:
 * nothing points at nothing. The caller has checked that no published or archived plan uses it
 * (and the database refuses to change those plans' rows anyway).
 */
export function detachFromPlans(db: Db, list: ListName, key: string): void {
  const id = Number(key);
  switch (list) {
    case 'hamlets': {
      const routeIds = (db.prepare(`SELECT DISTINCT route_id FROM plan_visits WHERE hamlet_id = ? AND route_id IN (SELECT id FROM plan_routes WHERE ${DRAFT_ROUTE})`)
        .all(id) as Array<{ route_id: number }>);
      const removeVisits = db.prepare('DELETE FROM plan_visits WHERE hamlet_id = ? AND route_id = ?');
      const dropIfEmpty = db.prepare('DELETE FROM plan_routes WHERE id = ? AND NOT EXISTS (SELECT 1 FROM plan_visits WHERE route_id = ?)');
      for (const { route_id } of routeIds) {
        removeVisits.run(id, route_id);
        dropIfEmpty.run(route_id, route_id);
      }
      db.prepare('DELETE FROM travel_pairs WHERE from_key = ? OR to_key = ?').run(`h:${id}`, `h:${id}`);
      return;
    }
    case 'bases':
      db.prepare(`DELETE FROM plan_routes WHERE base_id = ? AND ${DRAFT_ROUTE}`).run(id);
      db.prepare('DELETE FROM travel_pairs WHERE from_key = ? OR to_key = ?').run(`b:${id}`, `b:${id}`);
      return;
    case 'teams':
      db.prepare(`DELETE FROM plan_routes WHERE team_id = ? AND ${DRAFT_ROUTE}`).run(id);
      return;
    case 'shifts':
      db.prepare(`DELETE FROM plan_routes WHERE template_id = ? AND ${DRAFT_ROUTE}`).run(id);
      return;
    case 'vehicles': {
      const routes = routesWhere(db, `${VEHICLE_IN_ROUTE} AND p.status = 'draft'`, id);
      const update = db.prepare('UPDATE plan_routes SET vehicle_ids = ? WHERE id = ?');
      const remove = db.prepare('DELETE FROM plan_routes WHERE id = ?');
      for (const r of routes) {
        const { vehicle_ids } = db.prepare('SELECT vehicle_ids FROM plan_routes WHERE id = ?').get(r.id) as { vehicle_ids: string };
        const left = (JSON.parse(vehicle_ids) as number[]).filter((v) => v !== id);
        if (left.length) update.run(JSON.stringify(left), r.id);
        else remove.run(r.id);
      }
      return;
    }
    default:
      return;
  }
}
