import { dayNumber, isoWeekOfDay } from './days';
import { teamWorksSlot, type Prepared, type PSlot } from './prepare';

/** What one team can work at most before the deadline, whatever else the plan does. */
export interface TeamCapacity {
  /** Most routes in venue shifts, in home-visit-only shifts, and in all. */
  venueRoutes: number;
  homeRoutes: number;
  routes: number;
  /** Most minutes of shift time in venue shifts, in home-visit-only shifts, and in all. */
  venueMinutes: number;
  homeMinutes: number;
  minutes: number;
  /** Longest venue / home-visit-only shift the team may work in each month (0 if none). */
  longestVenue: Map<number, number>;
  longestHome: Map<number, number>;
  /** The team's slots, minus those its pinned routes hold. */
  slots: PSlot[];
}

interface Pinned {
  day: number;
  templateId: number;
  evening: boolean;
}

/**
 * Exact maxima by dynamic programming over the days (state: shifts used in the current
 * ISO week, evenings worked in a row), under the weekly cap, the cap on consecutive
 * evenings, days off and pinned routes. Several shifts on one day may all be worked (their
 * routes must not overlap, so overlapping windows count their union of minutes once).
 */
export function teamCapacity(P: Prepared, t: number): TeamCapacity {
  // The bound and the guide both ask: compute once per team.
  const cache = memo.get(P) ?? new Map<number, TeamCapacity>();
  memo.set(P, cache);
  const hit = cache.get(t);
  if (hit) return hit;
  const capacity = computeCapacity(P, t, pinnedOf(P, t));
  cache.set(t, capacity);
  return capacity;
}

/** The shifts the team's pinned routes already hold. */
function pinnedOf(P: Prepared, t: number): Pinned[] {
  const teamId = P.teams[t]?.team.id;
  return P.instance.pinned.filter((r) => r.teamId === teamId).map((r) => ({
    day: dayNumber(r.date),
    templateId: r.templateId,
    evening: P.instance.shiftTemplates[P.templateIdx.get(r.templateId) ?? -1]?.kind === 'weekday_evening',
  }));
}

const memo = new WeakMap<Prepared, Map<number, TeamCapacity>>();

function computeCapacity(P: Prepared, t: number, pinned: readonly Pinned[]): TeamCapacity {
  const team = P.teams[t]!;
  const held = new Set(pinned.map((p) => `${p.day}|${p.templateId}`));
  const slots = P.slots.filter((s) => teamWorksSlot(team, s) && !held.has(`${s.day}|${s.templateId}`));
  const longestVenue = new Map<number, number>();
  const longestHome = new Map<number, number>();
  for (const s of slots) {
    const m = s.homeOnly ? longestHome : longestVenue;
    m.set(s.month, Math.max(m.get(s.month) ?? 0, s.end - s.start));
  }
  const days = [...new Set([...slots.map((s) => s.day), ...pinned.map((p) => p.day)])].sort((a, b) => a - b);
  const byDay = new Map<number, PSlot[]>();
  for (const s of slots) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  const run = (score: (chosen: readonly PSlot[]) => number): number => maximise(P, t, days, byDay, pinned, score);
  const union = (chosen: readonly PSlot[]): number => unionMinutes(chosen);
  return {
    venueRoutes: run((c) => c.filter((s) => !s.homeOnly).length),
    homeRoutes: run((c) => c.filter((s) => s.homeOnly).length),
    routes: run((c) => c.length),
    venueMinutes: run((c) => union(c.filter((s) => !s.homeOnly))),
    homeMinutes: run((c) => union(c.filter((s) => s.homeOnly))),
    minutes: run(union),
    longestVenue, longestHome, slots,
  };
}

function unionMinutes(chosen: readonly PSlot[]): number {
  const sorted = [...chosen].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const s of sorted) {
    if (s.start >= to) {
      total += to - from;
      from = s.start;
      to = s.end;
    } else to = Math.max(to, s.end);
  }
  return total + (to - from);
}

function maximise(
  P: Prepared, t: number, days: readonly number[], byDay: ReadonlyMap<number, PSlot[]>, pinned: readonly Pinned[],
  score: (chosen: readonly PSlot[]) => number,
): number {
  const team = P.teams[t]!.team;
  const cap = team.maxShiftsPerWeek;
  const maxRun = team.maxConsecutiveEvenings;
  const width = cap + 1;
  // value[run * width + used] = best score so far; -Infinity = unreachable.
  let value = new Float64Array((maxRun + 1) * width).fill(-Infinity);
  value[0] = 0;
  let prevDay = -Infinity;
  let prevWeek = -Infinity;
  for (const day of days) {
    const week = isoWeekOfDay(day);
    const next = new Float64Array(value.length).fill(-Infinity);
    const options = subsets(byDay.get(day) ?? []);
    const pinnedToday = pinned.filter((p) => p.day === day);
    const pinnedEvening = pinnedToday.some((p) => p.evening);
    for (let r = 0; r <= maxRun; r++) {
      for (let u = 0; u <= cap; u++) {
        const v = value[r * width + u]!;
        if (v === -Infinity) continue;
        const runIn = day === prevDay + 1 ? r : 0;
        const usedIn = week === prevWeek ? u : 0;
        for (const chosen of options) {
          const used = usedIn + chosen.length + pinnedToday.length;
          if (used > cap) continue;
          const evening = pinnedEvening || chosen.some((s) => s.evening);
          const nextRun = evening ? runIn + 1 : 0;
          if (nextRun > maxRun) continue;
          const k = nextRun * width + used;
          const total = v + score(chosen);
          if (total > next[k]!) next[k] = total;
        }
      }
    }
    value = next;
    prevDay = day;
    prevWeek = week;
  }
  let best = 0;
  for (const v of value) if (v > best) best = v;
  return best;
}

/** Every subset of a day's slots (a day has a handful). */
function subsets(slots: readonly PSlot[]): PSlot[][] {
  const out: PSlot[][] = [];
  for (let mask = 0; mask < 1 << slots.length; mask++) out.push(slots.filter((_, i) => mask & (1 << i)));
  return out;
}
