import type { Backlog, IsoDate, PerService, Route, Team } from '../model';

/**
 * The published visits of the first day re-planned (today): the teams were briefed and the
 * hamlets told, so they stay as they are, pinned. Later published visits are not fixed: the
 * planner keeps them where it can (fewest changes, after the other objectives).
 */
export function firstDayKept(published: readonly Route[], from: IsoDate): Route[] {
  return published.filter((r) => r.date === from).map((r) => ({ ...r, pinned: true }));
}

const minus = (a: PerService, b: PerService): PerService => ({ cccd: Math.max(0, a.cccd - b.cccd), eid: Math.max(0, a.eid - b.eid) });
const least = (a: PerService, b: PerService): PerService => ({ cccd: Math.min(a.cccd, b.cccd), eid: Math.min(a.eid, b.eid) });

/**
 * Routes kept as they were, their expected enrolments cut to what the results left: a kept
 * visit never promises people who are already enrolled. Walks the routes in time order, each
 * stop taking its quota (venue) and home visits from the hamlet's backlog left.
 */
export function clipToBacklog(routes: readonly Route[], backlogs: readonly Backlog[]): Route[] {
  const venue = new Map<number, PerService>();
  const home = new Map<number, PerService>();
  for (const b of backlogs) {
    venue.set(b.hamletId, minus(b.remaining, b.homebound));
    home.set(b.hamletId, { ...b.homebound });
  }
  const ordered = routes.map((route, index) => ({ route, index })).sort((a, b) =>
    a.route.date.localeCompare(b.route.date) || a.route.departMin - b.route.departMin || a.index - b.index);
  const out: Route[] = new Array<Route>(routes.length);
  for (const { route, index } of ordered) {
    const stops = route.stops.map((stop) => {
      const quota = least(stop.quota, venue.get(stop.hamletId) ?? { cccd: 0, eid: 0 });
      const homeVisits = least(stop.homeVisits, home.get(stop.hamletId) ?? { cccd: 0, eid: 0 });
      venue.set(stop.hamletId, minus(venue.get(stop.hamletId) ?? quota, quota));
      home.set(stop.hamletId, minus(home.get(stop.hamletId) ?? homeVisits, homeVisits));
      return { ...stop, quota, homeVisits };
    });
    out[index] = { ...route, stops };
  }
  return out;
}

/** A team's people per team-hour, as planned and as recorded, over the hours its visits took. */
export interface TeamRate {
  teamId: number;
  teamHours: number;
  assumedRate: number | null;
  measuredRate: number | null;
}

/** Fewer recorded team-hours say too little about a team to change its rates. */
export const MEASURED_MIN_HOURS = 6;
/** A measured rate moves the assumed one by at most this factor either way. */
export const MEASURED_MAX_FACTOR = 2;

/**
 * Teams with their rates scaled by measured / assumed (people per team-hour recorded against
 * planned on the visits that took place). The factor holds turnout and speed together, which is
 * what the plan needs; it is bounded, and teams with too few hours keep their assumed rates.
 */
export function withMeasuredRates(teams: readonly Team[], rates: readonly TeamRate[]): { teams: Team[]; factors: Map<number, number> } {
  const factors = new Map<number, number>();
  for (const r of rates) {
    if (r.teamHours < MEASURED_MIN_HOURS || !r.assumedRate || r.measuredRate === null) continue;
    const factor = Math.min(MEASURED_MAX_FACTOR, Math.max(1 / MEASURED_MAX_FACTOR, r.measuredRate / r.assumedRate));
    factors.set(r.teamId, factor);
  }
  const scaled = teams.map((team) => {
    const factor = factors.get(team.id);
    if (factor === undefined) return team;
    const scale = (x: number): number => (x > 0 ? Math.max(1, Math.round(x * factor)) : 0);
    return {
      ...team,
      throughputPerHour: { cccd: scale(team.throughputPerHour.cccd), eid: scale(team.throughputPerHour.eid) },
      homeThroughputPerHour: scale(team.homeThroughputPerHour),
    };
  });
  return { teams: scaled, factors };
}
