/**
 * What a new team's form starts with. A blank form used to offer 0 people per hour and 21
 * shifts a week (the fields' "no limit" fallbacks): a team that enrols nobody and never rests.
 * The district's usual team (the median of its teams, mobile ones first) is a better start.
 */
import type { FieldValue, RegisterRecord } from './fields';

/** Figures of a typical mobile team, for an area that has no team yet. */
export const USUAL_TEAM = {
  kind: 'mobile', size: 4, services: ['cccd', 'eid'], kits: 1, throughputCccd: 12, throughputEid: 30, homeThroughput: 5,
  setupMinutes: 15, maxShiftsPerWeek: 6, maxConsecutiveEvenings: 5,
} as const;

const MEDIAN_FIELDS = ['size', 'throughputCccd', 'throughputEid', 'homeThroughput', 'setupMinutes', 'maxShiftsPerWeek', 'maxConsecutiveEvenings'] as const;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The values a new team's form starts with, from the teams the area already has. */
export function newTeamDefaults(teams: readonly RegisterRecord[]): Record<string, FieldValue> {
  const mobile = teams.filter((t) => t.kind === 'mobile');
  const sample = mobile.length ? mobile : teams;
  const out: Record<string, FieldValue> = { ...USUAL_TEAM, services: [...USUAL_TEAM.services] };
  for (const field of MEDIAN_FIELDS) {
    // Only figures that mean something: a service's rate where the team does that service.
    const values = sample.map((t) => t[field]).filter((v): v is number => typeof v === 'number' && v > 0);
    const m = median(values);
    if (m !== null) out[field] = m;
  }
  const bases = new Map<string, number>();
  for (const t of sample) if (typeof t.base === 'string') bases.set(t.base, (bases.get(t.base) ?? 0) + 1);
  const commonest = [...bases.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (commonest) out.base = commonest[0];
  return out;
}

/** The next free code after `code` ("LD-05" -> "LD-06", keeping the digits' width); "" when it has no number. */
export function nextFreeCode(code: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)(\d+)$/.exec(code);
  if (!m) return '';
  for (let n = Number(m[2]) + 1; n < Number(m[2]) + 10_000; n++) {
    const candidate = `${m[1]}${String(n).padStart(m[2]!.length, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
  return '';
}

/** A copy of a record for the add form: the next free code (codes are unique), the name marked as a copy. */
export function copyOf(record: RegisterRecord, others: readonly RegisterRecord[], copyWord: string): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = { ...record };
  if (typeof record.code === 'string') {
    const taken = new Set(others.map((o) => o.code).filter((c): c is string => typeof c === 'string'));
    out.code = nextFreeCode(record.code, taken);
  }
  if (typeof record.name === 'string') out.name = `${record.name} (${copyWord})`;
  return out;
}
