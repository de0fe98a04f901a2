import {
  formatTime, isEmptyCell, isFailure, normalizeText, parseBool, parseDate, parseNumber, parseTime, splitList,
  type Cell, type CellFailure, type Parsed,
} from './cells';
import { formatDateList, parseDateList } from './date-ranges';
import type { Vocabulary } from './labels';

/** A value of one field of a register record (a flat row: what a table cell or a form input holds). */
export type FieldValue = string | number | boolean | string[] | number[];
export type RegisterRecord = Record<string, FieldValue>;

/** A cell to write: numbers and text as they are, dates as real dates (xlsx) or dd/MM/yyyy (csv). */
export type OutCell = string | number | boolean | { date: string } | null;

export type FieldKind = 'text' | 'int' | 'decimal' | 'bool' | 'date' | 'time' | 'choice' | 'choices' | 'dates' | 'ints' | 'ref';
export type RefKind = 'commune' | 'base' | 'team' | 'location';
export type Lang = 'vi' | 'en';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  header: Record<Lang, string>;
  /** Other headers accepted on import (compared without diacritics or case). */
  aliases: string[];
  /** What the column means, in Vietnamese, for the template's notes sheet. */
  note: string;
  vocabulary?: Vocabulary<string>;
  /** Choice codes stored as numbers (ISO weekdays). */
  numericChoices?: boolean;
  ref?: RefKind;
  /** The value of an empty cell or of a new row without the column; none: the value is required. */
  fallback?: FieldValue;
  /** Range errors read "outside Vietnam" instead of "too small / too big". */
  geo?: boolean;
}

export const header = (vi: string, en: string): Record<Lang, string> => ({ vi, en });

type Spec = Omit<FieldSpec, 'key' | 'kind' | 'header' | 'aliases'> & { aliases?: string[] };
const make = (kind: FieldKind) => (key: string, vi: string, en: string, spec: Spec): FieldSpec => ({
  key, kind, header: header(vi, en), aliases: spec.aliases ?? [], ...spec,
});

export const textField = make('text');
export const intField = make('int');
export const decimalField = make('decimal');
export const boolField = make('bool');
export const dateField = make('date');
export const timeField = make('time');
export const choiceField = make('choice');
export const choicesField = make('choices');
export const datesField = make('dates');
export const intsField = make('ints');
export const refField = make('ref');

const choiceIndex = new WeakMap<object, Map<string, string>>();
function lookupChoice(vocabulary: Vocabulary<string>, word: string): string | undefined {
  let index = choiceIndex.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const [code, c] of Object.entries(vocabulary)) {
      for (const w of [code, c.vi, c.en, ...(c.aliases ?? [])]) index.set(normalizeText(w), code);
    }
    choiceIndex.set(vocabulary, index);
  }
  return index.get(normalizeText(word));
}

const options = (field: FieldSpec): string => Object.values(field.vocabulary ?? {}).map((c) => c.vi).join(', ');

function parseChoice(field: FieldSpec, word: string): Parsed<string | number> {
  const code = field.vocabulary ? lookupChoice(field.vocabulary, word) : undefined;
  if (code === undefined) return { fail: 'notInList', params: { value: word.slice(0, 60), options: options(field) } };
  return field.numericChoices ? Number(code) : code;
}

/** Reads each item, stops at the first bad one; the result is sorted and without repeats. */
function parseItems<T extends string | number>(items: string[], one: (s: string) => Parsed<T>, order: (v: T) => number | string): Parsed<T[]> {
  const out: T[] = [];
  for (const item of items) {
    const v = one(item);
    if (isFailure(v)) return v;
    if (!out.includes(v)) out.push(v);
  }
  return out.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** One cell to a field value; `undefined` when the cell is empty. */
export function parseCell(field: FieldSpec, cell: Cell): Parsed<FieldValue> | undefined {
  if (isEmptyCell(cell)) return undefined;
  switch (field.kind) {
    case 'text':
    case 'ref':
      return String(cell).trim();
    case 'int':
      return parseNumber(cell, true);
    case 'decimal':
      return parseNumber(cell, false);
    case 'bool':
      return parseBool(cell);
    case 'date':
      return parseDate(cell);
    case 'time':
      return parseTime(cell);
    case 'choice':
      return parseChoice(field, String(cell).trim());
    case 'choices': {
      const codes = Object.keys(field.vocabulary ?? {});
      const items = splitList(cell);
      return field.numericChoices
        ? parseItems(items, (s) => parseChoice(field, s) as Parsed<number>, (v) => v)
        : parseItems(items, (s) => parseChoice(field, s) as Parsed<string>, (v) => codes.indexOf(v));
    }
    case 'dates':
      return parseDateList(cell);
    case 'ints':
      return parseItems(splitList(cell), (s) => {
        const n = parseNumber(s, true);
        return isFailure(n) || Number.isInteger(n) ? n : ({ fail: 'notInteger', params: { value: s } } as CellFailure);
      }, (v) => v);
  }
}

const pad = (n: string): string => n.padStart(2, '0');
export const isoToDmy = (iso: string): string => {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return `${pad(d)}/${pad(m)}/${y}`;
};

const label = (field: FieldSpec, code: string | number, lang: Lang): string =>
  field.vocabulary?.[String(code)]?.[lang] ?? String(code);

/** A field value as it is written to a file, in the file's language. */
export function formatCell(field: FieldSpec, value: FieldValue | undefined, lang: Lang): OutCell {
  if (value === undefined || value === '') return null;
  switch (field.kind) {
    case 'bool':
      return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
    case 'date':
      return { date: String(value) };
    case 'time':
      return formatTime(Number(value));
    case 'choice':
      return label(field, value as string, lang);
    case 'choices':
      return (value as Array<string | number>).map((v) => label(field, v, lang)).join('; ');
    case 'dates':
      return formatDateList(value as string[], isoToDmy);
    case 'ints':
      return (value as number[]).join('; ');
    default:
      return value as string | number;
  }
}

/** Values compare equal when they would be written the same (lists by items). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
