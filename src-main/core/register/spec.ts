import type { z } from 'zod';
import type { FieldSpec, FieldValue, Lang, RegisterRecord } from './fields';
import type { Problem } from './issues';
import type { RefIndex } from './refs';

/** The lists a planner edits, imports and exports, in the order the screen shows them. */
export const LIST_NAMES = ['communes', 'hamlets', 'bases', 'teams', 'members', 'vehicles', 'shifts', 'calendar', 'travel'] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** A problem in one field of a record (null: the record as a whole). */
export interface FieldProblem extends Problem {
  field: string | null;
}

export interface CompleteContext<Rec> {
  /** The stored record this one updates; null for a new one. */
  before: Rec | null;
  /** Fields the user or the file gave a value for (the rest came from `before` or fallbacks). */
  provided: ReadonlySet<string>;
  /** yyyy-MM-dd: the date a changed backlog count is dated when none is given. */
  today: string;
  refs: RefIndex;
  /** Codes already taken (stored and earlier rows of the same batch), for generated codes. */
  takenCodes: Set<string>;
}

/**
 * One list: its columns, the record schema (derived from core/model; forms and imports use
 * the same), how rows are matched, and the mapping between flat records and model entities.
 */
export interface ListSpec<Rec extends RegisterRecord, Ent, Draft = Ent> {
  name: ListName;
  /** Sheet and file name per language; other sheet names accepted on import. */
  sheet: Record<Lang, string>;
  sheetAliases: string[];
  fields: FieldSpec[];
  schema: z.ZodType<Rec>;
  /** Groups of columns of which at least one must be in a file (how rows are identified). */
  requiredColumns: string[][];
  /** Match keys: the first identifies the record, every one must be unique in the list. */
  keys(rec: Partial<Rec>, refs: RefIndex): string[];
  /** Derived values before validation: generated codes, the date of a changed count. */
  complete?(rec: Rec, ctx: CompleteContext<Rec>): Rec;
  /** The model entity to store (without its id: the database gives new ones theirs). */
  toEntity(rec: Rec, refs: RefIndex): Draft | FieldProblem;
  toRecord(entity: Ent, refs: RefIndex): Rec;
  /** The stored key of an entity: its id, or its natural key (travel pair, date). */
  keyOf(entity: Ent): string;
  /** How messages and the audit log name a record. */
  label(rec: Rec): string;
  /**
   * A field whose change in an import moves the record somewhere else (a hamlet to another
   * commune): a file row matched by code does that only after the user said yes in the preview.
   */
  moveField?: keyof Rec & string;
  examples: Rec[];
}

/** A list with its record and entity types erased, as the generic import/export code sees it. */
export type AnyListSpec = ListSpec<RegisterRecord, unknown, unknown>;

export const defineList = <Rec extends RegisterRecord, Ent, Draft = Ent>(spec: ListSpec<Rec, Ent, Draft>): AnyListSpec =>
  spec as unknown as AnyListSpec;

export const isFieldProblem = (v: unknown): v is FieldProblem =>
  typeof v === 'object' && v !== null && 'key' in v && 'field' in v && Object.keys(v).every((k) => ['key', 'field', 'params'].includes(k));

const fallbackCache = new WeakMap<AnyListSpec, Partial<Record<string, FieldValue>>>();
/** Fallback values of a list, for new records (a shared object: copy before changing it). */
export function fallbacks(spec: AnyListSpec): Readonly<Partial<Record<string, FieldValue>>> {
  let out = fallbackCache.get(spec);
  if (!out) fallbackCache.set(spec, (out = Object.fromEntries(spec.fields.filter((f) => f.fallback !== undefined).map((f) => [f.key, f.fallback]))));
  return out;
}

/** The final check of a draft entity against the model schema (the record schema has checked the fields). */
export function checkedEntity<T>(schema: z.ZodType<T>, value: unknown): T | FieldProblem {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return { field: null, key: 'badValue', params: { detail: issue ? `${issue.path.join('.')}: ${issue.message}` : '' } };
}

/**
 * The same check for a draft without its id (new records get theirs from the database): the
 * model schema, refinements included, is run with a placeholder id that is dropped again.
 */
export function checkedDraft<T extends Record<string, unknown>, K extends keyof T & string>(
  schema: z.ZodType<T>, draft: Omit<T, K>, idKey: K,
): Omit<T, K> | FieldProblem {
  const checked = checkedEntity(schema, { ...draft, [idKey]: 1 });
  if (isFieldProblem(checked)) return checked;
  const { [idKey]: _placeholder, ...rest } = checked;
  return rest as Omit<T, K>;
}
