import type { NotDoneReason, ResultVisit } from '../../../src-main/api/contract';
import { LIMITS } from '../../../src-main/core/model';

/** What a row's inputs hold: text as typed, so an empty cell is not a 0 nobody typed and a '-5' is not read as 5. */
export interface RowDraft {
  enrolledCccd: string;
  enrolledEid: string;
  homeCccd: string;
  homeEid: string;
  note: string;
  notDone: NotDoneReason | '';
}

export const COUNT_FIELDS = ['enrolledCccd', 'enrolledEid', 'homeCccd', 'homeEid'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
/** The columns a user types in, in Tab order: arrow keys keep the column when changing row. */
export const INPUT_COLUMNS = [...COUNT_FIELDS, 'note', 'notDone'] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];

export function draftOf(v: ResultVisit): RowDraft {
  const r = v.result;
  if (!r) return { enrolledCccd: '', enrolledEid: '', homeCccd: '', homeEid: '', note: '', notDone: '' };
  return {
    enrolledCccd: String(r.enrolled.cccd), enrolledEid: String(r.enrolled.eid), homeCccd: String(r.homeVisits.cccd), homeEid: String(r.homeVisits.eid),
    note: r.note, notDone: r.notDone ?? '',
  };
}

export const sameDraft = (a: RowDraft, b: RowDraft): boolean => INPUT_COLUMNS.every((k) => a[k] === b[k]);

/** Why a count cell cannot be saved: not a whole number of people ('-5', '1,5', 'abc'), or more than a visit can record. */
export interface CountProblem {
  key: 'notCount' | 'tooBig';
  text: string;
  max: number;
}

export function countProblem(text: string): CountProblem | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (!/^\d+$/.test(typed)) return { key: 'notCount', text: typed, max: LIMITS.hamletPeople };
  if (Number(typed) > LIMITS.hamletPeople) return { key: 'tooBig', text: typed, max: LIMITS.hamletPeople };
  return null;
}

/** The row's first count that cannot be saved (none when the visit was not done: its counts are not sent). */
export function draftProblem(d: RowDraft): CountProblem | null {
  if (d.notDone !== '') return null;
  for (const field of COUNT_FIELDS) {
    const problem = countProblem(d[field]);
    if (problem) return problem;
  }
  return null;
}

const n = (s: string): number => (s.trim() === '' ? 0 : Number(s.trim()));

/** The params of results.record for a row; an empty count cell is 0. */
export function recordParams(visitId: number, d: RowDraft) {
  const notDone = d.notDone === '' ? null : d.notDone;
  return {
    visitId,
    enrolled: notDone ? { cccd: 0, eid: 0 } : { cccd: n(d.enrolledCccd), eid: n(d.enrolledEid) },
    homeVisits: notDone ? { cccd: 0, eid: 0 } : { cccd: n(d.homeCccd), eid: n(d.homeEid) },
    note: d.note,
    notDone,
  };
}

/** Nothing typed on a row without a result: nothing to save. */
export const isBlank = (d: RowDraft): boolean => INPUT_COLUMNS.every((k) => d[k] === '');
