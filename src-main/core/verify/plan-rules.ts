import type { Route } from '../model';
import { isNextDay, weekOf } from './days';
import { dayMonthYear, type Findings } from './findings';

/** A rule about the plan as a whole: routes that meet in time, caps over days, people left. */
export type PlanRule = (f: Findings) => void;

const overlap = (a: Route, b: Route): boolean => a.departMin < b.returnMin && b.departMin < a.returnMin;

/** Pairs of routes (earlier index first) that share a key, e.g. one team on one date. */
function pairsSharing(routes: readonly Route[], keysOf: (r: Route) => string[]): [number, number, string][] {
  const byKey = new Map<string, number[]>();
  routes.forEach((r, i) => {
    for (const key of new Set(keysOf(r))) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const pairs: [number, number, string][] = [];
  for (const [key, list] of byKey) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pairs.push([list[x]!, list[y]!, key]);
  }
  return pairs;
}

const placesOf = (f: Findings, r: Route): string => {
  const d = f.describe(r);
  return `${d.date} ${d.shift}, ${d.places}`;
};

/** A team is in one place at a time: one route a shift, and no two routes of a day overlapping. */
export const teamInOnePlace: PlanRule = (f) => {
  for (const [a, b] of pairsSharing(f.routes, (r) => [`${r.teamId}|${r.date}`])) {
    const first = f.routes[a]!;
    const second = f.routes[b]!;
    if (first.templateId === second.templateId) f.add('team_twice_in_shift', b);
    else if (overlap(first, second)) f.add('team_overlap', b, { other: placesOf(f, first) });
  }
};

/** A vehicle is on one route at a time. */
export const vehicleInOnePlace: PlanRule = (f) => {
  for (const [a, b, key] of pairsSharing(f.routes, (r) => r.vehicleIds.map((v) => `${v}|${r.date}`))) {
    if (!overlap(f.routes[a]!, f.routes[b]!)) continue;
    const vehicleId = Number(key.split('|')[0]);
    f.add('vehicle_overlap', b, { vehicle: f.vehicles.get(vehicleId)?.name ?? `#${vehicleId}`, other: placesOf(f, f.routes[a]!) });
  }
};

/** No more shifts in a Monday-to-Sunday week than the team's cap, shifts worked before the plan's first day included. */
export const weeklyShiftCap: PlanRule = (f) => {
  const byTeamWeek = new Map<string, number[]>();
  const workedBefore = new Map<string, number>();
  for (const w of f.instance.worked ?? []) {
    const key = `${w.teamId}|${weekOf(w.date)}`;
    workedBefore.set(key, (workedBefore.get(key) ?? 0) + 1);
  }
  f.routes.forEach((r, i) => {
    const key = `${r.teamId}|${weekOf(r.date)}`;
    byTeamWeek.set(key, [...(byTeamWeek.get(key) ?? []), i]);
  });
  for (const [key, list] of byTeamWeek) {
    const [teamId, monday] = key.split('|');
    const cap = f.teams.get(Number(teamId))?.maxShiftsPerWeek;
    const count = list.length + (workedBefore.get(key) ?? 0);
    if (cap !== undefined && count > cap) f.add('too_many_shifts_in_week', list[list.length - 1]!, { count, week: dayMonthYear(monday!), cap });
  }
};

/** No more weekday evenings in a row than the team's cap. */
export const consecutiveEveningCap: PlanRule = (f) => {
  for (const team of f.instance.teams) {
    const evenings = new Map<string, number>();
    // Evenings worked before the plan's first day start the run; they are not findings themselves (index -1).
    for (const w of f.instance.worked ?? []) if (w.teamId === team.id && f.templates.get(w.templateId)?.kind === 'weekday_evening') evenings.set(w.date, -1);
    f.routes.forEach((r, i) => {
      if (r.teamId === team.id && f.templates.get(r.templateId)?.kind === 'weekday_evening') evenings.set(r.date, i);
    });
    const dates = [...evenings.keys()].sort();
    let run = 0;
    let flagged = false;
    dates.forEach((date, k) => {
      const continues = k > 0 && isNextDay(dates[k - 1]!, date);
      run = continues ? run + 1 : 1;
      if (!continues) flagged = false;
      const index = evenings.get(date)!;
      // The first planned evening of a run longer than the cap, once per run.
      if (run > team.maxConsecutiveEvenings && index >= 0 && !flagged) {
        flagged = true;
        f.add('too_many_consecutive_evenings', index, { count: run, cap: team.maxConsecutiveEvenings });
      }
    });
  }
};

/** Every pinned route is in the plan exactly as it was pinned. */
export const pinnedRoutesKept: PlanRule = (f) => {
  const present = new Map<string, number>();
  for (const r of f.routes) present.set(sameRoute(r), (present.get(sameRoute(r)) ?? 0) + 1);
  for (const pinned of f.instance.pinned) {
    const key = sameRoute({ ...pinned, pinned: true });
    const left = present.get(key) ?? 0;
    if (left === 0) f.add('pinned_changed', null, { other: `${placesOf(f, pinned)}, ${f.describe(pinned).team}` });
    else present.set(key, left - 1);
  }
};

/** Two routes are the same when every field is (field order aside). */
function sameRoute(r: Route): string {
  return JSON.stringify([
    r.date, r.templateId, r.teamId, [...r.vehicleIds], r.baseId, r.departMin, r.returnMin, r.distanceM, r.cost, r.pinned,
    r.stops.map((s) => [s.hamletId, s.arriveMin, s.startMin, s.endMin, s.quota.cccd, s.quota.eid, s.homeVisits.cccd, s.homeVisits.eid]),
  ]);
}

type Pools = Map<number, { venue: { cccd: number; eid: number }; home: { cccd: number; eid: number } }>;

/**
 * The turnout model: what one shift can enrol at a hamlet is the share reachable in that
 * kind of shift of the people not homebound still left, floored: the quotas of all visits
 * to the hamlet in that shift (one team or several) together at most floor(share × left),
 * shift by shift (those with pinned visits first, then by date and start); home visits at
 * most the homebound still left. Two teams at one hall in one evening meet the same people.
 */
export const turnoutWithinReach: PlanRule = (f) => {
  const left: Pools = new Map(f.instance.backlogs.map((b) => [b.hamletId, {
    venue: { cccd: b.remaining.cccd - b.homebound.cccd, eid: b.remaining.eid - b.homebound.eid },
    home: { ...b.homebound },
  }]));
  for (const visits of shiftsAtHamlets(f)) {
    const { route, stop } = visits[0]!;
    const hamlet = f.hamlets.get(stop.hamletId);
    const kind = f.templates.get(route.templateId)?.kind;
    if (!hamlet || !kind) continue;
    const pool = left.get(hamlet.id) ?? { venue: { cccd: 0, eid: 0 }, home: { cccd: 0, eid: 0 } };
    for (const s of ['cccd', 'eid'] as const) {
      const service = s === 'cccd' ? 'CCCD' : 'e-ID';
      // A share times whole people, floored; the epsilon keeps 0.6 × 5 at 3.
      const reachable = Math.floor(hamlet.reach[kind] * pool.venue[s] + 1e-9);
      const quota = visits.reduce((sum, visit) => sum + visit.stop.quota[s], 0);
      if (quota > reachable) f.add('turnout_above_reach', visits[visits.length - 1]!.index, { service, quota, hamlet: hamlet.name, reachable });
      pool.venue[s] = Math.max(0, pool.venue[s] - quota);
      for (const { stop: visit, index } of visits) {
        if (visit.homeVisits[s] > pool.home[s]) f.add('home_visits_above_homebound', index, { service, quota: visit.homeVisits[s], hamlet: hamlet.name, left: pool.home[s] });
        pool.home[s] = Math.max(0, pool.home[s] - visit.homeVisits[s]);
      }
    }
    left.set(hamlet.id, pool);
  }
};

type Visit = { route: Route; index: number; stop: Route['stops'][number] };

/** The visits of each shift (date and template) to each hamlet, shifts with pinned visits first, then by date and start. */
function shiftsAtHamlets(f: Findings): Visit[][] {
  const groups = new Map<string, Visit[]>();
  f.routes.forEach((route, index) => {
    for (const stop of route.stops) {
      const key = `${route.date}|${route.templateId}|${stop.hamletId}`;
      groups.set(key, [...(groups.get(key) ?? []), { route, index, stop }]);
    }
  });
  const startOf = (visits: Visit[]): number => f.templates.get(visits[0]!.route.templateId)?.startMin ?? 0;
  const pinned = (visits: Visit[]): number => Number(visits.some((visit) => visit.route.pinned));
  return [...groups.values()].sort((a, b) => pinned(b) - pinned(a) || a[0]!.route.date.localeCompare(b[0]!.route.date)
    || startOf(a) - startOf(b) || a[0]!.route.templateId - b[0]!.route.templateId || a[0]!.index - b[0]!.index);
}

export const PLAN_RULES: readonly PlanRule[] = [
  teamInOnePlace, vehicleInOnePlace, weeklyShiftCap, consecutiveEveningCap, pinnedRoutesKept, turnoutWithinReach,
];
