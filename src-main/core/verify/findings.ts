import { format, parseISO } from 'date-fns';
import type { Hamlet, PlanningInstance, Route, ShiftTemplate, Team, Vehicle, Violation } from '../model';
import { TravelRules } from './roads';

/** Every rule the verifier knows, by the code a violation carries. */
export const VIOLATION_CODES = [
  'unknown_team', 'unknown_shift', 'unknown_hamlet', 'unknown_base', 'unknown_vehicle',
  'outside_horizon', 'no_such_shift', 'shift_kind_not_allowed', 'day_off', 'wrong_base',
  'early_departure', 'late_return', 'hamlet_twice_in_route', 'travel_too_fast', 'setup_too_short',
  'negative_work', 'road_cut', 'distance_too_short', 'service_not_offered', 'cccd_without_kit',
  'venue_in_home_shift', 'no_throughput', 'work_overrun', 'vehicle_twice', 'vehicle_elsewhere',
  'vehicle_unavailable', 'road_class', 'motorbike_only', 'too_few_seats', 'cost_mismatch',
  'team_twice_in_shift', 'team_overlap', 'vehicle_overlap', 'too_many_shifts_in_week',
  'too_many_consecutive_evenings', 'pinned_changed', 'turnout_above_reach', 'home_visits_above_homebound',
  'report_mismatch', 'bound_below_plan',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** English sentences for logs and the CLI; the app words the same codes from its i18n files. */
const ENGLISH: Record<ViolationCode, string> = {
  unknown_team: 'no team {id} in the data',
  unknown_shift: 'no shift template {id} in the data',
  unknown_hamlet: 'no hamlet {id} in the data',
  unknown_base: 'no base {id} in the data',
  unknown_vehicle: 'no vehicle {id} in the data',
  outside_horizon: 'the date is outside the campaign ({from} to {deadline})',
  no_such_shift: 'the shift does not run that day (weekday, holiday or blackout)',
  shift_kind_not_allowed: 'the team may not work this kind of shift',
  day_off: 'it is a day off for the team',
  wrong_base: 'the route starts at {routeBase}, the team is based at {teamBase}',
  early_departure: 'leaves at {depart}, the shift starts at {start}',
  late_return: 'back at {back}, the shift ends at {end}',
  hamlet_twice_in_route: '{hamlet} is visited twice in one route',
  travel_too_fast: 'reaches {to} at {at}, cannot before {earliest}',
  setup_too_short: 'work at {hamlet} starts before the {setup} min setup is done',
  negative_work: 'work at {hamlet} ends before it starts',
  road_cut: 'the road to {hamlet} is cut in month {month}',
  distance_too_short: 'reports {reported} km, the roads need at least {least} km',
  service_not_offered: 'the team does not offer {service} (at {hamlet})',
  cccd_without_kit: 'CCCD at {hamlet} but the team has no enrolment kit',
  venue_in_home_shift: 'venue work at {hamlet} in a home-visit shift',
  no_throughput: 'the team cannot do {service} this way (at {hamlet})',
  work_overrun: 'the quotas at {hamlet} need {needed} min, {booked} min booked',
  vehicle_twice: 'vehicle {vehicle} is listed twice',
  vehicle_elsewhere: 'vehicle {vehicle} is based elsewhere',
  vehicle_unavailable: 'vehicle {vehicle} is unavailable that day',
  road_class: 'vehicle {vehicle} cannot take the {road} road to {hamlet}',
  motorbike_only: 'only motorbikes reach {hamlet}, {vehicle} is not one',
  too_few_seats: '{seats} seats for a team of {size}',
  cost_mismatch: 'cost {reported}, the vehicles and distance make {expected}',
  team_twice_in_shift: 'the team already has a route in this shift',
  team_overlap: 'overlaps the team\'s other route that day ({other})',
  vehicle_overlap: 'vehicle {vehicle} is also out on another route ({other})',
  too_many_shifts_in_week: '{count} shifts in the week of {week}, the cap is {cap}',
  too_many_consecutive_evenings: '{count} evenings in a row, the cap is {cap}',
  pinned_changed: 'a pinned route is missing or was changed ({other})',
  turnout_above_reach: '{service} quota {quota} at {hamlet} above the {reachable} people reachable then',
  home_visits_above_homebound: '{service} home visits {quota} at {hamlet} above the {left} homebound left',
  report_mismatch: 'the report\'s {what} says {reported}, the routes make {actual}',
  bound_below_plan: 'the upper bound {bound} is below the {enrolled} people the plan enrols',
};

export type Params = Record<string, string | number>;

/** What every rule sees: the instance by id, the travel rules, and where to report. */
export class Findings {
  readonly violations: Violation[] = [];
  readonly teams: Map<number, Team>;
  readonly templates: Map<number, ShiftTemplate>;
  readonly vehicles: Map<number, Vehicle>;
  readonly hamlets: Map<number, Hamlet>;
  readonly travel: TravelRules;

  constructor(readonly instance: PlanningInstance, readonly routes: readonly Route[]) {
    this.teams = new Map(instance.teams.map((t) => [t.id, t]));
    this.templates = new Map(instance.shiftTemplates.map((t) => [t.id, t]));
    this.vehicles = new Map(instance.vehicles.map((v) => [v.id, v]));
    this.hamlets = new Map(instance.hamlets.map((h) => [h.id, h]));
    this.travel = new TravelRules(instance.bases, instance.hamlets, instance.travel);
  }

  /** Records a broken rule; a route's findings name its date, shift, team and hamlets. */
  add(code: ViolationCode, routeIndex: number | null, details: Params = {}): void {
    const route = routeIndex === null ? undefined : this.routes[routeIndex];
    const params = { ...(route ? this.describe(route) : {}), ...details };
    const sentence = fill(ENGLISH[code], params);
    const message = route ? `${params.date} ${params.shift}, ${params.team}, ${params.places}: ${sentence}` : sentence;
    this.violations.push({ code, message, routeIndex, params });
  }

  /** A route in the words of a roster: date, shift name, team name, hamlets in order. */
  describe(route: Route): Params {
    return {
      date: dayMonthYear(route.date),
      shift: this.templates.get(route.templateId)?.name ?? `#${route.templateId}`,
      team: this.teams.get(route.teamId)?.name ?? `#${route.teamId}`,
      places: route.stops.map((s) => this.hamlets.get(s.hamletId)?.name ?? `#${s.hamletId}`).join(' → '),
    };
  }

  baseName(baseId: number): string {
    return this.instance.bases.find((b) => b.id === baseId)?.name ?? `#${baseId}`;
  }
}

/** A date as people write it here: dd/MM/yyyy. */
export const dayMonthYear = (isoDate: string): string => format(parseISO(isoDate), 'dd/MM/yyyy');

const fill = (template: string, params: Params): string => template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));

export const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
