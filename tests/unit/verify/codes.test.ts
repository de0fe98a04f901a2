import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport, PlanningInstance, Route } from '../../../src-main/core/model';
import { VIOLATION_CODES, verifyPlan, type ViolationCode } from '../../../src-main/core/verify';
import { busyWeek, busyWeekPlan, copy, HOME_DAY, pick } from './week';

type Report = Omit<PlanReport, 'checker'>;
interface Case { instance: PlanningInstance; routes: Route[]; report?: Report }

let base: { instance: PlanningInstance; routes: Route[]; report: Report };
beforeAll(async () => {
  const { routes, report } = await busyWeekPlan();
  base = { instance: busyWeek(), routes, report };
});

/** The valid plan; the report only for the rules about it (a changed route changes its sums). */
const fresh = (code: ViolationCode): Case => {
  const { instance, routes, report } = copy(base);
  return code === 'report_mismatch' || code === 'bound_below_plan' ? { instance, routes, report } : { instance, routes };
};
const evening = (r: Route): boolean => r.templateId === 1;
const onTeam = (id: number, changes: Partial<PlanningInstance['teams'][number]>) => (c: Case): void => {
  c.instance.teams = c.instance.teams.map((t) => (t.id === id ? { ...t, ...changes } : t));
};
const repriced = (r: Route, perKm: number): void => { r.cost = Math.round((r.distanceM * perKm) / 1000); };

/** Each mutation breaks exactly one rule of a valid plan. */
const MUTATIONS: Record<ViolationCode, (c: Case) => void> = {
  unknown_team: (c) => { c.routes[0]!.teamId = 99; },
  unknown_shift: (c) => { c.routes[0]!.templateId = 99; },
  unknown_hamlet: (c) => { c.routes[0]!.stops[0]!.hamletId = 999; },
  unknown_base: (c) => { c.routes[0]!.baseId = 99; },
  unknown_vehicle: (c) => { c.routes[0]!.vehicleIds = [99]; },
  outside_horizon: (c) => { c.instance.from = '2024-11-05'; },
  no_such_shift: (c) => { c.instance.exceptions = [{ date: pick(c.routes, evening).route.date, kind: 'blackout', name: 'Tết' }]; },
  shift_kind_not_allowed: (c) => onTeam(1, { allowedShiftKinds: ['weekday_day'] })(c),
  day_off: (c) => onTeam(1, { daysOff: [pick(c.routes, (r) => r.teamId === 1).route.date] })(c),
  wrong_base: (c) => { pick(c.routes, (r) => r.teamId === 1).route.baseId = 2; },
  early_departure: (c) => { const { route } = pick(c.routes, evening); route.departMin = 1079; },
  late_return: (c) => { pick(c.routes, evening).route.returnMin = 1321; },
  hamlet_twice_in_route: (c) => {
    const end = (r: Route): number => c.instance.shiftTemplates.find((t) => t.id === r.templateId)!.endMin;
    const { route } = pick(c.routes, (r) => r.returnMin + 30 <= end(r));
    const last = route.stops[route.stops.length - 1]!;
    const setup = c.instance.teams.find((t) => t.id === route.teamId)!.setupMinutes;
    route.stops.push({ ...last, arriveMin: last.endMin, startMin: last.endMin + setup, endMin: last.endMin + setup, quota: { cccd: 0, eid: 0 }, homeVisits: { cccd: 0, eid: 0 } });
    route.returnMin += setup;
  },
  travel_too_fast: (c) => { c.routes[0]!.stops[0]!.arriveMin -= 1; },
  setup_too_short: (c) => { c.routes[0]!.stops[0]!.arriveMin += 1; },
  negative_work: (c) => {
    const stop = c.routes[0]!.stops[0]!;
    stop.quota = { cccd: 0, eid: 0 };
    stop.homeVisits = { cccd: 0, eid: 0 };
    stop.endMin = stop.startMin - 1;
  },
  road_cut: (c) => {
    const id = pick(c.routes, evening).route.stops[0]!.hamletId;
    c.instance.hamlets = c.instance.hamlets.map((h) => (h.id === id ? { ...h, cutMonths: [11] } : h));
  },
  distance_too_short: (c) => { const r = c.routes[0]!; r.distanceM = 0; r.cost = 0; },
  service_not_offered: (c) => {
    pick(c.routes, (r) => r.teamId === 3 && r.stops.some((s) => s.quota.cccd + s.homeVisits.cccd > 0));
    onTeam(3, { services: ['eid'] })(c);
  },
  cccd_without_kit: (c) => {
    pick(c.routes, (r) => r.teamId === 3 && r.stops.some((s) => s.quota.cccd + s.homeVisits.cccd > 0));
    onTeam(3, { kits: 0 })(c);
  },
  venue_in_home_shift: (c) => {
    c.instance.shiftTemplates = c.instance.shiftTemplates.map((t) => (t.id === 1 ? { ...t, homeVisitsOnly: true } : t));
  },
  no_throughput: (c) => onTeam(1, { throughputPerHour: { cccd: 0, eid: 0 } })(c),
  work_overrun: (c) => onTeam(1, { throughputPerHour: { cccd: 0, eid: 5 } })(c),
  vehicle_twice: (c) => { const r = c.routes[0]!; r.vehicleIds = [r.vehicleIds[0]!, r.vehicleIds[0]!]; repriced(r, 6000); },
  vehicle_elsewhere: (c) => {
    const id = pick(c.routes, (r) => r.teamId === 1).route.vehicleIds[0]!;
    c.instance.vehicles = c.instance.vehicles.map((v) => (v.id === id ? { ...v, baseId: 2 } : v));
  },
  vehicle_unavailable: (c) => {
    const { route } = pick(c.routes, () => true);
    c.instance.vehicles = c.instance.vehicles.map((v) => (v.id === route.vehicleIds[0] ? { ...v, unavailable: [route.date] } : v));
  },
  road_class: (c) => { c.instance.vehicles = c.instance.vehicles.map((v) => ({ ...v, roadClasses: ['dirt'] })); },
  motorbike_only: (c) => {
    const id = pick(c.routes, evening).route.stops[0]!.hamletId;
    c.instance.hamlets = c.instance.hamlets.map((h) => (h.id === id ? { ...h, motorbikeOnly: true } : h));
  },
  too_few_seats: (c) => { c.instance.vehicles = c.instance.vehicles.map((v) => ({ ...v, seats: 2 })); },
  cost_mismatch: (c) => { c.routes[0]!.cost += 1; },
  team_twice_in_shift: (c) => {
    onTeam(1, { maxShiftsPerWeek: 14 })(c);
    const { route: a } = pick(c.routes, (r) => evening(r) && r.teamId === 1);
    pick(c.routes, (r) => evening(r) && r.teamId === 2 && r.date === a.date).route.teamId = 1;
  },
  team_overlap: (c) => {
    onTeam(1, { maxShiftsPerWeek: 14 })(c);
    c.instance.shiftTemplates.push({ ...c.instance.shiftTemplates[0]!, id: 4, code: 'TOI2', name: 'Tối sớm', startMin: 1020 });
    const { route: a } = pick(c.routes, (r) => evening(r) && r.teamId === 1);
    const b = pick(c.routes, (r) => evening(r) && r.teamId === 2 && r.date === a.date).route;
    b.teamId = 1;
    b.templateId = 4;
  },
  vehicle_overlap: (c) => {
    const { route: a } = pick(c.routes, (r) => evening(r) && r.teamId === 1);
    pick(c.routes, (r) => evening(r) && r.teamId === 2 && r.date === a.date).route.vehicleIds = [...a.vehicleIds];
  },
  too_many_shifts_in_week: (c) => onTeam(1, { maxShiftsPerWeek: 1 })(c),
  too_many_consecutive_evenings: (c) => onTeam(1, { maxConsecutiveEvenings: 1 })(c),
  pinned_changed: (c) => { c.instance.pinned = [{ ...c.routes.splice(0, 1)[0]!, pinned: true }]; },
  turnout_above_reach: (c) => { c.instance.hamlets = c.instance.hamlets.map((h) => ({ ...h, reach: { ...h.reach, weekday_evening: 0.01 } })); },
  home_visits_above_homebound: (c) => {
    const home = pick(c.routes, (r) => r.stops.some((s) => s.homeVisits.eid > 0)).route.stops.find((s) => s.homeVisits.eid > 0)!;
    c.instance.backlogs = c.instance.backlogs.map((b) => (b.hamletId === home.hamletId ? { ...b, homebound: { ...b.homebound, eid: home.homeVisits.eid - 1 } } : b));
  },
  report_mismatch: (c) => { c.report!.shifts += 1; },
  bound_below_plan: (c) => { c.report!.upperBound = c.report!.enrolled.cccd + c.report!.enrolled.eid - 1; },
};

const codesOf = (c: Case): string[] => [...new Set(verifyPlan(c.instance, c.routes, c.report).violations.map((v) => v.code))];

describe('verifier: one test per violation code', () => {
  it('finds nothing wrong with the planner’s own plan, report included', () => {
    const c = copy(base);
    expect(verifyPlan(c.instance, c.routes, c.report).violations).toEqual([]);
    expect(c.routes.some((r) => r.templateId === HOME_DAY.id)).toBe(true);
  });

  it('has words for every code in Vietnamese and English', () => {
    for (const lang of ['vi', 'en']) {
      const words = (JSON.parse(readFileSync(join(__dirname, `../../../src-renderer/i18n/${lang}.verify.json`), 'utf8')) as { violation: Record<string, string> }).violation;
      for (const code of VIOLATION_CODES) expect(words[code], `${lang} ${code}`).toBeTruthy();
    }
  });

  it('has a mutation for every code it knows', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual([...VIOLATION_CODES].sort());
  });

  it.each(VIOLATION_CODES.map((code) => [code]))('%s: a plan broken only there is reported with that code alone', (code) => {
    const c = fresh(code);
    MUTATIONS[code](c);
    expect(codesOf(c)).toEqual([code]);
  });
});
