import { dayNumber, isoWeekOfDay } from '../prepare/days';
import { teamWorksSlot, type Prepared, type PSlot } from '../prepare/prepared';

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
export function teamCapacity(prepared: Prepared, team: number): TeamCapacity {
  // The bound and the guide both ask: compute once per team.
  const cache = memo.get(prepared) ?? new Map<number, TeamCapacity>();
  memo.set(prepared, cache);
  const hit = cache.get(team);
  if (hit) return hit;
  const capacity = computeCapacity(prepared, team, pinnedOf(prepared, team));
  cache.set(team, capacity);
  return capacity;
}

/** The shifts the team's pinned routes already hold. */
function pinnedOf(prepared: Prepared, teamIndex: number): Pinned[] {
  const teamId = prepared.teams[teamIndex]?.team.id;
  return prepared.instance.pinned.filter((r) => r.teamId === teamId).map((r) => ({
    day: dayNumber(r.date),
    templateId: r.templateId,
    evening: prepared.instance.shiftTemplates[prepared.templateIdx.get(r.templateId) ?? -1]?.kind === 'weekday_evening',
  }));
}

const memo = new WeakMap<Prepared, Map<number, TeamCapacity>>();

function computeCapacity(prepared: Prepared, teamIndex: number, pinned: readonly Pinned[]): TeamCapacity {
  const team = prepared.teams[teamIndex]!;
  const held = new Set(pinned.map((p) => `${p.day}|${p.templateId}`));
  const slots = prepared.slots.filter((s) => teamWorksSlot(team, s) && !held.has(`${s.day}|${s.templateId}`));
  const longestVenue = new Map<number, number>();
  const longestHome = new Map<number, number>();
  for (const slot of slots) {
    const longestByMonth = slot.homeOnly ? longestHome : longestVenue;
    longestByMonth.set(slot.month, Math.max(longestByMonth.get(slot.month) ?? 0, slot.end - slot.start));
  }
  const days = [...new Set([...slots.map((s) => s.day), ...pinned.map((p) => p.day)])].sort((a, b) => a - b);
  const byDay = new Map<number, PSlot[]>();
  for (const s of slots) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  const run = (score: (chosen: readonly PSlot[]) => number): number => maximise(prepared, teamIndex, days, byDay, pinned, score);
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
  for (const slot of sorted) {
    if (slot.start >= to) {
      total += to - from;
      from = slot.start;
      to = slot.end;
    } else to = Math.max(to, slot.end);
  }
  return total + (to - from);
}

function maximise(
  prepared: Prepared, teamIndex: number, days: readonly number[], byDay: ReadonlyMap<number, PSlot[]>, pinned: readonly Pinned[],
  score: (chosen: readonly PSlot[]) => number,
): number {
  const team = prepared.teams[teamIndex]!.team;
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
    for (let streak = 0; streak <= maxRun; streak++) {
      for (let shiftsSoFar = 0; shiftsSoFar <= cap; shiftsSoFar++) {
        const reached = value[streak * width + shiftsSoFar]!;
        if (reached === -Infinity) continue;
        const runIn = day === prevDay + 1 ? streak : 0;
        const usedIn = week === prevWeek ? shiftsSoFar : 0;
        for (const chosen of options) {
          const used = usedIn + chosen.length + pinnedToday.length;
          if (used > cap) continue;
          const evening = pinnedEvening || chosen.some((s) => s.evening);
          const nextRun = evening ? runIn + 1 : 0;
          if (nextRun > maxRun) continue;
          const state = nextRun * width + used;
          const total = reached + score(chosen);
          if (total > next[state]!) next[state] = total;
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
