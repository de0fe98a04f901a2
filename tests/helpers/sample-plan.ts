import { planReport, route, type PerService, type PlanReport, type PlanStatus, type Route } from '../../src-main/core/model';
import { savePlan, type Db } from '../../src-main/db';
import { listBases, listCommunes, listHamlets } from '../../src-main/db/repos/places';
import { listShiftTemplates, listTeams, listVehicles } from '../../src-main/db/repos/resources';

/**
 * A small hand-made plan on the demo district, for roster tests, until (and besides) the
 * real planner: week 2022-W48 (Mon 28/11 - Sun 04/12/2022) in Xã Xuân Cao (code 15631)
 * and Xã Yên Nhân (15610), with the commune's own team on motorbikes and district team
 * LD-01 in a car; one route crosses the two communes, one is home visits only, and one
 * route falls in each neighbouring week so that week filtering is exercised.
 */
export const SAMPLE_WEEK = '2022-W48';
export const SAMPLE_COMMUNE_CODE = '15631';
export const SAMPLE_OTHER_COMMUNE_CODE = '15610';

const ps = (cccd: number, eid: number): PerService => ({ cccd, eid });

interface StopSpec {
  hamletId: number;
  quota: PerService;
  home?: PerService;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`sample plan: ${what} not in the demo data`);
  return value;
}

export function sampleRoutes(db: Db): Route[] {
  const communes = listCommunes(db);
  const hamlets = listHamlets(db);
  const teams = listTeams(db);
  const vehicles = listVehicles(db);
  const templates = listShiftTemplates(db);
  const bases = listBases(db);
  const communeId = (code: string): number => must(communes.find((c) => c.code === code), `commune ${code}`).id;
  const hamletsOf = (code: string): number[] => hamlets.filter((h) => h.communeId === communeId(code)).map((h) => h.id);
  const x = hamletsOf(SAMPLE_COMMUNE_CODE);
  const y = hamletsOf(SAMPLE_OTHER_COMMUNE_CODE);
  const hx = (i: number): number => must(x[i], `hamlet ${i} of ${SAMPLE_COMMUNE_CODE}`);
  const hy = (i: number): number => must(y[i], `hamlet ${i} of ${SAMPLE_OTHER_COMMUNE_CODE}`);
  const post = must(bases.find((b) => b.kind === 'post' && b.communeId === communeId(SAMPLE_COMMUNE_CODE)), 'commune post');
  const local = must(teams.find((t) => t.baseId === post.id), 'commune team');
  const district = must(teams.find((t) => t.code === 'LD-01'), 'team LD-01');
  const bikes = vehicles.filter((v) => v.baseId === post.id).map((v) => v.id).slice(0, 2);
  const car = must(vehicles.find((v) => v.baseId === district.baseId && v.kind === 'car'), 'district car').id;
  const template = (code: string) => must(templates.find((t) => t.code === code), `shift ${code}`);

  const make = (date: string, shift: string, team: typeof local, vehicleIds: number[], stops: StopSpec[]): Route => {
    const t = template(shift);
    // Half an hour to the first hamlet, a quarter hour between hamlets, setup, then work.
    let clock = t.startMin + 30;
    const slot = Math.floor((t.endMin - t.startMin - 30 - 15 * stops.length) / stops.length);
    const built = stops.map((s) => {
      const arriveMin = clock;
      const startMin = arriveMin + team.setupMinutes;
      const endMin = arriveMin + slot;
      clock = endMin + 15;
      return { hamletId: s.hamletId, arriveMin, startMin, endMin, quota: s.quota, homeVisits: s.home ?? ps(0, 0) };
    });
    const distanceM = 9_000 * (stops.length + 1);
    return route.parse({
      date, templateId: t.id, teamId: team.id, vehicleIds, baseId: team.baseId, departMin: t.startMin,
      returnMin: t.endMin, stops: built, distanceM, cost: Math.round((distanceM / 1000) * 800 * vehicleIds.length), pinned: false,
    });
  };

  return [
    make('2022-11-26', 'SANG-T7-CN', local, bikes, [{ hamletId: hx(0), quota: ps(2, 20) }]),
    make('2022-11-28', 'TOI-T2-T6', local, bikes, [{ hamletId: hx(0), quota: ps(3, 25) }, { hamletId: hx(1), quota: ps(2, 18) }]),
    make('2022-11-29', 'TOI-T2-T6', district, [car], [{ hamletId: hx(2), quota: ps(5, 40), home: ps(1, 2) }, { hamletId: hy(0), quota: ps(4, 30) }]),
    make('2022-11-30', 'NGAY-TAI-NHA', local, bikes, [{ hamletId: hx(3), quota: ps(0, 0), home: ps(1, 4) }]),
    make('2022-12-01', 'TOI-T2-T6', district, [car], [{ hamletId: hy(1), quota: ps(6, 35) }, { hamletId: hy(2), quota: ps(3, 22) }]),
    make('2022-12-03', 'SANG-T7-CN', local, bikes, [{ hamletId: hx(4), quota: ps(4, 45), home: ps(0, 3) }]),
    make('2022-12-03', 'CHIEU-T7-CN', district, [car], [{ hamletId: hx(5), quota: ps(6, 38) }, { hamletId: hx(6), quota: ps(2, 27) }]),
    make('2022-12-04', 'TOI-T7-CN', local, bikes, [{ hamletId: hx(7), quota: ps(3, 31) }]),
    make('2022-12-05', 'TOI-T2-T6', local, bikes, [{ hamletId: hx(8), quota: ps(2, 24) }]),
  ];
}

/** The smallest report that the PlanReport schema accepts, with totals taken from the routes. */
export function sampleReport(routes: Route[], from: string): PlanReport {
  const sum = (pick: (q: { quota: PerService; homeVisits: PerService }) => number): number =>
    routes.reduce((s, r) => s + r.stops.reduce((t, st) => t + pick(st), 0), 0);
  const enrolled = { cccd: sum((s) => s.quota.cccd + s.homeVisits.cccd), eid: sum((s) => s.quota.eid + s.homeVisits.eid) };
  return planReport.parse({
    from, deadline: '2022-12-31', backlog: { cccd: 1_223, eid: 65_720 }, enrolled,
    upperBound: enrolled.cccd + enrolled.eid, clearanceDate: null, deadlineMet: false, shortfall: [], burndown: [],
    objectives: {
      weightedEnrolled: enrolled.cccd + enrolled.eid, imbalance: 0,
      distanceM: routes.reduce((s, r) => s + r.distanceM, 0), cost: routes.reduce((s, r) => s + r.cost, 0), changes: 0,
    },
    shifts: routes.length, checker: { valid: true, violations: [] }, seconds: 0, seed: 1,
  });
}

/** Saves the sample plan; returns its id. */
export function saveSamplePlan(db: Db, options: { name?: string; status?: PlanStatus; scenarioId?: number } = {}): number {
  const routes = sampleRoutes(db);
  const fromDate = '2022-11-26';
  return savePlan(db, {
    ...(options.scenarioId !== undefined ? { scenarioId: options.scenarioId } : {}),
    name: options.name ?? 'Kế hoạch mẫu tuần 48', status: options.status ?? 'draft', fromDate, seed: 1, routes,
    report: sampleReport(routes, fromDate),
  });
}
