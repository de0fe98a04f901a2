import { z } from 'zod';
import { burndownPoint, id, isoDate, perService } from '../../core/model';
import { notDoneReason, resultCounts } from '../../core/results';
import { method } from './method';
import { MAX_UPLOAD_BYTES } from './register';

export { NOT_DONE_REASONS } from '../../core/results';
export type { NotDoneReason } from '../../core/results';

/** One commune or one team (not both); neither: the whole planning area. */
const scope = {
  communeId: id.optional(),
  teamId: id.optional(),
};
const oneScope = <T extends { communeId?: number; teamId?: number }>(p: T): boolean => p.communeId === undefined || p.teamId === undefined;
const scopeMessage = { message: 'give a commune or a team, not both', path: ['teamId'] };

export const recordedResult = z.object({
  enrolled: perService,
  homeVisits: perService,
  note: z.string(),
  notDone: notDoneReason.nullable(),
  recordedOn: isoDate,
});
export type RecordedResultDto = z.infer<typeof recordedResult>;

export const resultVisit = z.object({
  visitId: id,
  planId: id,
  routeId: id,
  date: isoDate,
  templateId: id,
  shiftName: z.string(),
  teamId: id,
  teamCode: z.string(),
  teamName: z.string(),
  communeId: id,
  communeName: z.string(),
  hamletId: id,
  hamletName: z.string(),
  /** At the hamlet from arriveMin (as the roster prints it), working from startMin (after setup) to endMin. */
  arriveMin: z.number().int(),
  startMin: z.number().int(),
  endMin: z.number().int(),
  /** At the venue, per service. */
  quota: perService,
  /** At home, per service. */
  homeVisits: perService,
  result: recordedResult.nullable(),
  /** What is left of the hamlet's backlog (the register less every recorded result). */
  hamletRemaining: perService,
});
export type ResultVisit = z.infer<typeof resultVisit>;

const counts = resultCounts;

export const aboveBacklog = z.object({ hamlet: z.string(), excess: perService });

export const groupFigures = z.object({
  id,
  name: z.string(),
  planned: perService,
  actual: perService,
  behind: z.number().int(),
  behindShare: z.number(),
  visits: z.number().int(),
  recorded: z.number().int(),
  notDone: z.number().int(),
  unrecorded: z.number().int(),
  teamHours: z.number(),
  assumedRate: z.number().nullable(),
  measuredRate: z.number().nullable(),
});
export type GroupFigures = z.infer<typeof groupFigures>;

export const progressReport = z.object({
  /** The plan in force (the published one); null when none is published. */
  planId: id.nullable(),
  planName: z.string().nullable(),
  /** The date figures are taken at: as asked, else the last day with a recorded result; null with no result at all. */
  asOf: isoDate.nullable(),
  figures: z.object({
    planned: perService, actual: perService, behind: z.number().int(), behindShare: z.number(),
    visits: z.number().int(), recorded: z.number().int(), notDone: z.number().int(), unrecorded: z.number().int(),
  }).nullable(),
  /** Per day of the followed plan: planned and recorded, cumulated. */
  days: z.array(z.object({
    date: isoDate, planned: perService, plannedCumulative: z.number().int(), actual: perService.nullable(),
    actualCumulative: z.number().int().nullable(), visits: z.number().int(), recorded: z.number().int(),
  })),
  /** The register's backlog less the recorded results, at the end of each day up to `asOf`. */
  actualBurndown: z.array(burndownPoint),
  /** Furthest behind first. */
  communes: z.array(groupFigures),
  teams: z.array(groupFigures),
});
export type ProgressReport = z.infer<typeof progressReport>;

const rosterUpload = {
  fileName: z.string().trim().min(1).max(255),
  base64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024),
};
const rosterIssue = z.object({ sheet: z.string(), row: z.number().int(), column: z.string().nullable(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const rosterImportPreview = z.object({
  fileProblem: z.string().nullable(),
  sheets: z.number().int(),
  updates: z.array(z.object({ sheet: z.string(), row: z.number().int(), date: isoDate, hamlet: z.string(), enrolled: perService, homeVisits: perService, notDone: notDoneReason.nullable(), note: z.string(), replaces: z.boolean() })),
  rejects: z.array(rosterIssue),
  aboveBacklog: z.array(z.object({ sheet: z.string(), row: z.number().int(), hamlet: z.string(), excess: perService })),
});
export type RosterImportPreview = z.infer<typeof rosterImportPreview>;

export const resultsMethods = {
  /** The followed plan's visits on a day (of one commune or team), with what was recorded. */
  'results.day': method(
    z.object({ date: isoDate, ...scope }).strict().refine(oneScope, scopeMessage),
    z.object({ date: isoDate, visits: z.array(resultVisit) }),
  ),
  /**
   * Records (or replaces) one visit's result. Beyond what is left of the hamlet's backlog it is
   * refused with `aboveBacklog` unless `acceptAboveBacklog`; `raiseRegister` then raises the
   * register's figure by the excess (people the register missed).
   */
  'results.record': method(
    z.object({
      visitId: id,
      enrolled: counts,
      homeVisits: counts.default({ cccd: 0, eid: 0 }),
      note: z.string().trim().max(1000).default(''),
      notDone: notDoneReason.nullable().default(null),
      acceptAboveBacklog: z.boolean().default(false),
      raiseRegister: z.boolean().default(false),
    }).strict(),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('aboveBacklog'), hamlet: z.string(), remaining: perService, excess: perService }),
      z.object({ status: z.literal('recorded'), remaining: perService, aboveBacklog: aboveBacklog.nullable(), raised: perService.nullable() }),
    ]),
  ),
  /** Every visit of the day (of one commune or team) with no result yet, recorded as planned: one change, one undo. */
  'results.doneAsPlanned': method(
    z.object({ date: isoDate, ...scope }).strict().refine(oneScope, scopeMessage),
    z.object({
      recorded: z.number().int(),
      capped: z.array(z.object({ visitId: id, hamlet: z.string(), planned: perService, recorded: perService })),
    }),
  ),
  'results.clear': method(z.object({ visitId: id }).strict(), z.object({ cleared: z.boolean() })),
  /** A filled Excel roster read back against the database: rows to record, rejected rows, rows above what is left. Writes nothing. */
  'results.importPreview': method(z.object(rosterUpload).strict(), rosterImportPreview),
  /** Records the whole file in one transaction; refused with rejected rows, or rows above the backlog unless accepted. */
  'results.importApply': method(z.object({ ...rosterUpload, acceptAboveBacklog: z.boolean().default(false) }).strict(), z.object({ recorded: z.number().int() })),
  /** Actual against plan for the banner and the burn-down's actual line. */
  'results.progress': method(z.object({ asOf: isoDate.optional() }).strict(), progressReport),
} as const;

