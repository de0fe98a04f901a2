import type { Hamlet, Route, ShiftTemplate, Team, Vehicle } from '../model';
import { monthOf, shiftRunsOn } from './days';
import { clock, dayMonthYear, type Findings } from './findings';

/** One route with the records it names, once they are all known. */
export interface RouteAt {
  route: Route;
  index: number;
  team: Team;
  template: ShiftTemplate;
  hamlets: Hamlet[];
  vehicles: Vehicle[];
}

/** A rule about a single route, as DOMAIN.md states it. */
export type RouteRule = (f: Findings, at: RouteAt) => void;

const SERVICES = ['cccd', 'eid'] as const;
const SERVICE_NAMES = { cccd: 'CCCD', eid: 'e-ID' } as const;

/** Everything a route names exists; otherwise the route cannot be judged further. */
export function resolveRoute(f: Findings, route: Route, index: number): RouteAt | null {
  const team = f.teams.get(route.teamId);
  const template = f.templates.get(route.templateId);
  if (!team) f.add('unknown_team', index, { id: route.teamId });
  if (!template) f.add('unknown_shift', index, { id: route.templateId });
  if (!f.instance.bases.some((b) => b.id === route.baseId)) f.add('unknown_base', index, { id: route.baseId });
  const hamlets = route.stops.map((s) => f.hamlets.get(s.hamletId));
  route.stops.forEach((s, k) => { if (!hamlets[k]) f.add('unknown_hamlet', index, { id: s.hamletId }); });
  const vehicles = route.vehicleIds.map((id) => f.vehicles.get(id));
  route.vehicleIds.forEach((id, k) => { if (!vehicles[k]) f.add('unknown_vehicle', index, { id }); });
  const known = <T>(list: (T | undefined)[]): list is T[] => list.every((x) => x !== undefined);
  if (!team || !template || !known(hamlets) || !known(vehicles) || !f.travel.knows(`b:${route.baseId}`)) return null;
  return { route, index, team, template, hamlets, vehicles };
}

/** Within the campaign: from the first planned day to the deadline. */
export const insideCampaign: RouteRule = (f, { route, index }) => {
  const { from, campaign } = f.instance;
  if (route.date < from || route.date > campaign.deadline) f.add('outside_horizon', index, { from: dayMonthYear(from), deadline: dayMonthYear(campaign.deadline) });
};

/** The shift runs that day: its weekdays, no blackout, holidays only if marked. */
export const shiftRunsThatDay: RouteRule = (f, { route, index, template }) => {
  if (!shiftRunsOn(route.date, template, f.instance.exceptions)) f.add('no_such_shift', index);
};

export const teamMayWorkShiftKind: RouteRule = (f, { index, team, template }) => {
  if (!team.allowedShiftKinds.includes(template.kind)) f.add('shift_kind_not_allowed', index);
};

export const notOnDayOff: RouteRule = (f, { route, index, team }) => {
  if (team.daysOff.includes(route.date)) f.add('day_off', index);
};

export const startsFromTeamBase: RouteRule = (f, { route, index, team }) => {
  if (route.baseId !== team.baseId) f.add('wrong_base', index, { routeBase: f.baseName(route.baseId), teamBase: f.baseName(team.baseId) });
};

export const withinShiftHours: RouteRule = (f, { route, index, template }) => {
  if (route.departMin < template.startMin) f.add('early_departure', index, { depart: clock(route.departMin), start: clock(template.startMin) });
  if (route.returnMin > template.endMin) f.add('late_return', index, { back: clock(route.returnMin), end: clock(template.endMin) });
};

export const eachHamletOnce: RouteRule = (f, { index, hamlets }) => {
  const seen = new Set<number>();
  for (const h of hamlets) {
    if (seen.has(h.id)) f.add('hamlet_twice_in_route', index, { hamlet: h.name });
    seen.add(h.id);
  }
};

/** Base → hamlet → ... → base at no more than the fastest allowed way; setup before work. */
export const travelAndSetupTakeTime: RouteRule = (f, { route, index, team, hamlets }) => {
  let at = `b:${route.baseId}`;
  let free = route.departMin;
  // No allowed way is slower than the direct trip: only an arrival before it needs the search.
  const soonest = (from: string, to: string, arrival: number): number => {
    const direct = free + (f.travel.directLeg(from, to)?.minutes ?? 0);
    return arrival >= direct ? direct : free + (f.travel.leg(from, to)?.minutes ?? 0);
  };
  route.stops.forEach((stop, k) => {
    const hamlet = hamlets[k]!;
    const earliest = soonest(at, `h:${hamlet.id}`, stop.arriveMin);
    if (stop.arriveMin < earliest) f.add('travel_too_fast', index, { to: hamlet.name, at: clock(stop.arriveMin), earliest: clock(earliest) });
    if (stop.startMin < stop.arriveMin + team.setupMinutes) f.add('setup_too_short', index, { hamlet: hamlet.name, setup: team.setupMinutes });
    if (stop.endMin < stop.startMin) f.add('negative_work', index, { hamlet: hamlet.name });
    free = stop.endMin;
    at = `h:${hamlet.id}`;
  });
  const home = soonest(at, `b:${route.baseId}`, route.returnMin);
  if (route.returnMin < home) f.add('travel_too_fast', index, { to: f.baseName(route.baseId), at: clock(route.returnMin), earliest: clock(home) });
};

export const roadsOpenThatMonth: RouteRule = (f, { route, index, hamlets }) => {
  const month = monthOf(route.date);
  for (const h of hamlets) if (h.cutMonths.includes(month)) f.add('road_cut', index, { hamlet: h.name, month });
};

/** The metres reported are at least the shortest allowed roads; cost is km × cost per km of the vehicles. */
export const distanceAndCostAddUp: RouteRule = (f, { route, index, vehicles }) => {
  const keys = [`b:${route.baseId}`, ...route.stops.map((s) => `h:${s.hamletId}`), `b:${route.baseId}`];
  const sum = (leg: (from: string, to: string) => { distanceM: number } | null): number =>
    keys.slice(1).reduce((total, key, k) => total + (leg(keys[k]!, key)?.distanceM ?? 0), 0);
  // No allowed way is longer than the direct trips: only fewer metres need the search.
  const least = route.distanceM >= sum((a, b) => f.travel.directLeg(a, b)) ? 0 : sum((a, b) => f.travel.leg(a, b));
  if (route.distanceM < least) f.add('distance_too_short', index, { reported: km(route.distanceM), least: km(least) });
  const perKm = vehicles.reduce((sum, v) => sum + v.costPerKm, 0);
  const expected = Math.round((route.distanceM * perKm) / 1000);
  if (route.cost !== expected) f.add('cost_mismatch', index, { reported: route.cost, expected });
};

const km = (metres: number): string => (metres / 1000).toFixed(1);

/** A team does only the services it offers, CCCD only with a kit, each way only with a throughput. */
export const servicesTheTeamOffers: RouteRule = (f, { route, index, team, hamlets }) => {
  route.stops.forEach((stop, k) => {
    const hamlet = hamlets[k]!.name;
    for (const s of SERVICES) {
      const service = SERVICE_NAMES[s];
      if (stop.quota[s] + stop.homeVisits[s] === 0) continue;
      if (!team.services.includes(s)) f.add('service_not_offered', index, { service, hamlet });
      if (s === 'cccd' && team.kits < 1) f.add('cccd_without_kit', index, { hamlet });
      if (stop.quota[s] > 0 && team.throughputPerHour[s] <= 0) f.add('no_throughput', index, { service, hamlet });
      if (stop.homeVisits[s] > 0 && team.homeThroughputPerHour <= 0) f.add('no_throughput', index, { service, hamlet });
    }
  });
};

/** A home-visit shift (weekday daytime) has no venue work: people are in the fields. */
export const homeVisitShiftsOnlyVisitHomes: RouteRule = (f, { route, index, template, hamlets }) => {
  if (!template.homeVisitsOnly) return;
  route.stops.forEach((stop, k) => {
    if (stop.quota.cccd + stop.quota.eid > 0) f.add('venue_in_home_shift', index, { hamlet: hamlets[k]!.name });
  });
};

/** The people of a visit, at the team's rates, fit the minutes booked for work. */
export const workFitsTimeBooked: RouteRule = (f, { route, index, team, hamlets }) => {
  route.stops.forEach((stop, k) => {
    let needed = 0;
    for (const s of SERVICES) {
      if (stop.quota[s] > 0 && team.throughputPerHour[s] > 0) needed += (60 * stop.quota[s]) / team.throughputPerHour[s];
      if (stop.homeVisits[s] > 0 && team.homeThroughputPerHour > 0) needed += (60 * stop.homeVisits[s]) / team.homeThroughputPerHour;
    }
    const booked = stop.endMin - stop.startMin;
    if (booked < 0) return; // negative_work says it
    // Rounding noise only: minutes are whole, rates are people per hour.
    if (needed > booked + 1e-6) f.add('work_overrun', index, { hamlet: hamlets[k]!.name, needed: needed.toFixed(1), booked });
  });
};

/** The team's vehicles: its base's, available, able to take every road, with a seat for everyone. */
export const vehiclesFitTheRoute: RouteRule = (f, { route, index, team, hamlets, vehicles }) => {
  const listed = new Set<number>();
  for (const v of vehicles) {
    if (listed.has(v.id)) f.add('vehicle_twice', index, { vehicle: v.name });
    listed.add(v.id);
    if (v.baseId !== team.baseId) f.add('vehicle_elsewhere', index, { vehicle: v.name });
    if (v.unavailable.includes(route.date)) f.add('vehicle_unavailable', index, { vehicle: v.name });
    for (const h of hamlets) {
      if (!v.roadClasses.includes(h.roadClass)) f.add('road_class', index, { vehicle: v.name, road: h.roadClass, hamlet: h.name });
      if (h.motorbikeOnly && v.kind !== 'motorbike') f.add('motorbike_only', index, { vehicle: v.name, hamlet: h.name });
    }
  }
  const seats = vehicles.reduce((sum, v) => sum + v.seats, 0);
  if (seats < team.size) f.add('too_few_seats', index, { seats, size: team.size });
};

export const ROUTE_RULES: readonly RouteRule[] = [
  insideCampaign, shiftRunsThatDay, teamMayWorkShiftKind, notOnDayOff, startsFromTeamBase, withinShiftHours,
  eachHamletOnce, travelAndSetupTakeTime, roadsOpenThatMonth, distanceAndCostAddUp, servicesTheTeamOffers,
  homeVisitShiftsOnlyVisitHomes, workFitsTimeBooked, vehiclesFitTheRoute,
];
