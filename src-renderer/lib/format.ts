import { format, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';

const numberFormat = new Map<string, Intl.NumberFormat>();

/** One formatter per language and decimal count: Vietnamese "1.234,5", English "1,234.5". */
function numberFormatFor(lang: string, digits?: number): Intl.NumberFormat {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  const key = `${locale}/${digits ?? ''}`;
  let f = numberFormat.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormat.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, lang: string): string {
  return numberFormatFor(lang).format(n);
}

/** A count in words ("1 hamlet", "1,500 hamlets"): the key's plural form for `count`, the number as {{n}}, formatted. */
export function countText(t: TFunction, key: string, count: number, lang: string): string {
  return t(key, { count, n: formatNumber(count, lang) });
}

/** A number with exactly `digits` decimals in the language's style: "4,9" in Vietnamese, "4.9" in English (never toFixed on screen). */
export function formatDecimal(n: number, lang: string, digits = 1): string {
  return numberFormatFor(lang, digits).format(n);
}

/** A share (0.271) as a percentage number without the sign ("27,1" / "27.1"), for texts that write the "%" themselves. */
export function formatShare(share: number, lang: string, digits = 1): string {
  return formatDecimal(100 * share, lang, digits);
}

/** part of whole as a percentage number ("97,1" / "97.1"), or `empty` when the whole is 0. */
export function formatPercentOf(part: number, whole: number, lang: string, empty = '—'): string {
  return whole > 0 ? formatDecimal((100 * part) / whole, lang) : empty;
}

/** dd/MM/yyyy in both languages: the format Vietnamese offices use. */
export const formatDate = (iso: string): string => format(parseISO(iso), 'dd/MM/yyyy');

export const formatMinutes = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Sorting that knows Vietnamese letters (Đ after D, tones) and numbers inside names (Thôn 2 < Thôn 10). */
export const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
