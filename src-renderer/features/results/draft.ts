import type { NotDoneReason, ResultVisit } from '../../../src-main/api/contract';

/** What a row's inputs hold: text as typed (digits only), so an empty cell is not a 0 nobody typed. */
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

/** Digits only: anything else typed is dropped as it is typed. */
export const digitsOnly = (text: string): string => text.replace(/\D+/g, '').replace(/^0+(?=\d)/, '').slice(0, 6);

const n = (s: string): number => (s === '' ? 0 : Number(s));

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
