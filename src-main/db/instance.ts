import type { PlanningInstance, Route } from '../core/model';
import { addDays, format, parseISO } from 'date-fns';
import { clipToBacklog, firstDayKept, withMeasuredRates, type TeamRate } from '../core/replan';
import { groupProgress, remainingBacklogs } from '../core/results';
import type { Db } from './open';
import { listBacklogs, listBases, listCommunes, listHamlets, listTravelPairs } from './repos/places';
import { getCampaign, listCalendarExceptions, listShiftTemplates, listTeams, listVehicles } from './repos/resources';
import { getPlan, publishedPlanId } from './repos/plans';
import { DbRefusal } from './refusal';
import { followedVisits, lastResultDay, listRecorded, resultsConflict, type ResultsConflict } from './repos/results';

const addDaysIso = (date: string, days: number): string => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

export class NoCampaignError extends Error {
  readonly code = 'NO_CAMPAIGN';
  constructor() {
    super('No current campaign: set the campaign start and deadline first.');
  }
}

/**
 * A plan asked to start on or before a day that already has recorded results: the backlog it
 * would start from already lacks those people, so it would count that day's work twice.
 */
class FromBeforeResultsError extends DbRefusal {
  constructor(from: string, { lastResult, firstOpen }: ResultsConflict) {
    super('BAD_PARAMS', `from: results are recorded up to ${lastResult} and the backlog already counts them; plan from ${firstOpen} or later (asked ${from}).`,
      { key: 'fromBeforeResults', field: 'from', params: { from, lastResult, firstOpen } });
  }
}

/** The first day a new plan may start: the campaign start, or the day after the last recorded result. */
export function firstPlanningDay(db: Db, campaignStart: string): string {
  const last = lastResultDay(db);
  return last !== null && last >= campaignStart ? addDaysIso(last, 1) : campaignStart;
}

export interface LoadOptions {
  /**
   * First day to plan; defaults to the campaign start or, once results are recorded, the day
   * after the last of them. Refused (FromBeforeResultsError) on or before a day with results.
   */
  from?: string;
  /** Keep the pinned routes (from `from` on) of the base plan. */
  keepPinned?: boolean;
  /** The plan whose pinned routes are kept; defaults to the published plan. */
  basePlanId?: number;
  /**
   * Re-plan from `from` (today) keeping the published plan: that day's published visits stay as
   * they are (pinned), later ones are kept where they still hold (the planner starts from them and
   * a change must win people). Without it the rest of the campaign is planned afresh.
   */
  keepPublished?: boolean;
  /** Scale each team's rates by what its recorded visits achieved against plan (see withMeasuredRates). */
  measuredRates?: boolean;
}

const sameShift = (a: Route, b: Route): boolean => a.date === b.date && a.templateId === b.templateId && a.teamId === b.teamId;

/** Each team's planned and recorded people per team-hour on the visits before `from` that took place. */
export function measuredTeamRates(db: Db, from: string): TeamRate[] {
  const visits = followedVisits(db, { to: addDaysIso(from, -1) });
  const outcomes = new Map(visits.flatMap((v) => (v.result ? [[v.visitId, v.result] as const] : [])));
  const asOf = visits.reduce((last, v) => (v.date > last ? v.date : last), '0000-01-01');
  return groupProgress(visits, outcomes, listTeams(db), asOf, 'teamId').map((g) => ({
    teamId: g.id, teamHours: g.teamHours, assumedRate: g.assumedRate, measuredRate: g.measuredRate,
  }));
}

/**
 * The shifts of the plans followed before `from`, in from's ISO week and the evenings run just
 * before it (a week back covers both): they count against a re-plan's weekly and evening caps.
 */
function workedBefore(db: Db, from: string): Array<{ teamId: number; date: string; templateId: number }> {
  const since = addDaysIso(from, -7);
  const shifts = new Map<string, { teamId: number; date: string; templateId: number }>();
  for (const v of followedVisits(db, { from: since, to: addDaysIso(from, -1) })) {
    if (v.result?.notDone) continue;
    shifts.set(`${v.teamId}|${v.date}|${v.templateId}`, { teamId: v.teamId, date: v.date, templateId: v.templateId });
  }
  return [...shifts.values()];
}

/** The published plan's routes from `from` on (what a re-plan is compared with); none when nothing is published. */
export const publishedRoutesFrom = (db: Db, from: string): Route[] => routesFrom(db, publishedPlanId(db), from);

const routesFrom = (db: Db, planId: number | null, from: string): Route[] =>
  planId === null
    ? []
    : (getPlan(db, planId)?.routes ?? []).filter((r) => r.date >= from).map(({ id: _id, visitIds: _v, ...route }) => route);

/**
 * Builds the planner's plain-data instance from the database. The backlog is what is left: the
 * register's figures less the enrolments recorded as results (venue and home visits).
 */
export function loadPlanningInstance(db: Db, options: LoadOptions = {}): PlanningInstance {
  const campaign = getCampaign(db);
  if (!campaign) throw new NoCampaignError();
  if (options.from !== undefined && options.from > campaign.deadline) {
    throw new DbRefusal('BAD_PARAMS', `from: ${options.from} is after the campaign's deadline ${campaign.deadline}: there is nothing to plan`,
      { key: 'fromAfterDeadline', field: 'from', params: { from: options.from, deadline: campaign.deadline } });
  }
  const conflict = options.from === undefined ? null : resultsConflict(db, options.from);
  if (conflict) throw new FromBeforeResultsError(options.from!, conflict);
  const from = options.from ?? firstPlanningDay(db, campaign.startDate);
  const publishedId = publishedPlanId(db);
  const previous = routesFrom(db, publishedId, from);
  const baseRoutes = options.basePlanId === undefined ? previous : routesFrom(db, options.basePlanId, from);
  const backlogs = remainingBacklogs(listBacklogs(db), listRecorded(db));
  const pinned = options.keepPinned === false ? [] : baseRoutes.filter((r) => r.pinned);
  const kept = options.keepPublished ? firstDayKept(previous, from).filter((r) => !pinned.some((p) => sameShift(p, r))) : [];
  return {
    campaign,
    from,
    communes: listCommunes(db),
    hamlets: listHamlets(db),
    backlogs,
    bases: listBases(db),
    teams: options.measuredRates ? withMeasuredRates(listTeams(db), measuredTeamRates(db, from)).teams : listTeams(db),
    vehicles: listVehicles(db),
    shiftTemplates: listShiftTemplates(db),
    exceptions: listCalendarExceptions(db),
    travel: listTravelPairs(db),
    pinned: clipToBacklog([...pinned, ...kept], backlogs),
    previous: options.keepPublished ? previous : [],
    worked: workedBefore(db, from),
  };
}
