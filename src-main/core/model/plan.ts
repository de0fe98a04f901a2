import { z } from 'zod';
import { count, id, isoDate, minuteOfDay, perService } from './primitives';

/** One hamlet visited inside a route. Times are minutes since midnight of the route's date. */
export const stop = z.object({
  hamletId: id,
  arriveMin: minuteOfDay,
  /** Work starts after the team's setup time. */
  startMin: minuteOfDay,
  endMin: minuteOfDay,
  /** Expected people enrolled at the venue, per service: the team's quota. */
  quota: perService,
  /** Expected homebound people enrolled at home, per service. */
  homeVisits: perService,
});
export type Stop = z.infer<typeof stop>;

/** One team in one shift: base -> hamlets in order -> base. */
export const route = z.object({
  date: isoDate,
  templateId: id,
  teamId: id,
  vehicleIds: z.array(id).min(1),
  baseId: id,
  departMin: minuteOfDay,
  returnMin: minuteOfDay,
  stops: z.array(stop).min(1),
  distanceM: count,
  /** Integer đồng: km × cost per km over the vehicles used. */
  cost: count,
  pinned: z.boolean(),
});
export type Route = z.infer<typeof route>;

export const REASON_CODES = [
  'road_cut_in_season', // no vehicle can reach it in the months left
  'no_vehicle_for_road', // no vehicle of a team has the road class / motorbike
  'no_kit_team', // CCCD backlog but no team with a kit can reach it
  'not_enough_shifts', // capacity ran out before the deadline
  'reach_too_low', // repeated visits meet too few people
  'homebound_needs_home_visits', // homebound left, no home-visit capacity
  'too_far_for_shift', // travel alone does not fit any shift window
  'no_team_available', // every team is away (days off) from the start to the deadline
] as const;
export const reasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof reasonCode>;

export const shortfall = z.object({
  hamletId: id,
  communeId: id,
  missing: perService,
  reasons: z.array(reasonCode),
});
export type Shortfall = z.infer<typeof shortfall>;

export const burndownPoint = z.object({ date: isoDate, remaining: perService });
export type BurndownPoint = z.infer<typeof burndownPoint>;

export const violation = z.object({
  code: z.string(),
  /** English, for logs and the CLI; the app words it from `code` and `params`. */
  message: z.string(),
  routeIndex: z.number().int().nullable(),
  /** Names and figures a chief knows (date, shift, team, hamlet ...), for the translated sentence. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Violation = z.infer<typeof violation>;

export const planReport = z.object({
  from: isoDate,
  deadline: isoDate,
  backlog: perService,
  /** Enrolled by the deadline, per service (venue + home visits). */
  enrolled: perService,
  /** LP relaxation: no plan can enrol more (people, both services). */
  upperBound: count,
  /**
   * 'lp' when HiGHS solved the LP in time; 'capacity' when it did not and the rough bound stood
   * in (every team's shift time at its fastest rate, capped by the backlog). Older plans: absent.
   */
  upperBoundSource: z.enum(['lp', 'capacity']).optional(),
  clearanceDate: isoDate.nullable(),
  deadlineMet: z.boolean(),
  /** Hamlets with people short at the deadline beyond what is left to the commune post. */
  shortfall: z.array(shortfall),
  /** How many hamlets `shortfall` names. */
  hamletsShort: count.optional(),
  /** People left at the deadline within each hamlet's residual (for the commune posts), and in how many hamlets. */
  residual: z.object({ people: count, hamlets: count }).optional(),
  burndown: z.array(burndownPoint),
  objectives: z.object({
    /** Level 1: urgency-weighted people enrolled (higher is better). */
    weightedEnrolled: z.number(),
    /** Level 2: spread of daily quotas / workload across teams (lower is better). */
    imbalance: z.number(),
    /** Level 3: distance and vehicle cost (lower is better). */
    distanceM: count,
    cost: count,
    /** Level 4: routes that differ from the previous plan (lower is better). */
    changes: count,
  }),
  shifts: count,
  /**
   * The verdict on the plan. What users see comes from the independent verifier
   * (core/verify), run by the shells on every finished plan; the planner's own self-check
   * fills it only where no shell has judged the plan yet.
   */
  checker: z.object({
    valid: z.boolean(),
    violations: z.array(violation),
    source: z.enum(['verifier', 'planner']).optional(),
    /** Time the verifier took. */
    seconds: z.number().optional(),
  }),
  seconds: z.number(),
  seed: z.number().int(),
});
export type PlanReport = z.infer<typeof planReport>;

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export const planStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatus>;

export const planSummary = z.object({
  id,
  name: z.string(),
  status: planStatus,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  scenarioId: id.nullable(),
  /** Made by "what would it take?": what it added to its scenario ("teams +3"). */
  extra: z.string().nullable().optional(),
  fromDate: isoDate,
  deadlineMet: z.boolean(),
  enrolled: count,
  backlog: count,
  /** People short at the deadline beyond each hamlet's residual (the verdict's figure: the rest is left to the commune posts). */
  short: count,
  /** The data it was made from has changed since (teams, hamlets, backlog, calendar ...): its verdict may no longer hold. */
  stale: z.boolean(),
  /**
   * Results recorded since the plan was made: its figures do not count them (a plan made today
   * starts from the backlog they leave), so two plans compare fairly only on the same results.
   */
  resultsAfter: count,
});
export type PlanSummary = z.infer<typeof planSummary>;

/** What a visit actually achieved, recorded by the commune chief. */
export const visitResult = z.object({
  visitId: id,
  enrolled: perService,
  homeVisits: perService,
  note: z.string().max(1000),
  recordedOn: isoDate,
});
export type VisitResult = z.infer<typeof visitResult>;
