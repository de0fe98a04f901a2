import { addDays, format, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import type { IsoDate, PlanReport } from '../core/model';
import { plan } from '../core/planner';
import { makeWorld, visitOutcome } from '../core/simulate/world';
import { loadPlanningInstance, publishPlan, savePlan, type Db } from '../db';
import { getCampaign, listTeams } from '../db/repos/resources';
import { followedVisits, listBacklogStatus, recordResult } from '../db/repos/results';

/** Every Monday keeping the published plan where it holds, every Monday afresh, or never. */
export type Replan = 'weekly' | 'afresh' | 'never';

export interface SimulationOptions {
  seed: number;
  replan: Replan;
  timeLimitSeconds: number;
  /** Told after each simulated week. */
  onWeek?: (week: SimulatedWeek) => void;
}

export interface SimulatedWeek {
  /** ISO week, yyyy-Www. */
  week: string;
  from: IsoDate;
  to: IsoDate;
  /** People the plan in force expected that week, and what the field gave. */
  planned: number;
  actual: number;
  visits: number;
  notDone: number;
  /** Backlog left at the end of the week. */
  left: number;
  /** The clearance date the plan in force projects at the end of the week (null: not within a year). */
  projectedClearance: IsoDate | null;
}

export interface SimulationResult {
  seed: number;
  replan: Replan;
  weeks: SimulatedWeek[];
  /** People recorded enrolled by the deadline. */
  enrolledByDeadline: number;
  /** The backlog at the start. */
  backlog: number;
  /** Left at the deadline. */
  left: number;
  /** The date the backlog was cleared, or else the last plan in force's projection. */
  clearanceDate: IsoDate | null;
  replans: number;
  /** Seconds the planner took, all plans together. */
  planningSeconds: number;
}

const nextDay = (date: IsoDate): IsoDate => format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
const weekCode = (date: IsoDate): string => `${getISOWeekYear(parseISO(date))}-W${String(getISOWeek(parseISO(date))).padStart(2, '0')}`;
const isSunday = (date: IsoDate): boolean => parseISO(date).getDay() === 0;
const leftNow = (db: Db): number => listBacklogStatus(db).reduce((s, b) => s + b.remaining.cccd + b.remaining.eid, 0);

/**
 * Plays the campaign of `db` day by day in a seeded world (core/simulate/world.ts): the plan in
 * force's visits of each day are recorded as the world lets them happen; with `weekly`, every
 * Sunday night the rest is re-planned from Monday (published visits kept where they hold) and
 * published; `afresh` re-plans the rest from scratch instead; with `never`, the first plan is
 * followed to the end. Writes results and plans into
 * `db`: give it a copy.
 */
export async function simulateCampaign(db: Db, options: SimulationOptions): Promise<SimulationResult> {
  const campaign = getCampaign(db);
  if (!campaign) throw new Error('The database has no campaign to simulate.');
  const world = makeWorld(options.seed, listTeams(db).map((t) => t.id), campaign.startDate, campaign.deadline);
  let planningSeconds = 0;
  const planAndPublish = async (from: IsoDate, keep: boolean): Promise<PlanReport> => {
    const instance = loadPlanningInstance(db, { from, keepPublished: keep });
    const t0 = Date.now();
    const { routes, report } = await plan(instance, { seed: 1, timeLimitSeconds: options.timeLimitSeconds });
    planningSeconds += (Date.now() - t0) / 1000;
    publishPlan(db, savePlan(db, { name: `Mô phỏng từ ${from}`, status: 'draft', fromDate: from, seed: 1, routes, report }));
    return report;
  };
  const backlog = leftNow(db);
  let report = await planAndPublish(campaign.startDate, false);
  let replans = 0;
  let clearedOn: IsoDate | null = null;
  const weeks: SimulatedWeek[] = [];
  let week = { from: campaign.startDate, planned: 0, actual: 0, visits: 0, notDone: 0 };
  for (let date = campaign.startDate; date <= campaign.deadline; date = nextDay(date)) {
    for (const visit of followedVisits(db, { from: date, to: date })) {
      const left = listBacklogStatus(db).find((b) => b.hamletId === visit.hamletId)?.remaining ?? { cccd: 0, eid: 0 };
      const outcome = visitOutcome(world, visit, left);
      recordResult(db, visit.visitId, outcome, { acceptAboveBacklog: false, raiseRegister: false, today: date });
      week.planned += visit.quota.cccd + visit.quota.eid + visit.homeVisits.cccd + visit.homeVisits.eid;
      week.actual += outcome.enrolled.cccd + outcome.enrolled.eid;
      week.visits++;
      if (outcome.notDone) week.notDone++;
    }
    const left = leftNow(db);
    if (left === 0 && clearedOn === null) clearedOn = date;
    if (!isSunday(date) && date !== campaign.deadline) continue;
    if (options.replan !== 'never' && date < campaign.deadline && left > 0) {
      report = await planAndPublish(nextDay(date), options.replan === 'weekly');
      replans++;
    }
    const closed: SimulatedWeek = { week: weekCode(date), ...week, to: date, left, projectedClearance: report.clearanceDate };
    weeks.push(closed);
    options.onWeek?.(closed);
    week = { from: nextDay(date), planned: 0, actual: 0, visits: 0, notDone: 0 };
  }
  const left = leftNow(db);
  return {
    seed: options.seed, replan: options.replan, weeks, enrolledByDeadline: backlog - left, backlog, left,
    clearanceDate: clearedOn ?? report.clearanceDate, replans, planningSeconds,
  };
}
