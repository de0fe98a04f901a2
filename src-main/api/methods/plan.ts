import { z } from 'zod';
import { id, isoDate, planReport, planSummary, route, violation } from '../../core/model';
import { method, none } from './method';

export const planProgress = z.object({
  /** Share of the backlog placed in the best plan so far, 0..1. */
  placedShare: z.number().min(0).max(1),
  bestObjective: z.number(),
  elapsedSeconds: z.number().min(0),
});
export type PlanProgress = z.infer<typeof planProgress>;

export const RUN_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export const planRun = z.object({
  runId: z.string(),
  state: z.enum(RUN_STATES),
  progress: planProgress,
  planId: id.nullable(),
  error: z.string().nullable(),
});
export type PlanRun = z.infer<typeof planRun>;

export const storedRoute = route.and(z.object({ id, visitIds: z.array(id) }));
export type StoredRouteDto = z.infer<typeof storedRoute>;

const visitSlot = z.object({ date: isoDate, templateId: id, teamId: id, hamletId: id });
const changeCounts = { kept: z.number().int(), moved: z.number().int(), added: z.number().int(), dropped: z.number().int() };
const groupChanges = z.object({ id, ...changeCounts });
/** What a re-plan changed against the plan it would replace (core/replan/changes.ts). */
export const changeReport = z.object({
  from: isoDate,
  ...changeCounts,
  movedVisits: z.array(z.object({ hamletId: id, from: visitSlot, to: visitSlot })),
  addedVisits: z.array(visitSlot),
  droppedVisits: z.array(visitSlot),
  byTeam: z.array(groupChanges),
  byCommune: z.array(groupChanges),
  changedCommunes: z.array(id),
  keptShare: z.number(),
});
export const planChanges = z.object({
  /** The plan compared with: for a draft the published plan, for the published plan the one it replaced; null with none. */
  against: z.object({ id, name: z.string() }).nullable(),
  report: changeReport.nullable(),
});
export type PlanChanges = z.infer<typeof planChanges>;

export const planDetail = z.object({ summary: planSummary, report: planReport, routes: z.array(storedRoute) });
export type PlanDetail = z.infer<typeof planDetail>;

export const routeEdit = z
  .object({
    planId: id,
    routeId: id,
    /** Move the whole route to another shift (date + template) and/or another team. */
    date: isoDate,
    templateId: id,
    teamId: id,
  })
  .strict();
export type RouteEdit = z.infer<typeof routeEdit>;

export const editVerdict = z.object({ valid: z.boolean(), violations: z.array(violation), saved: z.boolean() });

export const planMethods = {
  'plan.start': method(
    z
      .object({
        from: isoDate.optional(),
        timeLimitSeconds: z.number().min(1).max(600).default(10),
        /** Keep the pinned routes of this plan (default: the published plan). */
        basePlanId: id.optional(),
        keepPinned: z.boolean().default(true),
        /** Re-plan from `from`: that day's published visits stay as they are. */
        keepPublished: z.boolean().default(false),
        /** Scale each team's rates by what its recorded visits achieved. */
        measuredRates: z.boolean().default(false),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
        name: z.string().trim().min(1).max(120).optional(),
      })
      .strict(),
    z.object({ runId: z.string() }),
  ),
  'plan.status': method(z.object({ runId: z.string().min(1).max(100) }).strict(), planRun),
  'plan.cancel': method(z.object({ runId: z.string().min(1).max(100) }).strict(), planRun),
  'plans.list': method(none, z.array(planSummary)),
  'plans.get': method(z.object({ planId: id }).strict(), planDetail),
  'plans.publish': method(z.object({ planId: id }).strict(), planSummary),
  /** A plan's name (any status: it is a label, not part of what was published). */
  'plans.rename': method(z.object({ planId: id, name: z.string().trim().min(1, 'a name is needed').max(120) }).strict(), planSummary),
  /** Deletes a draft; a published or archived plan is the record of what was sent out and is refused. */
  'plans.delete': method(z.object({ planId: id }).strict(), z.object({ deleted: id })),
  /** Kept, moved, added and dropped visits against the plan it would replace (or replaced). */
  'plans.changes': method(z.object({ planId: id }).strict(), planChanges),
  'plans.pin': method(
    z.object({ planId: id, routeIds: z.array(id).min(1).max(10_000), pinned: z.boolean() }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  /** Checks a hand edit with the independent checker; saves it only when it is valid and `save` is set. */
  'plans.editRoute': method(routeEdit.extend({ save: z.boolean() }).strict(), editVerdict),
} as const;
