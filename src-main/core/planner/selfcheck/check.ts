import { differenceInCalendarDays, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import { shiftSlots } from '../../calendar';
import {
  baseKey, hamletKey,
  type Hamlet, type PlanReport, type PlanningInstance, type Route, type ShiftTemplate, type Team, type Vehicle, type Violation,
} from '../../model';
import { placesMatrix, travelBetween, type TravelMatrix } from '../../travel';
import { checkReport, checkTurnout } from './check-demand';

/**
 * The independent checker: re-derives every rule of DOMAIN.md from the raw instance and
 * the finished routes, sharing nothing with the planner's own bookkeeping (it builds its
 * own travel matrix, calendar and clocks). A plan is valid when no violation is found.
 */
export interface CheckResult {
  valid: boolean;
  violations: Violation[];
}

/** Work time may exceed the minutes booked by rounding noise only. */
const WORK_TOLERANCE_MIN = 1e-6;

interface Lookup {
  instance: PlanningInstance;
  teams: Map<number, Team>;
  templates: Map<number, ShiftTemplate>;
  vehicles: Map<number, Vehicle>;
  hamlets: Map<number, Hamlet>;
  matrix: TravelMatrix;
  shiftDays: Set<string>;
}

export function describeRoute(instance: PlanningInstance, route: Route): string {
  const team = instance.teams.find((t) => t.id === route.teamId);
  const template = instance.shiftTemplates.find((t) => t.id === route.templateId);
  const places = route.stops.map((s) => instance.hamlets.find((h) => h.id === s.hamletId)?.name ?? `hamlet ${s.hamletId}`);
  return `${route.date} ${template?.code ?? `shift ${route.templateId}`}, team ${team?.code ?? route.teamId}, ${places.join(' → ')}`;
}

export function checkPlan(instance: PlanningInstance, routes: readonly Route[], report?: Omit<PlanReport, 'checker'> | PlanReport): CheckResult {
  const violations: Violation[] = [];
  const add = (code: string, routeIndex: number | null, message: string): void => {
    violations.push({ code, message: routeIndex === null ? message : `${describeRoute(instance, routes[routeIndex]!)}: ${message}`, routeIndex });
  };
  const matrix = placesMatrix(instance.bases, instance.hamlets, instance.travel);
  const lookup: Lookup = {
    instance,
    teams: new Map(instance.teams.map((t) => [t.id, t])),
    templates: new Map(instance.shiftTemplates.map((t) => [t.id, t])),
    vehicles: new Map(instance.vehicles.map((v) => [v.id, v])),
    hamlets: new Map(instance.hamlets.map((h) => [h.id, h])),
    matrix,
    shiftDays: new Set(
      routes.length === 0 ? [] : shiftSlots(minDate(routes), maxDate(routes), instance.shiftTemplates, instance.exceptions)
        .map((s) => `${s.date}|${s.template.id}`),
    ),
  };
  routes.forEach((route, i) => checkRoute(lookup, route, i, add));
  checkOnePlaceAtATime(lookup, routes, add);
  checkCaps(lookup, routes, add);
  checkPinned(instance, routes, add);
  checkTurnout(instance, routes, add);
  if (report) checkReport(instance, routes, report, add);
  return { valid: violations.length === 0, violations };
}

type Add = (code: string, routeIndex: number | null, message: string) => void;

const minDate = (routes: readonly Route[]): string => routes.reduce((m, r) => (r.date < m ? r.date : m), routes[0]!.date);
const maxDate = (routes: readonly Route[]): string => routes.reduce((m, r) => (r.date > m ? r.date : m), routes[0]!.date);

function checkRoute(lookup: Lookup, route: Route, i: number, add: Add): void {
  const { instance } = lookup;
  const team = lookup.teams.get(route.teamId);
  const template = lookup.templates.get(route.templateId);
  if (!team) return add('unknown_team', i, `no team ${route.teamId}`);
  if (!template) return add('unknown_shift', i, `no shift template ${route.templateId}`);
  if (route.date < instance.from || route.date > instance.campaign.deadline) {
    add('outside_horizon', i, `date outside ${instance.from}..${instance.campaign.deadline}`);
  }
  if (!lookup.shiftDays.has(`${route.date}|${template.id}`)) add('no_such_shift', i, `shift ${template.code} does not run on ${route.date}`);
  if (!team.allowedShiftKinds.includes(template.kind)) add('shift_kind_not_allowed', i, `team may not work ${template.kind} shifts`);
  if (team.daysOff.includes(route.date)) add('day_off', i, `${route.date} is a day off for team ${team.code}`);
  if (route.baseId !== team.baseId) add('wrong_base', i, `route starts at base ${route.baseId}, team's base is ${team.baseId}`);
  if (route.departMin < template.startMin) add('early_departure', i, `leaves at ${hhmm(route.departMin)}, shift starts ${hhmm(template.startMin)}`);
  if (route.returnMin > template.endMin) add('late_return', i, `back at ${hhmm(route.returnMin)}, shift ends ${hhmm(template.endMin)}`);

  const ids = route.stops.map((s) => s.hamletId);
  if (new Set(ids).size !== ids.length) add('hamlet_twice_in_route', i, 'a route visits each hamlet at most once');
  // Clock along the route, against the travel matrix.
  let at = baseKey(route.baseId);
  let clock = route.departMin;
  let distance = 0;
  const month = Number(route.date.slice(5, 7));
  const hamlets: Hamlet[] = [];
  for (const stop of route.stops) {
    const hamlet = lookup.hamlets.get(stop.hamletId);
    if (!hamlet) { add('unknown_hamlet', i, `no hamlet ${stop.hamletId}`); return; }
    hamlets.push(hamlet);
    const leg = safeTravel(lookup.matrix, at, hamletKey(hamlet.id));
    if (!leg) { add('unknown_base', i, `no base ${route.baseId}`); return; }
    distance += leg.distanceM;
    if (stop.arriveMin < clock + leg.minutes) add('travel_too_fast', i, `arrives at ${hamlet.name} at ${hhmm(stop.arriveMin)}, cannot before ${hhmm(clock + leg.minutes)}`);
    if (stop.startMin < stop.arriveMin + team.setupMinutes) add('setup_too_short', i, `work at ${hamlet.name} starts before setup (${team.setupMinutes} min) is done`);
    if (stop.endMin < stop.startMin) add('negative_work', i, `work at ${hamlet.name} ends before it starts`);
    checkWork(team, template, stop, hamlet, i, add);
    if (hamlet.cutMonths.includes(month)) add('road_cut', i, `road to ${hamlet.name} is cut in month ${month}`);
    clock = stop.endMin;
    at = hamletKey(hamlet.id);
  }
  const back = safeTravel(lookup.matrix, at, baseKey(route.baseId));
  if (back) {
    distance += back.distanceM;
    if (route.returnMin < clock + back.minutes) add('travel_too_fast', i, `back at base at ${hhmm(route.returnMin)}, cannot before ${hhmm(clock + back.minutes)}`);
  }
  if (route.distanceM !== distance) add('distance_mismatch', i, `distance ${route.distanceM} m, the legs add up to ${distance} m`);
  checkVehicles(lookup, route, team, hamlets, distance, i, add);
}

function checkWork(team: Team, template: ShiftTemplate, stop: Route['stops'][number], hamlet: Hamlet, i: number, add: Add): void {
  let minutes = 0;
  for (const service of ['cccd', 'eid'] as const) {
    const venue = stop.quota[service];
    const hv = stop.homeVisits[service];
    if (venue + hv === 0) continue;
    if (!team.services.includes(service)) add('service_not_offered', i, `team does not offer ${service} (at ${hamlet.name})`);
    if (service === 'cccd' && team.kits < 1) add('cccd_without_kit', i, `CCCD at ${hamlet.name} but the team has no enrolment kit`);
    if (venue > 0) {
      if (template.homeVisitsOnly) add('venue_in_home_shift', i, `venue quota at ${hamlet.name} in a home-visit-only shift`);
      if (team.throughputPerHour[service] <= 0) add('no_throughput', i, `team cannot do ${service} at a venue`);
      else minutes += (60 * venue) / team.throughputPerHour[service];
    }
    if (hv > 0) {
      if (team.homeThroughputPerHour <= 0) add('no_throughput', i, 'team cannot make home visits');
      else minutes += (60 * hv) / team.homeThroughputPerHour;
    }
  }
  if (minutes > stop.endMin - stop.startMin + WORK_TOLERANCE_MIN) {
    add('work_overrun', i, `quotas at ${hamlet.name} need ${minutes.toFixed(1)} min, ${stop.endMin - stop.startMin} min booked`);
  }
}

function checkVehicles(lookup: Lookup, route: Route, team: Team, hamlets: readonly Hamlet[], distance: number, i: number, add: Add): void {
  let seats = 0;
  let perKm = 0;
  if (new Set(route.vehicleIds).size !== route.vehicleIds.length) add('vehicle_twice', i, 'a vehicle is listed twice');
  for (const id of route.vehicleIds) {
    const vehicle = lookup.vehicles.get(id);
    if (!vehicle) { add('unknown_vehicle', i, `no vehicle ${id}`); continue; }
    seats += vehicle.seats;
    perKm += vehicle.costPerKm;
    if (vehicle.baseId !== team.baseId) add('vehicle_elsewhere', i, `vehicle ${vehicle.code} is based elsewhere`);
    if (vehicle.unavailable.includes(route.date)) add('vehicle_unavailable', i, `vehicle ${vehicle.code} is unavailable on ${route.date}`);
    for (const h of hamlets) {
      if (!vehicle.roadClasses.includes(h.roadClass)) add('road_class', i, `vehicle ${vehicle.code} cannot take the ${h.roadClass} road to ${h.name}`);
      if (h.motorbikeOnly && vehicle.kind !== 'motorbike') add('motorbike_only', i, `only motorbikes reach ${h.name}, ${vehicle.code} is a ${vehicle.kind}`);
    }
  }
  if (seats < team.size) add('too_few_seats', i, `${seats} seats for a team of ${team.size}`);
  const cost = Math.round((distance * perKm) / 1000);
  if (route.cost !== cost) add('cost_mismatch', i, `cost ${route.cost}, expected ${cost}`);
}

function checkOnePlaceAtATime(lookup: Lookup, routes: readonly Route[], add: Add): void {
  const byTeamDay = new Map<string, number[]>();
  const byVehicleDay = new Map<string, number[]>();
  routes.forEach((route, i) => {
    const tk = `${route.teamId}|${route.date}`;
    byTeamDay.set(tk, [...(byTeamDay.get(tk) ?? []), i]);
    for (const vehicle of route.vehicleIds) {
      const vk = `${vehicle}|${route.date}`;
      byVehicleDay.set(vk, [...(byVehicleDay.get(vk) ?? []), i]);
    }
  });
  const clash = (a: Route, b: Route): boolean => a.departMin < b.returnMin && b.departMin < a.returnMin;
  for (const list of byTeamDay.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = routes[list[x]!]!;
        const b = routes[list[y]!]!;
        if (a.templateId === b.templateId) add('team_twice_in_shift', list[y]!, 'the team already has a route in this shift');
        else if (clash(a, b)) add('team_overlap', list[y]!, `overlaps the team's route ${describeRoute(lookup.instance, a)}`);
      }
    }
  }
  for (const [key, list] of byVehicleDay) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = routes[list[x]!]!;
        const b = routes[list[y]!]!;
        if (clash(a, b)) {
          const code = lookup.vehicles.get(Number(key.split('|')[0]))?.code ?? key;
          add('vehicle_overlap', list[y]!, `vehicle ${code} is also on ${describeRoute(lookup.instance, a)}`);
        }
      }
    }
  }
}

function checkCaps(lookup: Lookup, routes: readonly Route[], add: Add): void {
  const perWeek = new Map<string, number[]>();
  const evenings = new Map<number, Map<string, number>>();
  const weekKey = (teamId: number, date: string): string => `${teamId}|${getISOWeekYear(parseISO(date))}-W${getISOWeek(parseISO(date))}`;
  const workedBefore = new Map<string, number>();
  for (const w of lookup.instance.worked ?? []) workedBefore.set(weekKey(w.teamId, w.date), (workedBefore.get(weekKey(w.teamId, w.date)) ?? 0) + 1);
  routes.forEach((route, i) => {
    const key = weekKey(route.teamId, route.date);
    perWeek.set(key, [...(perWeek.get(key) ?? []), i]);
    if (lookup.templates.get(route.templateId)?.kind === 'weekday_evening') {
      const days = evenings.get(route.teamId) ?? new Map<string, number>();
      days.set(route.date, i);
      evenings.set(route.teamId, days);
    }
  });
  for (const [key, list] of perWeek) {
    const team = lookup.teams.get(Number(key.split('|')[0]));
    const count = list.length + (workedBefore.get(key) ?? 0);
    if (team && count > team.maxShiftsPerWeek) {
      add('too_many_shifts_in_week', list[list.length - 1]!, `${count} shifts in week ${key.split('|')[1]}, cap ${team.maxShiftsPerWeek}`);
    }
  }
  for (const [teamId, days] of evenings) {
    const team = lookup.teams.get(teamId);
    if (!team) continue;
    const sorted = [...days.keys()].sort();
    let run = 1;
    for (let k = 1; k < sorted.length; k++) {
      run = differenceInCalendarDays(parseISO(sorted[k]!), parseISO(sorted[k - 1]!)) === 1 ? run + 1 : 1;
      if (run === team.maxConsecutiveEvenings + 1) {
        add('too_many_consecutive_evenings', days.get(sorted[k]!)!, `${run} evenings in a row, cap ${team.maxConsecutiveEvenings}`);
      }
    }
  }
}

function checkPinned(instance: PlanningInstance, routes: readonly Route[], add: Add): void {
  const present = new Map<string, number>();
  for (const route of routes) {
    const key = canonical(route);
    present.set(key, (present.get(key) ?? 0) + 1);
  }
  for (const pinnedRoute of instance.pinned) {
    const key = canonical({ ...pinnedRoute, pinned: true });
    const count = present.get(key) ?? 0;
    if (count === 0) add('pinned_changed', null, `pinned route ${describeRoute(instance, pinnedRoute)} is missing or was changed`);
    else present.set(key, count - 1);
  }
}

/** Field order does not matter; the values do. */
function canonical(route: Route): string {
  return JSON.stringify([
    route.date, route.templateId, route.teamId, [...route.vehicleIds], route.baseId, route.departMin, route.returnMin, route.distanceM, route.cost, route.pinned,
    route.stops.map((s) => [s.hamletId, s.arriveMin, s.startMin, s.endMin, s.quota.cccd, s.quota.eid, s.homeVisits.cccd, s.homeVisits.eid]),
  ]);
}

function safeTravel(matrix: TravelMatrix, from: string, to: string): { distanceM: number; minutes: number } | null {
  try {
    return travelBetween(matrix, from, to);
  } catch {
    return null;
  }
}

function hhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}
