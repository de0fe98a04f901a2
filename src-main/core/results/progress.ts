import { addDays, format, parseISO } from 'date-fns';
import type { BurndownPoint, IsoDate, PerService, Team } from '../model';
import type { PlannedVisit, VisitOutcome } from './model';

const zero = (): PerService => ({ cccd: 0, eid: 0 });
const add = (a: PerService, b: PerService): PerService => ({ cccd: a.cccd + b.cccd, eid: a.eid + b.eid });
const total = (p: PerService): number => p.cccd + p.eid;

/** What a visit was expected to enrol, per service: venue quota plus home visits. */
export const plannedOf = (v: PlannedVisit): PerService => add(v.quota, v.homeVisits);

export type OutcomeByVisit = ReadonlyMap<number, Pick<VisitOutcome, 'enrolled' | 'homeVisits' | 'notDone'>>;

/** One day of the plan: expected and recorded, on the day and cumulated since the first day. */
export interface DayProgress {
  date: IsoDate;
  planned: PerService;
  plannedCumulative: number;
  /** Recorded that day; null for days after `asOf` (nothing to compare yet). */
  actual: PerService | null;
  actualCumulative: number | null;
  visits: number;
  recorded: number;
}

/** Day by day, planned against recorded, up to `asOf` for the recorded side. */
export function dailyProgress(visits: readonly PlannedVisit[], outcomes: OutcomeByVisit, asOf: IsoDate | null): DayProgress[] {
  const byDate = new Map<IsoDate, PlannedVisit[]>();
  for (const v of visits) byDate.set(v.date, [...(byDate.get(v.date) ?? []), v]);
  let plannedCumulative = 0;
  let actualCumulative = 0;
  return [...byDate.keys()].sort().map((date) => {
    const day = byDate.get(date)!;
    const planned = day.reduce((s, v) => add(s, plannedOf(v)), zero());
    plannedCumulative += total(planned);
    const recorded = day.filter((v) => outcomes.has(v.visitId));
    const compared = asOf !== null && date <= asOf;
    const actual = compared ? recorded.reduce((s, v) => add(s, outcomes.get(v.visitId)!.enrolled), zero()) : null;
    if (actual) actualCumulative += total(actual);
    return {
      date, planned, plannedCumulative, actual, actualCumulative: actual ? actualCumulative : null, visits: day.length, recorded: recorded.length,
    };
  });
}

/** Actual against plan as of a date: positive `behind` means fewer people than planned. */
export interface ProgressFigures {
  asOf: IsoDate;
  planned: PerService;
  actual: PerService;
  /** planned − actual, both services (negative: ahead of plan). */
  behind: number;
  /** behind / planned, 0 when nothing was planned. */
  behindShare: number;
  visits: number;
  recorded: number;
  notDone: number;
  /** Visits up to `asOf` with no result yet (counted as nothing enrolled). */
  unrecorded: number;
}

export function progressAsOf(visits: readonly PlannedVisit[], outcomes: OutcomeByVisit, asOf: IsoDate): ProgressFigures {
  let planned = zero();
  let actual = zero();
  let recorded = 0;
  let notDone = 0;
  let count = 0;
  for (const v of visits) {
    if (v.date > asOf) continue;
    count++;
    planned = add(planned, plannedOf(v));
    const o = outcomes.get(v.visitId);
    if (!o) continue;
    recorded++;
    if (o.notDone) notDone++;
    actual = add(actual, o.enrolled);
  }
  const behind = total(planned) - total(actual);
  return {
    asOf, planned, actual, behind, behindShare: total(planned) > 0 ? behind / total(planned) : 0,
    visits: count, recorded, notDone, unrecorded: count - recorded,
  };
}

/**
 * Team-hours a visit's planned work takes at its team's assumed rates (venue per service,
 * home visits at the home rate): the same arithmetic the planner books minutes with.
 */
export function plannedTeamHours(v: PlannedVisit, team: Pick<Team, 'throughputPerHour' | 'homeThroughputPerHour'> | undefined): number {
  if (!team) return 0;
  let hours = 0;
  for (const s of ['cccd', 'eid'] as const) {
    if (v.quota[s] > 0 && team.throughputPerHour[s] > 0) hours += v.quota[s] / team.throughputPerHour[s];
  }
  const home = total(v.homeVisits);
  if (home > 0 && team.homeThroughputPerHour > 0) hours += home / team.homeThroughputPerHour;
  return hours;
}

/** A commune's or a team's figures as of a date, with its measured rate against the assumed one. */
export interface GroupProgress extends Omit<ProgressFigures, 'asOf'> {
  id: number;
  /** Team-hours of the visits that took place, at the assumed rates. */
  teamHours: number;
  /** People per team-hour the teams' rates assumed on those visits; null when no visit took place. */
  assumedRate: number | null;
  /** People per team-hour they achieved in the same hours. */
  measuredRate: number | null;
}

/**
 * Per commune or per team, furthest behind first. Rates count only visits that took place
 * (recorded and not "not done"): a visit called off says nothing about how fast a team works.
 */
export function groupProgress(
  visits: readonly PlannedVisit[], outcomes: OutcomeByVisit, teams: readonly Team[], asOf: IsoDate, by: 'communeId' | 'teamId',
): GroupProgress[] {
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const groups = new Map<number, PlannedVisit[]>();
  for (const v of visits) if (v.date <= asOf) groups.set(v[by], [...(groups.get(v[by]) ?? []), v]);
  const out: GroupProgress[] = [];
  for (const [groupId, members] of groups) {
    const { asOf: _asOf, ...figures } = progressAsOf(members, outcomes, asOf);
    let teamHours = 0;
    let plannedDone = 0;
    let actualDone = 0;
    for (const v of members) {
      const o = outcomes.get(v.visitId);
      if (!o || o.notDone) continue;
      teamHours += plannedTeamHours(v, teamById.get(v.teamId));
      plannedDone += total(plannedOf(v));
      actualDone += total(o.enrolled);
    }
    out.push({
      id: groupId, ...figures, teamHours,
      assumedRate: teamHours > 0 ? plannedDone / teamHours : null,
      measuredRate: teamHours > 0 ? actualDone / teamHours : null,
    });
  }
  return out.sort((a, b) => b.behind - a.behind || b.behindShare - a.behindShare || a.id - b.id);
}

/**
 * The actual burn-down: the register's backlog less what results recorded, at the end of each
 * day from `from` to `to` (results dated before `from` count on the first day).
 */
export function actualBurndown(
  initial: PerService, results: ReadonlyArray<{ date: IsoDate; enrolled: PerService }>, from: IsoDate, to: IsoDate,
): BurndownPoint[] {
  const byDate = new Map<IsoDate, PerService>();
  for (const r of results) byDate.set(r.date, add(byDate.get(r.date) ?? zero(), r.enrolled));
  let remaining = { ...initial };
  for (const [date, got] of byDate) if (date < from) remaining = { cccd: remaining.cccd - got.cccd, eid: remaining.eid - got.eid };
  const points: BurndownPoint[] = [];
  for (let date = from; date <= to; date = format(addDays(parseISO(date), 1), 'yyyy-MM-dd')) {
    const got = byDate.get(date);
    if (got) remaining = { cccd: remaining.cccd - got.cccd, eid: remaining.eid - got.eid };
    points.push({ date, remaining: { cccd: Math.max(0, remaining.cccd), eid: Math.max(0, remaining.eid) } });
  }
  return points;
}
