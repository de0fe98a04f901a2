import { format, parseISO } from 'date-fns';

const numberFormat = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  let f = numberFormat.get(locale);
  if (!f) numberFormat.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** dd/MM/yyyy in both languages: the format Vietnamese offices use. */
export const formatDate = (iso: string): string => format(parseISO(iso), 'dd/MM/yyyy');

export const formatMinutes = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Sorting that knows Vietnamese letters (Đ after D, tones) and numbers inside names (Thôn 2 < Thôn 10). */
export const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
