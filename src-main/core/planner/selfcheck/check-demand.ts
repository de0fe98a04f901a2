import { addDays, format, parseISO } from 'date-fns';
import { SERVICES, type PlanReport, type PlanningInstance, type Route } from '../../model';

type Add = (code: string, routeIndex: number | null, message: string) => void;

/**
 * Turnout against what is reachable, simulated shift by shift: shifts with pinned visits
 * take their share first, then every other shift in chronological order (date, start).
 * The venue quotas of all visits to a hamlet in one shift together may not exceed
 * floor(reach of the shift kind × the non-homebound people still left); home visits may
 * not exceed the homebound left.
 */
export function checkTurnout(instance: PlanningInstance, routes: readonly Route[], add: Add): void {
  const hamlets = new Map(instance.hamlets.map((h) => [h.id, h]));
  const templates = new Map(instance.shiftTemplates.map((t) => [t.id, t]));
  const left = new Map<number, { venue: Record<'cccd' | 'eid', number>; home: Record<'cccd' | 'eid', number> }>();
  for (const backlog of instance.backlogs) {
    left.set(backlog.hamletId, {
      venue: { cccd: backlog.remaining.cccd - backlog.homebound.cccd, eid: backlog.remaining.eid - backlog.homebound.eid },
      home: { cccd: backlog.homebound.cccd, eid: backlog.homebound.eid },
    });
  }
  for (const group of visitsByShift(routes, templates)) {
    const { r: route, s: first } = group[0]!;
    const hamlet = hamlets.get(first.hamletId);
    const kind = templates.get(route.templateId)?.kind;
    if (!hamlet || !kind) continue;
    const pool = left.get(first.hamletId) ?? { venue: { cccd: 0, eid: 0 }, home: { cccd: 0, eid: 0 } };
    const last = group[group.length - 1]!.ri;
    for (const svc of SERVICES) {
      const reachableNow = Math.floor(hamlet.reach[kind] * pool.venue[svc] + 1e-9);
      const quota = group.reduce((sum, { s }) => sum + s.quota[svc], 0);
      if (quota > reachableNow) {
        add('turnout_above_reach', last, `${svc} quota ${quota} at ${hamlet.name} in one shift above the ${reachableNow} reachable (${Math.round(hamlet.reach[kind] * 100)}% of ${pool.venue[svc]} left)`);
      }
      pool.venue[svc] = Math.max(0, pool.venue[svc] - quota);
      for (const { s: stop, ri } of group) {
        if (stop.homeVisits[svc] > pool.home[svc]) {
          add('home_visits_above_homebound', ri, `${svc} home visits ${stop.homeVisits[svc]} at ${hamlet.name} above the ${pool.home[svc]} homebound left`);
        }
        pool.home[svc] = Math.max(0, pool.home[svc] - stop.homeVisits[svc]);
      }
    }
    left.set(first.hamletId, pool);
  }
}

type ShiftVisit = { r: Route; ri: number; s: Route['stops'][number] };

/** Visits grouped by date, shift template and hamlet; groups with a pinned route first, then by date and the shift's start. */
function visitsByShift(routes: readonly Route[], templates: ReadonlyMap<number, { startMin: number }>): ShiftVisit[][] {
  const groups = new Map<string, ShiftVisit[]>();
  routes.forEach((r, ri) => {
    for (const s of r.stops) {
      const key = `${r.date}|${r.templateId}|${s.hamletId}`;
      const group = groups.get(key);
      if (group) group.push({ r, ri, s });
      else groups.set(key, [{ r, ri, s }]);
    }
  });
  const pinned = (g: ShiftVisit[]): number => Number(g.some((v) => v.r.pinned));
  const start = (g: ShiftVisit[]): number => templates.get(g[0]!.r.templateId)?.startMin ?? 0;
  return [...groups.values()].sort((a, b) => pinned(b) - pinned(a) || (a[0]!.r.date < b[0]!.r.date ? -1 : a[0]!.r.date > b[0]!.r.date ? 1 : 0)
    || start(a) - start(b) || a[0]!.r.templateId - b[0]!.r.templateId || a[0]!.ri - b[0]!.ri);
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
