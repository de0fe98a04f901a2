import type { z } from 'zod';
import { sameName } from './cells';
import { sameValue, type FieldValue, type RegisterRecord } from './fields';
import { firstPerField, problemFromZod, type RowIssue } from './issues';
import type { RefIndex } from './refs';
import { fallbacks, isFieldProblem, type AnyListSpec, type FieldProblem } from './spec';
import type { ParsedRow } from './table';

/** A stored record with its key (the id, or the natural key of travel pairs and holidays). */
export interface StoredRecord {
  key: string;
  record: RegisterRecord;
}

export interface PlanContext {
  spec: AnyListSpec;
  existing: StoredRecord[];
  refs: RefIndex;
  /** yyyy-MM-dd */
  today: string;
}

export interface PlannedAdd {
  row: number;
  label: string;
  record: RegisterRecord;
  entity: unknown;
}
export interface PlannedUpdate extends PlannedAdd {
  key: string;
  before: RegisterRecord;
  /** Fields whose value changes. */
  changed: string[];
}

export interface ImportPlan {
  adds: PlannedAdd[];
  updates: PlannedUpdate[];
  unchanged: number;
  rejects: RowIssue[];
}

type Merged = { record: RegisterRecord; entity: unknown } | { problems: FieldProblem[] };

/**
 * A record from a stored one (or the fallbacks, for a new one) and the values given; then
 * derived values, the record schema and the references. The same path for a form and a file row.
 */
export function mergeRecord(
  ctx: PlanContext,
  before: RegisterRecord | null,
  values: Record<string, FieldValue | null>,
  takenCodes: Set<string>,
): Merged {
  const { spec } = ctx;
  const draft: Record<string, FieldValue | undefined> = { ...(before ?? fallbacks(spec)) };
  const problems: FieldProblem[] = [];
  const provided = new Set<string>();
  for (const f of spec.fields) {
    if (f.key in values) {
      const v = values[f.key];
      if (v === null || v === undefined) {
        if (f.fallback === undefined) problems.push({ field: f.key, key: 'required' });
        else draft[f.key] = f.fallback;
      } else {
        draft[f.key] = v;
        provided.add(f.key);
      }
    } else if (!before && f.fallback === undefined) {
      problems.push({ field: f.key, key: 'requiredForNew', params: { column: f.header.vi } });
    }
  }
  if (problems.length) return { problems: [...problems, ...givenProblems(spec, draft, provided, problems)] };
  for (const f of spec.fields) {
    const v = draft[f.key];
    if (f.ref && typeof v === 'string' && v !== '') draft[f.key] = ctx.refs.canonical(f.ref, v) ?? v;
  }
  let record = draft as RegisterRecord;
  if (spec.complete) record = spec.complete(record, { before, provided, today: ctx.today, refs: ctx.refs, takenCodes });
  const checked = spec.schema.safeParse(record);
  if (!checked.success) return { problems: schemaProblems(spec, checked.error.issues) };
  const entity = spec.toEntity(checked.data, ctx.refs);
  if (isFieldProblem(entity)) return { problems: [entity] };
  return { record: checked.data, entity };
}

/**
 * With fields missing, what the schema says of the values that were given (a latitude of 200,
 * a share above 1): every problem is named at once, not one round of saves at a time.
 */
function givenProblems(spec: AnyListSpec, draft: Record<string, FieldValue | undefined>, provided: ReadonlySet<string>, found: readonly FieldProblem[]): FieldProblem[] {
  const checked = spec.schema.safeParse(draft);
  if (checked.success) return [];
  return schemaProblems(spec, checked.error.issues).filter((p) => p.field !== null && provided.has(p.field) && !found.some((q) => q.field === p.field));
}

const changedFields = (spec: AnyListSpec, before: RegisterRecord, after: RegisterRecord): string[] =>
  spec.fields.filter((f) => !sameValue(before[f.key], after[f.key])).map((f) => f.key);

/** Keys of stored records, to match incoming rows and to keep every key unique. */
export class KeyIndex {
  private readonly owner = new Map<string, string>();
  readonly records = new Map<string, RegisterRecord>();
  constructor(private readonly ctx: PlanContext) {
    for (const s of ctx.existing) {
      this.records.set(s.key, s.record);
      for (const k of ctx.spec.keys(s.record, ctx.refs)) this.owner.set(k, s.key);
    }
  }
  /** The stored record a set of values identifies (by its first key). */
  match(values: Record<string, FieldValue | null>): string | null {
    const partial = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Partial<RegisterRecord>;
    const first = this.ctx.spec.keys(partial, this.ctx.refs)[0];
    return first === undefined ? null : this.owner.get(first) ?? null;
  }
  /** A stored record other than `self` holding one of these keys. */
  clash(keys: string[], self: string | null): RegisterRecord | null {
    for (const k of keys) {
      const other = this.owner.get(k);
      if (other !== undefined && other !== self) return this.records.get(other) ?? null;
    }
    return null;
  }
}

const toIssues = (row: number, spec: AnyListSpec, columns: Record<string, string>, problems: FieldProblem[]): RowIssue[] =>
  problems.map((p) => ({
    row,
    field: p.field,
    column: p.field === null ? null : columns[p.field] ?? spec.fields.find((f) => f.key === p.field)?.header.vi ?? p.field,
    key: p.key,
    ...(p.params ? { params: p.params } : {}),
  }));

/** Codes in use: stored ones and those the batch gives explicitly (generated codes avoid both). */
function takenCodesOf(index: KeyIndex, rows: ParsedRow[]): Set<string> {
  const taken = new Set<string>();
  for (const r of index.records.values()) if (typeof r.code === 'string') taken.add(r.code);
  for (const r of rows) if (typeof r.values.code === 'string') taken.add(r.values.code);
  return taken;
}

/** What an import would do, row by row, without writing anything. */
export function planImport(ctx: PlanContext, rows: ParsedRow[], columns: Record<string, string>): ImportPlan {
  const { spec } = ctx;
  const index = new KeyIndex(ctx);
  const takenCodes = takenCodesOf(index, rows);
  const plan: ImportPlan = { adds: [], updates: [], unchanged: 0, rejects: [] };
  /** Which row of the file holds each key so far, and its label (a later row with the key is named against it). */
  const batchOwner = new Map<string, { row: number; label: string }>();
  for (const r of rows) {
    const target = index.match(r.values);
    const before = target === null ? null : index.records.get(target) ?? null;
    const merged = mergeRecord(ctx, before, before ? keepSpelling(spec, before, r.values) : r.values, takenCodes);
    if ('problems' in merged) {
      plan.rejects.push(...toIssues(r.row, spec, columns, merged.problems));
      continue;
    }
    const keys = spec.keys(merged.record, ctx.refs);
    const earlier = keys.map((k) => batchOwner.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      plan.rejects.push(...toIssues(r.row, spec, columns, [{ field: keyField(spec, columns), key: 'duplicateInFile', params: { row: earlier.row, label: earlier.label } }]));
      continue;
    }
    const clash = index.clash(keys, target);
    if (clash) {
      plan.rejects.push(...toIssues(r.row, spec, columns, [{ field: keyField(spec, columns), key: 'alreadyUsed', params: { label: spec.label(clash) } }]));
      continue;
    }
    const label = spec.label(merged.record);
    for (const k of keys) batchOwner.set(k, { row: r.row, label });
    if (typeof merged.record.code === 'string') takenCodes.add(merged.record.code);
    if (target === null || !before) {
      plan.adds.push({ row: r.row, label, record: merged.record, entity: merged.entity });
      continue;
    }
    const changed = changedFields(spec, before, merged.record);
    if (changed.length === 0) plan.unchanged++;
    else plan.updates.push({ row: r.row, label, key: target, before, record: merged.record, changed, entity: merged.entity });
  }
  plan.rejects.sort((a, b) => a.row - b.row);
  return plan;
}

/**
 * A file that names a stored row "bản pùng" to find it does not rename "Bản Pùng": identifying
 * text that differs only in case or spacing keeps the stored spelling (forms can still change it).
 */
function keepSpelling(spec: AnyListSpec, before: RegisterRecord, values: Record<string, FieldValue | null>): Record<string, FieldValue | null> {
  const out = { ...values };
  for (const k of spec.requiredColumns.flat()) {
    const given = out[k];
    const stored = before[k];
    if (typeof given === 'string' && typeof stored === 'string' && given !== stored && sameName(given) === sameName(stored)) out[k] = stored;
  }
  return out;
}

/** The column a duplicate is reported on: the first identifying column the file has. */
function keyField(spec: AnyListSpec, columns: Record<string, string>): string | null {
  for (const group of spec.requiredColumns) for (const k of group) if (k in columns) return k;
  return null;
}

export type EditResult =
  | { kind: 'add'; add: PlannedAdd }
  | { kind: 'update'; update: PlannedUpdate }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; problems: FieldProblem[] };

/** One record from a form: a new one (key null) or changes to a stored one. */
export function planEdit(ctx: PlanContext, key: string | null, values: Record<string, FieldValue | null>): EditResult {
  const index = new KeyIndex(ctx);
  const before = key === null ? null : index.records.get(key) ?? null;
  if (key !== null && !before) return { kind: 'invalid', problems: [{ field: null, key: 'notFound' }] };
  const merged = mergeRecord(ctx, before, values, takenCodesOf(index, [{ row: 0, values }]));
  if ('problems' in merged) return { kind: 'invalid', problems: merged.problems };
  const clash = index.clash(ctx.spec.keys(merged.record, ctx.refs), key);
  if (clash) {
    const field = ctx.spec.requiredColumns.flat().find((k) => k in values) ?? ctx.spec.requiredColumns[0]?.[0] ?? null;
    return { kind: 'invalid', problems: [{ field, key: 'alreadyUsed', params: { label: ctx.spec.label(clash) } }] };
  }
  const label = ctx.spec.label(merged.record);
  if (!before || key === null) return { kind: 'add', add: { row: 0, label, record: merged.record, entity: merged.entity } };
  const changed = changedFields(ctx.spec, before, merged.record);
  if (changed.length === 0) return { kind: 'unchanged' };
  return { kind: 'update', update: { row: 0, label, key, before, record: merged.record, changed, entity: merged.entity } };
}

/** The schema's issues as the field problems a user reads, one per field. */
function schemaProblems(spec: AnyListSpec, issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return firstPerField(issues.map((issue) => {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
    return { field: key, ...problemFromZod(issue, spec.fields.find((f) => f.key === key)) };
  }));
}
