import type { PlanningInstance, Vehicle } from '../model';
import type { ExactSlot, Places } from './problem-types';

/**
 * What the exact model leaves out, and why that is safe on the instances it accepts.
 * Anything outside this scope is refused (solveExact throws) rather than modelled loosely:
 *
 * - Pinned routes: none (they would only fix part of the answer).
 * - Travel: every pair of places measured (one way at least), every leg at least a minute,
 *   and no trip faster through a third place. Then the planner's and the checker's travel
 *   rules (fastest allowed way, estimates for missing pairs, road classes and cut months of
 *   places passed) all come down to the measured pairs, which is what the model reads.
 * - Vehicles: at every base, at least as many vehicles as teams, each seating every team
 *   of that base, driving every hamlet's road (motorbike-only hamlets included), never
 *   unavailable in the horizon. Then any set of routes in a shift gets a vehicle each, and
 *   routes of different shifts never overlap (next point), so vehicles never bind.
 * - Shifts running on the same day do not overlap in time, so visits of different shifts
 *   are ordered by their shift, and a team's routes on one day never overlap.
 * - Reach per shift kind: a fraction with a denominator up to 1000, so the turnout rule
 *   floor(reach × left) is written with integer coefficients, exactly.
 * - One backlog row per hamlet.
 */
export function scopeProblems(instance: PlanningInstance, places: Places, slots: readonly ExactSlot[]): string[] {
  const problems: string[] = [];
  if (instance.pinned.length > 0) problems.push('pinned routes');
  if (instance.from > instance.campaign.deadline) problems.push('empty horizon');
  problems.push(...travelProblems(places));
  problems.push(...vehicleProblems(instance, slots));
  problems.push(...overlapProblems(slots));
  for (const h of instance.hamlets) {
    for (const kind of ['weekday_day', 'weekday_evening', 'weekend'] as const) {
      if (reachFraction(h.reach[kind]) === null) problems.push(`reach ${h.reach[kind]} of hamlet ${h.id} is not a fraction over 1..1000`);
    }
  }
  const ids = instance.backlogs.map((b) => b.hamletId);
  if (new Set(ids).size !== ids.length) problems.push('several backlog rows for one hamlet');
  return problems;
}

function travelProblems(places: Places): string[] {
  const n = places.keys.length;
  const problems: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t = places.minutes[i * n + j]!;
      if (!(Number.isFinite(t) && t >= 1)) {
        problems.push(`travel ${places.keys[i]} → ${places.keys[j]} is ${Number.isFinite(t) ? `${t} min` : 'not measured'}`);
        continue;
      }
      for (let k = 0; k < n; k++) {
        if (k === i || k === j) continue;
        if (places.minutes[i * n + k]! + places.minutes[k * n + j]! < t) {
          problems.push(`travel ${places.keys[i]} → ${places.keys[j]} is faster through ${places.keys[k]}`);
          break;
        }
      }
    }
  }
  return problems;
}

function vehicleProblems(instance: PlanningInstance, slots: readonly ExactSlot[]): string[] {
  const dates = new Set(slots.map((s) => s.date));
  const problems: string[] = [];
  for (const baseId of new Set(instance.teams.map((t) => t.baseId))) {
    const teams = instance.teams.filter((t) => t.baseId === baseId);
    const usable = vehiclesThatNeverBind(instance, baseId, dates);
    if (usable.length < teams.length) problems.push(`base ${baseId}: ${usable.length} vehicles that never bind for ${teams.length} teams`);
  }
  return problems;
}

function overlapProblems(slots: readonly ExactSlot[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < slots.length; i++) {
    const a = slots[i - 1]!;
    const b = slots[i]!;
    if (a.date === b.date && b.template.startMin < a.template.endMin) {
      problems.push(`shifts ${a.template.code} and ${b.template.code} overlap on ${a.date}`);
    }
  }
  return problems;
}

/** reach = numerator / denominator with the smallest denominator up to 1000, or null. */
export function reachFraction(reach: number): { numerator: number; denominator: number } | null {
  for (let denominator = 1; denominator <= 1000; denominator++) {
    const numerator = Math.round(reach * denominator);
    if (Math.abs(numerator - reach * denominator) < 1e-9 * denominator) return { numerator, denominator };
  }
  return null;
}

/** Vehicles at the base that seat any of its teams, drive every hamlet's road and are free every planned day. */
export function vehiclesThatNeverBind(instance: PlanningInstance, baseId: number, dates: ReadonlySet<string>): Vehicle[] {
  const biggest = Math.max(0, ...instance.teams.filter((t) => t.baseId === baseId).map((t) => t.size));
  return instance.vehicles
    .filter((v) => v.baseId === baseId && v.seats >= biggest
      && instance.hamlets.every((h) => v.roadClasses.includes(h.roadClass) && (!h.motorbikeOnly || v.kind === 'motorbike'))
      && !v.unavailable.some((d) => dates.has(d)))
    .sort((a, b) => a.id - b.id);
}
