import type { z } from 'zod';
import type { FieldSpec } from './fields';

/**
 * What is wrong, as a message key under `register.err` plus parameters: the UI says it in
 * the user's language; tests and logs read the key. Never a sentence in one language only.
 */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** A problem in one row (1-based spreadsheet row number; 0 for a form) and one field. */
export interface RowIssue extends Problem {
  row: number;
  /** The record field, when the problem sits in one. */
  field: string | null;
  /** The column header as the file spells it (or the canonical header). */
  column: string | null;
}

/** Keys refinements use as their message: kept as they are. */
const KEY = /^[a-zA-Z]+$/;

/** Turns one zod issue into a message key; the field tells lat/lon ranges from other numbers. */
export function problemFromZod(issue: z.core.$ZodIssue, field?: Pick<FieldSpec, 'kind' | 'geo'>): Problem {
  switch (issue.code) {
    case 'invalid_type':
      if (/received (undefined|null)/.test(issue.message)) return { key: 'required' };
      return { key: issue.expected === 'int' ? 'notInteger' : issue.expected === 'number' ? 'notNumber' : 'badValue' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (field?.geo) return { key: 'outsideVietnam' };
      if (issue.origin === 'string') return { key: min <= 1 ? 'required' : 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'emptyList' };
      return { key: 'tooSmall', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (field?.geo) return { key: 'outsideVietnam' };
      if (issue.origin === 'string') return { key: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', params: { max } };
      return { key: 'tooBig', params: { max } };
    }
    case 'invalid_format':
      return { key: field?.kind === 'date' || field?.kind === 'dates' ? 'notDate' : 'badFormat' };
    case 'invalid_value':
      return { key: 'notInList', params: { options: issue.values.map(String).join(', ') } };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      if (KEY.test(issue.message)) return { key: issue.message, params };
      // The model's isoDate refinement ("not a real calendar date").
      if (field?.kind === 'date' || field?.kind === 'dates') return { key: 'notDate' };
      return { key: 'badValue', params: { detail: issue.message } };
    }
    default:
      return { key: 'badValue', params: { detail: issue.message } };
  }
}

/** File-level problems (no row): the whole import is refused. */
export const FILE_PROBLEMS = [
  'emptyFile', 'notSpreadsheet', 'oldXls', 'notUtf8', 'unreadableXlsx', 'tooLarge', 'tooLargeExpanded', 'tooManyRows', 'tooManyCells', 'noDataRows',
  'wrongSheet', 'wrongSheetEither', 'missingColumns', 'missingColumnsEither', 'duplicateColumn',
] as const;

/** One problem per field is enough to fix it (a bad date need not also be "before the start"). */
export function firstPerField<T extends { field: string | null }>(problems: T[]): T[] {
  const seen = new Set<string | null>();
  return problems.filter((p) => (p.field === null || !seen.has(p.field)) && seen.add(p.field));
}
