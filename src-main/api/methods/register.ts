import { z } from 'zod';
import { id, SERVICE_PRIORITIES } from '../../core/model';
import { LIST_NAMES } from '../../core/register';
import { fileDownload } from './core';
import { method, none } from './method';

// The renderer builds its tables and forms from the same list specs and row schemas the
// importer uses (pure core code), so a cell is judged the same way in the UI and in a file.
export {
  LISTS, LIST_NAMES, campaignRecord, copyOf, fileStem, isoToDmy, formatDateList, formatTime, newTeamDefaults, parseCell, isFailure, sameValue, MAX_ROWS,
} from '../../core/register';
export type {
  AnyListSpec, FieldSpec, FieldValue, FieldKind, ListName, RegisterRecord, RowIssue as ImportRowIssue, Problem, Lang,
} from '../../core/register';

/** Uploads over this size are refused (the renderer checks first, the server again). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const listName = z.enum(LIST_NAMES);
const params = z.record(z.string(), z.union([z.string(), z.number()]));
export const problem = z.object({ key: z.string(), params: params.optional() });
export type ProblemDto = z.infer<typeof problem>;
export const fieldProblem = problem.extend({ field: z.string().nullable() });
export type FieldProblemDto = z.infer<typeof fieldProblem>;
export const rowIssue = problem.extend({ row: z.number().int(), field: z.string().nullable(), column: z.string().nullable() });
export type RowIssueDto = z.infer<typeof rowIssue>;

export const fieldValue = z.union([
  z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(400), z.array(z.number()).max(400),
]);
export const registerRecord = z.record(z.string().max(60), fieldValue);
export const fieldChange = z.object({ field: z.string(), before: fieldValue.nullable(), after: fieldValue.nullable() });
export type FieldChangeDto = z.infer<typeof fieldChange>;

export const registerRow = z.object({
  key: z.string(),
  record: registerRecord,
  /** Read-only figures shown beside a record (hamlets and backlog of a commune, members of a team). */
  extra: z.record(z.string(), z.number()),
});
export type RegisterRow = z.infer<typeof registerRow>;

export const registerList = z.object({
  rows: z.array(registerRow),
  /** Values the reference columns accept, for pickers. */
  choices: z.object({ communes: z.array(z.string()), bases: z.array(z.string()), teams: z.array(z.string()), locations: z.array(z.string()) }),
});
export type RegisterList = z.infer<typeof registerList>;

export const saveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), key: z.string(), changed: z.array(z.string()) }),
  z.object({ saved: z.literal(false), problems: z.array(fieldProblem) }),
]);
export type SaveResult = z.infer<typeof saveResult>;

const upload = {
  list: listName,
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64: the same path in Electron's sandbox and in a browser. */
  base64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024),
};

const SAMPLE = 200;
export const importPreview = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']).nullable(),
  sheet: z.string().nullable(),
  /** A problem with the whole file (empty, not a spreadsheet, missing columns ...): nothing can be imported. */
  fileProblem: problem.nullable(),
  columns: z.array(z.object({ field: z.string(), header: z.string() })),
  ignoredColumns: z.array(z.string()),
  counts: z.object({ rows: z.number().int(), adds: z.number().int(), updates: z.number().int(), unchanged: z.number().int(), rejects: z.number().int() }),
  /** The first rows of each kind (all counts are above). */
  adds: z.array(z.object({ row: z.number().int(), label: z.string(), record: registerRecord })).max(SAMPLE),
  updates: z.array(z.object({ row: z.number().int(), label: z.string(), key: z.string(), changes: z.array(fieldChange) })).max(SAMPLE),
  rejects: z.array(rowIssue).max(1000),
  /** Fields the file has no column for, with the value new rows get instead (counts only: a 0 nobody typed). */
  defaultedFields: z.array(z.object({ field: z.string(), value: fieldValue })),
  /** Rows that move a stored record elsewhere (a hamlet code of another commune): confirm needs a yes to them. */
  moves: z.object({
    count: z.number().int(),
    rows: z.array(z.object({ row: z.number().int(), key: z.string(), before: z.string(), after: z.string() })).max(SAMPLE),
  }),
  /** No rejected rows and something to write; ignored columns and moves still need the user's yes (`acknowledged`). */
  canConfirm: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreview>;

/** What the user said yes to in the preview: the ignored columns by header, and how many moves. */
export const importAcknowledgement = z.object({
  ignoredColumns: z.array(z.string().max(500)).max(500).default([]),
  moves: z.number().int().min(0).default(0),
}).strict();

export const journalEntry = z.object({
  id, at: z.string(), userName: z.string(), action: z.string(), list: z.string(), summary: problem,
});
export type JournalEntryDto = z.infer<typeof journalEntry>;

export const auditEntry = z.object({
  id, at: z.string(), userName: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), details: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

const language = z.enum(['vi', 'en']).default('vi');
const key = z.string().min(1).max(200);

export const registerMethods = {
  'register.list': method(z.object({ list: listName }).strict(), registerList),
  /**
   * One record from a form: key null adds one; values given replace those fields (null: the field's default).
   * With `check`, nothing is saved: the answer is only the problems (a form names them all at once).
   */
  'register.save': method(
    z.object({ list: listName, key: key.nullable(), values: z.record(z.string().max(60), fieldValue.nullable()), check: z.boolean().optional() }).strict(),
    saveResult,
  ),
  'register.dependents': method(
    z.object({ list: listName, key }).strict(),
    z.object({ label: z.string(), blockers: z.array(problem), affects: z.array(problem) }),
  ),
  /** Refused while blockers remain; `confirm` is required when plans use the record. */
  'register.delete': method(z.object({ list: listName, key, confirm: z.boolean() }).strict(), z.object({ deleted: z.literal(true) })),
  /** Checked with the campaign form schema: a bad date comes back as a problem on its field. */
  'campaign.update': method(
    z.object({ name: z.string().max(300), startDate: z.string().max(30), deadline: z.string().max(30), servicePriority: z.enum(SERVICE_PRIORITIES).optional() }).strict(),
    saveResult,
  ),
  'import.preview': method(z.object(upload).strict(), importPreview),
  /**
   * Writes the file all at once; refused when the file has rejected rows, the preview no longer holds, or the
   * file has ignored columns or moves the user has not acknowledged.
   */
  'import.confirm': method(
    z.object({
      ...upload,
      expected: z.object({ adds: z.number().int().min(0), updates: z.number().int().min(0) }).strict(),
      acknowledged: importAcknowledgement.optional(),
    }).strict(),
    z.object({ added: z.number().int(), updated: z.number().int() }),
  ),
  'export.list': method(z.object({ list: listName, format: z.enum(['xlsx', 'csv']), language }).strict(), fileDownload),
  'export.template': method(z.object({ list: listName, format: z.enum(['xlsx', 'csv']).default('xlsx'), language }).strict(), fileDownload),
  'undo.peek': method(none, z.object({ entry: journalEntry.nullable() })),
  'undo.last': method(z.object({ id }).strict(), z.object({ undone: journalEntry })),
  'audit.list': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), beforeId: id.optional() }).strict(),
    z.array(auditEntry),
  ),
} as const;
