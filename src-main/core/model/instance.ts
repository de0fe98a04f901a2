import { z } from 'zod';
import { backlog, base, commune, hamlet, travelPair } from './places';
import { calendarException, campaign, shiftTemplate, team, vehicle } from './resources';
import { route } from './plan';
import { isoDate } from './primitives';

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
});
export type PlanningInstance = z.infer<typeof planningInstance>;

export const planOptions = z.object({
  seed: z.number().int().min(0).default(1),
  timeLimitSeconds: z.number().min(0.1).max(3600).default(10),
});
export type PlanOptions = z.infer<typeof planOptions>;
