import { addDays, differenceInCalendarDays, format, getISODay, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import type { PlanningInstance } from '../model';
import {
  SERVICE_NAMES, type ExactProblem, type ExactSlot, type Places, type StopOption, type TeamShift,
} from './problem-types';
import { reachFraction, scopeProblems } from './scope';

/** The instance uses a feature the exact model leaves out (see scope.ts). */
export class ExactScopeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`outside the exact model's scope: ${problems.join('; ')}`);
  }
}

/**
 * The instance as the exact model reads it: its own calendar, its own travel table and
 * the team-shifts with the hamlets each may usefully stop at. Derived from the raw
 * instance alone (nothing from the planner, whose bound this model checks).
 */
export function buildExactProblem(instance: PlanningInstance): ExactProblem {
  const places = measuredPlaces(instance);
  const slots = calendarSlots(instance);
  const problems = scopeProblems(instance, places, slots);
  if (problems.length > 0) throw new ExactScopeError(problems);
  const backlogOf = new Map(instance.backlogs.map((b) => [b.hamletId, b]));
  const venuePeople = instance.hamlets.map((h): [number, number] => {
    const b = backlogOf.get(h.id);
    return b ? [b.remaining.cccd - b.homebound.cccd, b.remaining.eid - b.homebound.eid] : [0, 0];
  });
  const homePeople = instance.hamlets.map((h): [number, number] => {
    const b = backlogOf.get(h.id);
    return b ? [b.homebound.cccd, b.homebound.eid] : [0, 0];
  });
  const reach = instance.hamlets.map((h) => ({
    weekday_day: reachFraction(h.reach.weekday_day)!,
    weekday_evening: reachFraction(h.reach.weekday_evening)!,
    weekend: reachFraction(h.reach.weekend)!,
  }));
  const teamNode = instance.teams.map((t) => places.index.get(`b:${t.baseId}`) ?? -1);
  const problem: ExactProblem = {
    instance, places, slots, teams: instance.teams, teamNode, teamShifts: [], venuePeople, homePeople, reach,
  };
  problem.teamShifts = teamShifts(problem);
  return problem;
}

/** Measured pairs only (scope.ts refuses instances where anything else would count). */
function measuredPlaces(instance: PlanningInstance): Places {
  const keys = [...instance.bases.map((b) => `b:${b.id}`), ...instance.hamlets.map((h) => `h:${h.id}`)];
  const index = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const minutes = new Float64Array(n * n).fill(Infinity);
  const distanceM = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    minutes[i * n + i] = 0;
    distanceM[i * n + i] = 0;
  }
  const measured = instance.travel.filter((p) => p.source === 'measured');
  // A pair measured one way serves the other way, unless that way was measured itself.
  for (const reverse of [true, false]) {
    for (const p of measured) {
      const i = index.get(reverse ? p.to : p.from);
      const j = index.get(reverse ? p.from : p.to);
      if (i === undefined || j === undefined || i === j) continue;
      minutes[i * n + j] = p.minutes;
      distanceM[i * n + j] = p.distanceM;
    }
  }
  return { keys, index, minutes, distanceM };
}

/**
 * Shifts from the first planned day to the deadline: a template runs on its weekdays; a
 * blackout day has no shift; a holiday has only the templates marked for holidays.
 */
function calendarSlots(instance: PlanningInstance): ExactSlot[] {
  const exceptions = new Map(instance.exceptions.map((e) => [e.date, e.kind]));
  const first = parseISO(instance.from);
  const slots: ExactSlot[] = [];
  for (let d = first; format(d, 'yyyy-MM-dd') <= instance.campaign.deadline; d = addDays(d, 1)) {
    const date = format(d, 'yyyy-MM-dd');
    const exception = exceptions.get(date);
    if (exception === 'blackout') continue;
    const templates = instance.shiftTemplates
      .filter((t) => (exception === 'holiday' ? t.onHolidays : t.weekdays.includes(getISODay(d))))
      .sort((a, b) => a.startMin - b.startMin || a.id - b.id);
    for (const template of templates) {
      slots.push({
        index: slots.length, date, template, kind: template.kind,
        weekKey: `${getISOWeekYear(d)}-W${getISOWeek(d)}`,
        day: differenceInCalendarDays(d, first), month: d.getMonth() + 1,
      });
    }
  }
  return slots;
}

/** Team-shifts the team may work (kind allowed, not a day off), with their useful stops. */
function teamShifts(problem: ExactProblem): TeamShift[] {
  const out: TeamShift[] = [];
  problem.teams.forEach((team, t) => {
    if (problem.teamNode[t]! < 0) return;
    for (const slot of problem.slots) {
      if (!team.allowedShiftKinds.includes(slot.kind) || team.daysOff.includes(slot.date)) continue;
      const options = problem.instance.hamlets.flatMap((_, h) => {
        const option = stopOption(problem, t, slot, h);
        return option ? [option] : [];
      });
      if (options.length > 0) out.push({ index: out.length, team: t, slot: slot.index, options });
    }
  });
  return out;
}

/**
 * A stop is useful when the team can enrol at least one person there in this shift. A stop
 * that enrols nobody can be dropped from any plan without breaking a rule (travel only
 * gets shorter: no trip is faster through a third place), so leaving such stops out of the
 * model loses no plan's enrolment.
 */
function stopOption(problem: ExactProblem, t: number, slot: ExactSlot, h: number): StopOption | null {
  const { instance, places } = problem;
  const team = problem.teams[t]!;
  const hamlet = instance.hamlets[h]!;
  if (hamlet.cutMonths.includes(slot.month)) return null;
  const n = places.keys.length;
  const base = problem.teamNode[t]!;
  const node = places.index.get(`h:${hamlet.id}`)!;
  const length = slot.template.endMin - slot.template.startMin;
  const room = length - places.minutes[base * n + node]! - places.minutes[node * n + base]! - team.setupMinutes;
  const offers = SERVICE_NAMES.map((s) => team.services.includes(s) && (s !== 'cccd' || team.kits >= 1));
  const venue = SERVICE_NAMES.map((s, i) => offers[i]! && team.throughputPerHour[s] > 0 && !slot.template.homeVisitsOnly
    && problem.reach[h]![slot.kind].numerator > 0 && problem.venuePeople[h]![i]! > 0
    && room * team.throughputPerHour[s] >= 60) as [boolean, boolean];
  const home = SERVICE_NAMES.map((_, i) => offers[i]! && team.homeThroughputPerHour > 0 && problem.homePeople[h]![i]! > 0
    && room * team.homeThroughputPerHour >= 60) as [boolean, boolean];
  if (!venue.some(Boolean) && !home.some(Boolean)) return null;
  const { numerator, denominator } = problem.reach[h]![slot.kind];
  const venueCap = SERVICE_NAMES.map((s, i) => (venue[i] ? Math.min(
    Math.floor((numerator * problem.venuePeople[h]![i]!) / denominator), Math.floor((room * team.throughputPerHour[s]) / 60)) : 0)) as [number, number];
  const homeCap = SERVICE_NAMES.map((_, i) => (home[i] ? Math.min(
    problem.homePeople[h]![i]!, Math.floor((room * team.homeThroughputPerHour) / 60)) : 0)) as [number, number];
  return { hamlet: h, node, venue, home, room, venueCap, homeCap };
}
