import type { Route, Stop } from '../model';
import { names } from './names';
import { SERVICE_INDICES, type ExactProblem, type TeamShift } from './problem-types';
import { vehiclesThatNeverBind } from './scope';

/** Solved values by variable name. */
export interface Solution {
  has(name: string): boolean;
  /** The value rounded to a whole number (0 for a variable the model does not have). */
  int(name: string): number;
}

/**
 * The solved model as routes the checker can judge: each used team-shift's arcs followed
 * from its base, work starting at the solved minute, setup just before it, quotas and home
 * visits as solved. Routes of a shift get the base's vehicles in turn.
 */
export function solutionRoutes(problem: ExactProblem, solution: Solution, timed: ReadonlySet<number>): Route[] {
  const int = solution.int;
  const used = problem.teamShifts.filter((ts) => int(names.used(ts.index)) === 1);
  const dates = new Set(problem.slots.map((s) => s.date));
  const routes: Route[] = [];
  for (const slot of problem.slots) {
    const here = used.filter((ts) => ts.slot === slot.index);
    const taken = new Map<number, number>();
    for (const ts of here) {
      const team = problem.teams[ts.team]!;
      const k = taken.get(team.baseId) ?? 0;
      taken.set(team.baseId, k + 1);
      const vehicle = vehiclesThatNeverBind(problem.instance, team.baseId, dates)[k]!;
      routes.push(toRoute(problem, ts, vehicle, int, timed.has(ts.index)));
    }
  }
  return routes;
}

/**
 * A team-shift with modelled start minutes keeps them;
 * the others leave at the start of the shift and start work as soon as setup is done.
 */
function toRoute(
  problem: ExactProblem, ts: TeamShift, vehicle: { id: number; costPerKm: number }, int: (name: string) => number, timed: boolean,
): Route {
  const { instance, places } = problem;
  const n = places.keys.length;
  const team = problem.teams[ts.team]!;
  const slot = problem.slots[ts.slot]!;
  const base = problem.teamNode[ts.team]!;
  const stops: Stop[] = [];
  let at = 0;
  let distanceM = 0;
  let node = base;
  let clock = slot.template.startMin;
  for (;;) {
    const next = ts.options.find((o) => int(names.arc(ts.index, at, o.hamlet + 1)) === 1);
    if (!next || stops.length > ts.options.length) break;
    const h = next.hamlet;
    distanceM += places.distanceM[node * n + next.node]!;
    const earliest = clock + places.minutes[node * n + next.node]! + team.setupMinutes;
    const startMin = timed ? int(names.start(ts.index, h)) : earliest;
    const quota = { cccd: 0, eid: 0 };
    const homeVisits = { cccd: 0, eid: 0 };
    for (const s of SERVICE_INDICES) {
      const key = s === 0 ? 'cccd' : 'eid';
      if (next.venue[s]) quota[key] = int(names.quota(ts.index, h, s));
      if (next.home[s]) homeVisits[key] = int(names.home(ts.index, h, s));
    }
    stops.push({
      hamletId: instance.hamlets[h]!.id, arriveMin: startMin - team.setupMinutes, startMin,
      endMin: startMin + int(names.work(ts.index, h)), quota, homeVisits,
    });
    at = h + 1;
    node = next.node;
    clock = stops[stops.length - 1]!.endMin;
  }
  distanceM += places.distanceM[node * n + base]!;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const firstNode = places.index.get(`h:${first.hamletId}`)!;
  return {
    date: slot.date, templateId: slot.template.id, teamId: team.id, vehicleIds: [vehicle.id], baseId: team.baseId,
    departMin: first.arriveMin - places.minutes[base * n + firstNode]!,
    returnMin: last.endMin + places.minutes[node * n + base]!,
    stops, distanceM, cost: Math.round((distanceM * vehicle.costPerKm) / 1000), pinned: false,
  };
}
