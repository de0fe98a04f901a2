import type { BurndownPoint, PlanningInstance, PlanReport, Route } from '../model';
import { greatCircleM } from '../travel/estimate';
import type { PlanResult } from './plan';

/**
 * Districts plan independently: teams do not cross district lines (DOMAIN.md). A database
 * holding several districts (a province merged from district files) is split into one
 * instance per district, each planned on its own (side by side on a pool of workers, see
 * workers/run-planner.ts), and the plans are merged back into one.
 */
export interface DistrictPart {
  /** The district's area unit (communes.area_id). */
  areaId: number;
  instance: PlanningInstance;
}

/**
 * One part per district that has hamlets, in area-id order; a single part (the instance
 * itself) when there is only one. A commune police post belongs to its commune's district;
 * a district HQ, which has no commune, to the district of the commune nearest to it.
 */
export function splitByDistrict(instance: PlanningInstance): DistrictPart[] {
  const areaOfCommune = new Map(instance.communes.map((c) => [c.id, c.areaId]));
  const areas = [...new Set(instance.hamlets.map((h) => areaOfCommune.get(h.communeId) ?? -1))].sort((a, b) => a - b);
  if (areas.length <= 1) return [{ areaId: areas[0] ?? -1, instance }];

  const areaOfBase = new Map(instance.bases.map((b) => [b.id, b.communeId !== null
    ? areaOfCommune.get(b.communeId) ?? -1
    : nearestCommuneArea(instance, b.lat, b.lon)]));
  const areaOfHamlet = new Map(instance.hamlets.map((h) => [h.id, areaOfCommune.get(h.communeId) ?? -1]));
  const areaOfTeam = new Map(instance.teams.map((t) => [t.id, areaOfBase.get(t.baseId) ?? -1]));
  const areaOfPlace = (key: string): number => {
    const id = Number(key.slice(2));
    return (key.startsWith('b:') ? areaOfBase.get(id) : areaOfHamlet.get(id)) ?? -1;
  };

  return areas.map((areaId) => {
    const inArea = (a: number | undefined): boolean => a === areaId;
    const routes = (rs: readonly Route[]): Route[] => rs.filter((r) => inArea(areaOfTeam.get(r.teamId)));
    return {
      areaId,
      instance: {
        ...instance,
        communes: instance.communes.filter((c) => c.areaId === areaId),
        hamlets: instance.hamlets.filter((h) => inArea(areaOfHamlet.get(h.id))),
        backlogs: instance.backlogs.filter((b) => inArea(areaOfHamlet.get(b.hamletId))),
        bases: instance.bases.filter((b) => inArea(areaOfBase.get(b.id))),
        teams: instance.teams.filter((t) => inArea(areaOfTeam.get(t.id))),
        vehicles: instance.vehicles.filter((v) => inArea(areaOfBase.get(v.baseId))),
        travel: instance.travel.filter((p) => areaOfPlace(p.from) === areaId && areaOfPlace(p.to) === areaId),
        pinned: routes(instance.pinned),
        previous: routes(instance.previous),
      },
    };
  });
}

function nearestCommuneArea(instance: PlanningInstance, lat: number, lon: number): number {
  let best = -1;
  let bestM = Infinity;
  for (const commune of instance.communes) {
    const metres = greatCircleM(lat, lon, commune.lat, commune.lon);
    if (metres < bestM) {
      bestM = metres;
      best = commune.areaId;
    }
  }
  return best;
}

/** A district plan's fixed costs (travel matrix, bound, construction) take about this long. */
const MIN_PART_SECONDS = 0.3;

/**
 * Time limit of each part out of the job's: the pool's share of `workers` × `seconds`
 * (less a margin for the parts' own overruns) by hamlets, at least MIN_PART_SECONDS each.
 */
export function districtTimeLimits(parts: readonly DistrictPart[], seconds: number, workers: number): number[] {
  const hamlets = parts.reduce((s, p) => s + p.instance.hamlets.length, 0);
  const budget = seconds * Math.min(workers, parts.length) * 0.75;
  return parts.map((p) => Math.max(MIN_PART_SECONDS, Math.round((budget * p.instance.hamlets.length) / Math.max(1, hamlets) * 10) / 10));
}

/**
 * The districts' plans as one: routes one district after another, totals summed, the
 * burn-down summed day by day, the deadline met only if every district meets it, the
 * clearance date the latest (null if any district never clears), the checker valid only if
 * every district's plan is, its violations keeping their route in the merged list; the
 * imbalance is the worst district's. `seconds`: the whole job's, else the districts' sum.
 */
export function mergePlans(plans: readonly PlanResult[], seconds?: number): PlanResult {
  const first = plans[0];
  if (!first) throw new Error('merge: no plans');
  const routes: Route[] = [];
  const violations: PlanReport['checker']['violations'] = [];
  for (const districtPlan of plans) {
    const offset = routes.length;
    routes.push(...districtPlan.routes);
    violations.push(...districtPlan.report.checker.violations.map((v) => ({ ...v, routeIndex: v.routeIndex === null ? null : v.routeIndex + offset })));
  }
  const reports = plans.map((p) => p.report);
  const sum = (figure: (report: PlanReport) => number): number => reports.reduce((total, report) => total + figure(report), 0);
  const dates = [...new Set(reports.flatMap((r) => r.burndown.map((p) => p.date)))].sort();
  const burndown: BurndownPoint[] = dates.map((date) => ({
    date,
    remaining: reports.reduce((total, report) => {
      const left = remainingOn(report, date);
      return { cccd: total.cccd + left.cccd, eid: total.eid + left.eid };
    }, { cccd: 0, eid: 0 }),
  }));
  const clearances = reports.map((r) => r.clearanceDate);
  return {
    routes,
    report: {
      from: reports.map((r) => r.from).sort()[0]!,
      deadline: reports.map((r) => r.deadline).sort().at(-1)!,
      backlog: { cccd: sum((r) => r.backlog.cccd), eid: sum((r) => r.backlog.eid) },
      enrolled: { cccd: sum((r) => r.enrolled.cccd), eid: sum((r) => r.enrolled.eid) },
      upperBound: sum((r) => r.upperBound),
      clearanceDate: clearances.some((c) => c === null) ? null : (clearances as string[]).sort().at(-1) ?? null,
      deadlineMet: reports.every((r) => r.deadlineMet),
      shortfall: reports.flatMap((r) => r.shortfall),
      hamletsShort: sum((r) => r.hamletsShort ?? r.shortfall.length),
      residual: { people: sum((r) => r.residual?.people ?? 0), hamlets: sum((r) => r.residual?.hamlets ?? 0) },
      burndown,
      objectives: {
        weightedEnrolled: sum((r) => r.objectives.weightedEnrolled),
        imbalance: Math.max(...reports.map((r) => r.objectives.imbalance)),
        distanceM: sum((r) => r.objectives.distanceM),
        cost: sum((r) => r.objectives.cost),
        changes: sum((r) => r.objectives.changes),
      },
      shifts: sum((r) => r.shifts),
      checker: {
        valid: reports.every((r) => r.checker.valid),
        violations,
        // Judged by the verifier only if every district was.
        ...(reports.every((r) => r.checker.source === 'verifier') ? { source: 'verifier' as const } : {}),
        seconds: sum((r) => r.checker.seconds ?? 0),
      },
      seconds: seconds ?? sum((r) => r.seconds),
      seed: first.report.seed,
    },
  };
}

/** Remaining per service on `date` from one district's burn-down (steps; before its first point: its backlog). */
function remainingOn(report: PlanReport, date: string): { cccd: number; eid: number } {
  let value = report.backlog;
  for (const p of report.burndown) {
    if (p.date > date) break;
    value = p.remaining;
  }
  return value;
}
