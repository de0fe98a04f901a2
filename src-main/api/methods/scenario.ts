import { z } from 'zod';
import { code, id, isoDate, planSummary, scenarioChange, vehicleKind } from '../../core/model';
import { RUN_STATES } from './plan';
import { fileDownload } from './core';
import { method, none } from './method';

export const scenarioDto = z.object({
  id,
  name: z.string(),
  note: z.string(),
  changes: z.array(scenarioChange),
  createdAt: z.string(),
  /** Its newest plan, if it was planned. */
  lastPlan: planSummary.nullable(),
});
export type ScenarioDto = z.infer<typeof scenarioDto>;

const name = z.string().trim().min(1, 'a name is needed').max(120);
const note = z.string().max(1000);
const changes = z.array(scenarioChange).max(50);

export const extraResource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teams'), likeTeam: code, baseName: z.string().trim().min(1).max(200).optional() }).strict(),
  z.object({ kind: z.literal('vehicles'), vehicleKind, baseName: z.string().trim().min(1).max(200).optional() }).strict(),
  /** Shift templates, each copied onto the days it lacks, in the order given: k extra means the first k. */
  z.object({ kind: z.literal('shifts'), shiftCodes: z.array(code).min(1).max(20) }).strict(),
]);

export type ExtraResourceDto = z.infer<typeof extraResource>;

export const minExtraStep = z.object({ k: z.number().int().min(0), what: z.enum(['bound', 'plan']), people: z.number().int(), enough: z.boolean(), possible: z.boolean().nullable().optional() });

/** The answer to "what would it take?", never a number without its evidence. */
export const minExtraAnswer = z.object({
  minimum: z.number().int().min(0).nullable(),
  /** The verified plan that meets the deadline with that many, saved as the scenario's plan. */
  planId: id.nullable(),
  planMeetsDeadline: z.boolean(),
  checkerValid: z.boolean(),
  boundForOneFewer: z.number().int().nullable(),
  /** With one fewer: false when no plan can bring every hamlet within its residual (proven). */
  possibleWithOneFewer: z.boolean().nullable(),
  provenMinimal: z.boolean(),
  /** People the deadline needs enrolled (backlog less what the residual rule leaves to the posts). */
  need: z.number().int(),
  backlog: z.number().int(),
  deadline: isoDate,
  clearanceDateWithNothingAdded: isoDate.nullable(),
  /** Teams asked for without a base: the base they were placed at, nearest the people short with nothing added. */
  proposedBase: z.object({
    baseId: id, baseName: z.string(), communeName: z.string(), communeMissing: z.number().int(), missing: z.number().int(), meanKm: z.number(),
  }).nullable().optional(),
});
export type MinExtraAnswerDto = z.infer<typeof minExtraAnswer>;

export const minExtraRun = z.object({
  runId: z.string(),
  state: z.enum(RUN_STATES),
  steps: z.array(minExtraStep),
  answer: minExtraAnswer.nullable(),
  error: z.string().nullable(),
});
export type MinExtraRunDto = z.infer<typeof minExtraRun>;

const runId = z.object({ runId: z.string().min(1).max(100) }).strict();

export const scenarioMethods = {
  'scenarios.list': method(none, z.array(scenarioDto)),
  /** A new scenario from the base data, or a copy of another's changes (cloneOf); refused with the change and field that cannot apply. */
  'scenarios.create': method(z.object({ name, note: note.default(''), changes: changes.default([]), cloneOf: id.optional() }).strict(), scenarioDto),
  'scenarios.update': method(z.object({ id, name: name.optional(), note: note.optional(), changes: changes.optional() }).strict(), scenarioDto),
  /** With its plans; refused when one of them was published. The base data is never touched. */
  'scenarios.delete': method(z.object({ id }).strict(), z.object({ deleted: id })),
  /** Plans the scenario (progress, cancel and status as plan.start's run). */
  'scenarios.plan': method(z.object({ id, timeLimitSeconds: z.number().min(1).max(600).default(5), seed: z.number().int().min(0).max(2 ** 31 - 1).default(1) }).strict(), z.object({ runId: z.string() })),
  /** "Cần thêm gì để kịp hạn?": the least extra teams or vehicles, a long task (status, cancel). */
  'scenarios.minExtra': method(
    z.object({ id, resource: extraResource, maxExtra: z.number().int().min(1).max(50).default(10), timeLimitSeconds: z.number().min(1).max(600).default(5) }).strict(),
    z.object({ runId: z.string() }),
  ),
  'scenarios.minExtraStatus': method(runId, minExtraRun),
  'scenarios.minExtraCancel': method(runId, minExtraRun),
  /** The manager's brief: one A4 page (PDF) with the question, the answer and its evidence, the comparison and the burn-down. */
  'scenarios.brief': method(z.object({ id }).strict(), fileDownload),
} as const;
