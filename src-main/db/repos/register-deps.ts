import type { ListName, Problem } from '../../core/register';
import type { Db } from '../open';
import type { Spot } from './journal';

/**
 * What depends on a record about to be deleted. Blockers forbid the delete (a commune that
 * still has hamlets: a foreign key that must not dangle); affects are removed with it after
 * the user has confirmed (the visits of a deleted hamlet leave the plans that had them).
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

const plansOf = (routes: RouteRef[]): number => new Set(routes.map((r) => r.plan_id)).size;

function routesWhere(db: Db, where: string, ...args: unknown[]): RouteRef[] {
  return db.prepare(`SELECT id, plan_id FROM plan_routes WHERE ${where}`).all(...args) as RouteRef[];
}

const routesAffect = (routes: RouteRef[]): Problem[] =>
  routes.length ? [{ key: 'usedByRoutes', params: { routes: routes.length, plans: plansOf(routes) } }] : [];

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
      const visits = db
        .prepare('SELECT v.route_id AS id, r.plan_id FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE v.hamlet_id = ?')
        .all(id) as RouteRef[];
      const routeIds = [...new Set(visits.map((v) => v.id))];
      const travel = travelOf(db, `h:${id}`);
      return {
        blockers: [],
        affects: [...(visits.length ? [{ key: 'usedByVisits', params: { visits: visits.length, plans: plansOf(visits) } }] : []), ...travel.affects],
        spots: [...routeSpots(db, routeIds), ...travel.spots],
      };
    }
    case 'bases': {
      const teams = count(db, 'SELECT COUNT(*) AS n FROM teams WHERE base_id = ?', id);
      const vehicles = count(db, 'SELECT COUNT(*) AS n FROM vehicles WHERE base_id = ?', id);
      const routes = routesWhere(db, 'base_id = ?', id);
      const travel = travelOf(db, `b:${id}`);
      return {
        blockers: teams || vehicles ? [{ key: 'baseInUse', params: { teams, vehicles } }] : [],
        affects: [...routesAffect(routes), ...travel.affects],
        spots: [...routeSpots(db, routes.map((r) => r.id)), ...travel.spots],
      };
    }
    case 'teams': {
      const routes = routesWhere(db, 'team_id = ?', id);
      const members = count(db, 'SELECT COUNT(*) AS n FROM members WHERE team_id = ?', id);
      const affects = routesAffect(routes);
      if (members) affects.push({ key: 'membersGo', params: { count: members } });
      return { blockers: [], affects, spots: routeSpots(db, routes.map((r) => r.id)) };
    }
    case 'vehicles': {
      const routes = routesWhere(db, 'EXISTS (SELECT 1 FROM json_each(vehicle_ids) WHERE value = ?)', id);
      return { blockers: [], affects: routesAffect(routes), spots: routeSpots(db, routes.map((r) => r.id)) };
    }
    case 'shifts': {
      const routes = routesWhere(db, 'template_id = ?', id);
      return { blockers: [], affects: routesAffect(routes), spots: routeSpots(db, routes.map((r) => r.id)) };
    }
    default:
      return { blockers: [], affects: [], spots: [] };
  }
}

/** Takes a record out of the plans (and travel pairs) that use it, after the user confirmed: nothing points at nothing. */
export function detachFromPlans(db: Db, list: ListName, key: string): void {
  const id = Number(key);
  switch (list) {
    case 'hamlets': {
      const routeIds = (db.prepare('SELECT DISTINCT route_id FROM plan_visits WHERE hamlet_id = ?').all(id) as Array<{ route_id: number }>);
      db.prepare('DELETE FROM plan_visits WHERE hamlet_id = ?').run(id);
      const dropIfEmpty = db.prepare('DELETE FROM plan_routes WHERE id = ? AND NOT EXISTS (SELECT 1 FROM plan_visits WHERE route_id = ?)');
      for (const { route_id } of routeIds) dropIfEmpty.run(route_id, route_id);
      db.prepare('DELETE FROM travel_pairs WHERE from_key = ? OR to_key = ?').run(`h:${id}`, `h:${id}`);
      return;
    }
    case 'bases':
      db.prepare('DELETE FROM plan_routes WHERE base_id = ?').run(id);
      db.prepare('DELETE FROM travel_pairs WHERE from_key = ? OR to_key = ?').run(`b:${id}`, `b:${id}`);
      return;
    case 'teams':
      db.prepare('DELETE FROM plan_routes WHERE team_id = ?').run(id);
      return;
    case 'shifts':
      db.prepare('DELETE FROM plan_routes WHERE template_id = ?').run(id);
      return;
    case 'vehicles': {
      const routes = routesWhere(db, 'EXISTS (SELECT 1 FROM json_each(vehicle_ids) WHERE value = ?)', id);
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
