import { z } from 'zod';
import { backlog, base, commune, hamlet, travelPair } from './places';
import { calendarException, campaign, shiftTemplate, team, vehicle } from './resources';
import { route } from './plan';
import { id, isoDate } from './primitives';

/**
 * Everything the planner needs, as plain data. The planner never reads the database;
 * the db layer builds this, the planner answers with a plan and a report.
 */
export const planningInstance = z.object({
  campaign,
  /** First day to plan (today, or the campaign start). */
  from: isoDate,
  communes: z.array(commune),
  hamlets: z.array(hamlet),
  backlogs: z.array(backlog),
  bases: z.array(base),
  teams: z.array(team),
  vehicles: z.array(vehicle),
  shiftTemplates: z.array(shiftTemplate),
  exceptions: z.array(calendarException),
  /** Known road distances/times; missing pairs are estimated (core/travel). */
  travel: z.array(travelPair),
  /** Routes to keep exactly as they are. */
  pinned: z.array(route),
  /** The published plan, to change as little as possible from it. */
  previous: z.array(route),
  /**
   * Shifts teams already worked before `from` in its ISO week (and the evenings just before):
   * they count against the weekly cap and the run of evenings of a re-plan from mid-week.
   */
  worked: z.array(z.object({ teamId: id, date: isoDate, templateId: id })).optional(),
  /**
   * What may be left at a hamlet, per service, for the commune post (walk-ins at the post,
   * home visits by commune police): at most max(people, percent % of the hamlet's backlog).
   * A hamlet within it counts as done for the verdict; the backlog still counts everyone.
   */
  residual: z.object({ people: z.number().int().min(0).max(1000), percent: z.number().min(0).max(50) }).optional(),
});
export type PlanningInstance = z.infer<typeof planningInstance>;

export const planOptions = z.object({
  seed: z.number().int().min(0).default(1),
  timeLimitSeconds: z.number().min(0.1).max(3600).default(10),
});
export type PlanOptions = z.infer<typeof planOptions>;
