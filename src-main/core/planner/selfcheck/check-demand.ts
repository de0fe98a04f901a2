import { addDays, format, parseISO } from 'date-fns';
import { SERVICES, type PlanReport, type PlanningInstance, type Route } from '../../model';

type Add = (code: string, routeIndex: number | null, message: string) => void;

/**
 * Turnout against what is reachable, simulated visit by visit: pinned routes take their
 * share first, then every other visit in chronological order (date, work start, route
 * order, stop order). A venue quota may not exceed floor(reach of the shift kind × the
 * non-homebound people still left); home visits may not exceed the homebound left.
 */
export function checkTurnout(instance: PlanningInstance, routes: readonly Route[], add: Add): void {
  const hamlets = new Map(instance.hamlets.map((h) => [h.id, h]));
  const kinds = new Map(instance.shiftTemplates.map((t) => [t.id, t.kind]));
  const left = new Map<number, { venue: Record<'cccd' | 'eid', number>; home: Record<'cccd' | 'eid', number> }>();
  for (const backlog of instance.backlogs) {
    left.set(backlog.hamletId, {
      venue: { cccd: backlog.remaining.cccd - backlog.homebound.cccd, eid: backlog.remaining.eid - backlog.homebound.eid },
      home: { cccd: backlog.homebound.cccd, eid: backlog.homebound.eid },
    });
  }
  const visits = routes.flatMap((r, ri) => r.stops.map((s, si) => ({ r, ri, s, si })));
  visits.sort((a, b) =>
    Number(b.r.pinned) - Number(a.r.pinned) || (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : 0)
    || a.s.startMin - b.s.startMin || a.ri - b.ri || a.si - b.si);
  for (const { r: route, ri, s: stop } of visits) {
    const hamlet = hamlets.get(stop.hamletId);
    const kind = kinds.get(route.templateId);
    if (!hamlet || !kind) continue;
    const pool = left.get(stop.hamletId) ?? { venue: { cccd: 0, eid: 0 }, home: { cccd: 0, eid: 0 } };
    for (const svc of SERVICES) {
      const reachableNow = Math.floor(hamlet.reach[kind] * pool.venue[svc] + 1e-9);
      if (stop.quota[svc] > reachableNow) {
        add('turnout_above_reach', ri, `${svc} quota ${stop.quota[svc]} at ${hamlet.name} above the ${reachableNow} reachable (${Math.round(hamlet.reach[kind] * 100)}% of ${pool.venue[svc]} left)`);
      }
      if (stop.homeVisits[svc] > pool.home[svc]) {
        add('home_visits_above_homebound', ri, `${svc} home visits ${stop.homeVisits[svc]} at ${hamlet.name} above the ${pool.home[svc]} homebound left`);
      }
      pool.venue[svc] = Math.max(0, pool.venue[svc] - stop.quota[svc]);
      pool.home[svc] = Math.max(0, pool.home[svc] - stop.homeVisits[svc]);
    }
    left.set(stop.hamletId, pool);
  }
}

/** The report's totals must be the routes' totals. */
export function checkReport(instance: PlanningInstance, routes: readonly Route[], report: Omit<PlanReport, 'checker'>, add: Add): void {
  const backlog = { cccd: 0, eid: 0 };
  for (const b of instance.backlogs) {
    backlog.cccd += b.remaining.cccd;
    backlog.eid += b.remaining.eid;
  }
  const deadline = instance.campaign.deadline;
  const enrolled = { cccd: 0, eid: 0 };
  const byDate = new Map<string, { cccd: number; eid: number }>();
  let distanceM = 0;
  let cost = 0;
  for (const route of routes) {
    distanceM += route.distanceM;
    cost += route.cost;
    const day = byDate.get(route.date) ?? { cccd: 0, eid: 0 };
    for (const stop of route.stops) {
      for (const svc of SERVICES) {
        const got = stop.quota[svc] + stop.homeVisits[svc];
        day[svc] += got;
        if (route.date <= deadline) enrolled[svc] += got;
      }
    }
    byDate.set(route.date, day);
  }
  const same = (a: { cccd: number; eid: number }, b: { cccd: number; eid: number }): boolean => a.cccd === b.cccd && a.eid === b.eid;
  if (report.from !== instance.from || report.deadline !== deadline) add('report_mismatch', null, 'report dates differ from the instance');
  if (!same(report.backlog, backlog)) add('report_mismatch', null, `report backlog ${fmt(report.backlog)}, instance ${fmt(backlog)}`);
  if (!same(report.enrolled, enrolled)) add('report_mismatch', null, `report enrolled ${fmt(report.enrolled)}, routes add up to ${fmt(enrolled)}`);
  if (report.shifts !== routes.length) add('report_mismatch', null, `report says ${report.shifts} shifts, plan has ${routes.length}`);
  if (report.objectives.distanceM !== distanceM) add('report_mismatch', null, `report distance ${report.objectives.distanceM} m, routes ${distanceM} m`);
  if (report.objectives.cost !== cost) add('report_mismatch', null, `report cost ${report.objectives.cost}, routes ${cost}`);
  if (report.upperBound < enrolled.cccd + enrolled.eid) add('bound_below_plan', null, `upper bound ${report.upperBound} below the ${enrolled.cccd + enrolled.eid} enrolled`);

  const running = { ...backlog };
  let expected = instance.from;
  let cursor = instance.from;
  for (const point of report.burndown) {
    if (point.date !== expected) {
      add('report_mismatch', null, `burn-down jumps to ${point.date}, expected ${expected}`);
      break;
    }
    for (; cursor <= point.date; cursor = format(addDays(parseISO(cursor), 1), 'yyyy-MM-dd')) {
      const day = byDate.get(cursor);
      if (day) { running.cccd -= day.cccd; running.eid -= day.eid; }
    }
    if (!same(point.remaining, running)) {
      add('report_mismatch', null, `burn-down on ${point.date} says ${fmt(point.remaining)} left, routes leave ${fmt(running)}`);
      break;
    }
    expected = format(addDays(parseISO(point.date), 1), 'yyyy-MM-dd');
  }
  const last = report.burndown[report.burndown.length - 1];
  if (instance.from <= deadline && last?.date !== deadline) add('report_mismatch', null, 'burn-down does not reach the deadline');
  const metByDate = report.clearanceDate !== null && report.clearanceDate <= deadline;
  if (report.deadlineMet !== metByDate) add('report_mismatch', null, `deadlineMet ${report.deadlineMet} but clearance date ${report.clearanceDate ?? 'none'}`);
}

const fmt = (p: { cccd: number; eid: number }): string => `CCCD ${p.cccd}, e-ID ${p.eid}`;
