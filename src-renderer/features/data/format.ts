import i18n, { type TFunction } from 'i18next';
import { formatDateList, formatTime, isoToDmy, type FieldSpec, type FieldValue, type ProblemDto } from '../../../src-main/api/contract';
import { countText, formatNumber } from '../../lib/format';

export type Lang = 'vi' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** A choice as the list's own vocabulary names it (the words of the Excel file) in the user's language. */
export const choiceLabel = (field: FieldSpec, code: string | number, lang: Lang): string =>
  field.vocabulary?.[String(code)]?.[lang] ?? String(code);

const decimals = new Map<Lang, Intl.NumberFormat>();
/** Every stored digit (coordinates need five or six), grouped the local way. */
function formatDecimal(n: number, lang: Lang): string {
  let f = decimals.get(lang);
  if (!f) decimals.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 8 })));
  return f.format(n);
}

/** How a cell shows a value: numbers grouped, dates dd/MM/yyyy, choices by name. */
export function displayValue(field: FieldSpec, value: FieldValue | undefined, lang: Lang, t: TFunction): string {
  if (value === undefined || value === '') return '';
  switch (field.kind) {
    case 'int':
      return formatNumber(Number(value), lang);
    case 'decimal':
      return formatDecimal(Number(value), lang);
    case 'bool':
      return value ? t('register.tools.yes') : t('register.tools.no');
    case 'date':
      return isoToDmy(String(value));
    case 'time':
      return formatTime(Number(value));
    case 'choice':
      return choiceLabel(field, value as string, lang);
    case 'choices':
      return (value as Array<string | number>).map((v) => choiceLabel(field, v, lang)).join(', ');
    case 'dates':
      return formatDateList(value as string[], isoToDmy, ', ');
    case 'ints':
      return (value as number[]).join(', ');
    default:
      return String(value);
  }
}

/** The text an editor starts with: what a person would type (decimal comma in Vietnamese). */
export function editText(field: FieldSpec, value: FieldValue | undefined, lang: Lang): string {
  if (value === undefined) return '';
  switch (field.kind) {
    case 'decimal':
      return lang === 'vi' ? String(value).replace('.', ',') : String(value);
    case 'int':
      return String(value);
    case 'date':
      return value === '' ? '' : isoToDmy(String(value));
    case 'time':
      return formatTime(Number(value));
    case 'dates':
      return formatDateList(value as string[], isoToDmy);
    case 'ints':
      return (value as number[]).join('; ');
    default:
      return String(value);
  }
}

const COUNTED = ['visits', 'routes', 'plans'] as const;

/**
 * A problem's counts as words ("1 visit", "3 draft plans"), as `visitsText`, `routesText` and
 * `plansText`: English sentences that name two counts need each one's own plural.
 */
export function countedWords(t: TFunction, params: ProblemDto['params'], lang: string): Record<string, string> {
  const words: Record<string, string> = {};
  for (const name of COUNTED) {
    const value = params?.[name];
    if (typeof value === 'number') words[`${name}Text`] = countText(t, `register.count.${name}`, value, lang);
  }
  return words;
}

/** A problem in the user's language. */
export const problemText = (t: TFunction, p: ProblemDto, lang: string = i18n.language): string =>
  t(`register.err.${p.key}`, { ...p.params, ...countedWords(t, p.params, lang), defaultValue: p.key });

/** The value a sorted column compares. */
export const sortValue = (field: FieldSpec, value: FieldValue | undefined, lang: Lang, t: TFunction): string | number =>
  field.kind === 'int' || field.kind === 'decimal' ? Number(value ?? 0) : field.kind === 'date' ? String(value ?? '') : displayValue(field, value, lang, t);
