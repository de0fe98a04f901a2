/** Excel's longest worksheet name. */
const MAX_LENGTH = 31;

/**
 * A worksheet name Excel (and ExcelJS) accepts, from any title: none of [ ] : * ? / \, no
 * apostrophe first or last, 1 to 31 characters, not the reserved "History", and unique in its
 * workbook (`used` holds the names taken so far, lower-cased; the new one is added).
 */
export function safeSheetName(wanted: string, used: Set<string> = new Set(), fallback = 'Sheet'): string {
  const clean = (s: string): string => s.replace(/[[\]:*?/\\]/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  let base = clean(clean(wanted).slice(0, MAX_LENGTH)) || fallback;
  if (base.toLowerCase() === 'history') base = `${base} 1`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` ${n}`;
    name = `${clean(base.slice(0, MAX_LENGTH - suffix.length))}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}
