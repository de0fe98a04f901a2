import type { PlanningInstance, Route } from '../core/model';
import { remainingBacklogs } from '../core/results';
import type { Db } from './open';
import { listBacklogs, listBases, listCommunes, listHamlets, listTravelPairs } from './repos/places';
import { getCampaign, listCalendarExceptions, listShiftTemplates, listTeams, listVehicles } from './repos/resources';
import { getPlan, publishedPlanId } from './repos/plans';
import { listRecorded } from './repos/results';

export class NoCampaignError extends Error {
  readonly code = 'NO_CAMPAIGN';
  constructor() {
    super('No current campaign: set the campaign start and deadline first.');
  }
}

export interface LoadOptions {
  /** First day to plan; defaults to the campaign start. */
  from?: string;
  /** Keep the pinned routes (from `from` on) of the base plan. */
  keepPinned?: boolean;
  /** The plan whose pinned routes are kept; defaults to the published plan. */
  basePlanId?: number;
}

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
  const from = options.from ?? campaign.startDate;
  const publishedId = publishedPlanId(db);
  const previous = routesFrom(db, publishedId, from);
  const baseRoutes = options.basePlanId === undefined ? previous : routesFrom(db, options.basePlanId, from);
  return {
    campaign,
    from,
    communes: listCommunes(db),
    hamlets: listHamlets(db),
    backlogs: remainingBacklogs(listBacklogs(db), listRecorded(db)),
    bases: listBases(db),
    teams: listTeams(db),
    vehicles: listVehicles(db),
    shiftTemplates: listShiftTemplates(db),
    exceptions: listCalendarExceptions(db),
    travel: listTravelPairs(db),
    pinned: options.keepPinned === false ? [] : baseRoutes.filter((r) => r.pinned),
    previous,
  };
}
