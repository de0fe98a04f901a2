import { bestRoute, estimateShift, type Candidate, type ScoreContext } from './candidates';
import { allocate, commit, type RoutePlan } from './evaluate';
import { teamWorksSlot, type Prepared, type PSlot } from './prepare';
import type { PlanState, Skeleton } from './state';

export interface Built {
  skeleton: Skeleton;
  plan: RoutePlan;
}

/**
 * Greedy construction, week by week: each team first picks the shifts of the week worth
 * most to it (within its caps), then shift by shift the teams take routes best-first.
 * A team that finds nothing useful in a shift gives it back and re-picks later shifts of
 * the week. `state` must hold everything planned before `slots[0]`; it is updated.
 */
export function construct(
  P: Prepared, state: PlanState, slots: readonly PSlot[], ctx: ScoreContext, shouldStop: () => boolean = () => false,
  fixed: ReadonlyMap<string, readonly Skeleton[]> = new Map(),
): Built[] {
  const steps = constructSteps(P, state, slots, ctx, shouldStop, fixed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, a week at a time: the caller may hand the thread back between weeks.
 * `enough`, asked after each week, ends the construction early (the projection's test).
 */
export function* constructSteps(
  P: Prepared, state: PlanState, slots: readonly PSlot[], ctx: ScoreContext, shouldStop: () => boolean = () => false,
  fixed: ReadonlyMap<string, readonly Skeleton[]> = new Map(), enough: () => boolean = () => false,
): Generator<void, Built[]> {
  const built: Built[] = [];
  let i = 0;
  while (i < slots.length) {
    if (shouldStop()) break;
    const week = slots[i]!.week;
    let j = i;
    while (j < slots.length && slots[j]!.week === week) j++;
    built.push(...constructWeek(P, state, slots.slice(i, j), ctx, fixed, shouldStop));
    i = j;
    if (enough()) break;
    yield;
  }
  return built;
}

/** Runs steps, handing the thread back (so a cancel message can arrive) every ~40 ms. */
export async function drive<T>(steps: Generator<void, T>, now: () => number): Promise<T> {
  let last = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - last >= 40) {
      await yieldThread();
      last = now();
    }
  }
}

export const yieldThread = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const slotKey = (slot: PSlot): string => `${slot.day}|${slot.templateId}`;

function constructWeek(
  P: Prepared, state: PlanState, week: readonly PSlot[], ctx: ScoreContext, fixed: ReadonlyMap<string, readonly Skeleton[]>,
  shouldStop: () => boolean,
): Built[] {
  const built: Built[] = [];
  const chosen = P.teams.map((_, t) => planWeek(P, state, t, week, 0));
  for (let k = 0; k < week.length; k++) {
    if (shouldStop()) break;
    const slot = week[k]!;
    // Routes kept from an earlier solution: already booked, they take their people now.
    for (const sk of fixed.get(slotKey(slot)) ?? []) {
      const plan = allocate(P, sk.team, sk.slot, sk.stops, state);
      if (plan) commit(P, plan, state);
    }
    const teams = P.teams.flatMap((_, t) => (chosen[t]!.has(k) && state.teamCanTake(t, slot) ? [t] : []));
    if (teams.length === 0) continue;
    const { done, failed } = assignSlot(P, state, slot, teams, ctx);
    built.push(...done);
    for (const t of failed) chosen[t] = planWeek(P, state, t, week, k + 1);
  }
  return built;
}

/**
 * Which shifts of the week (from index `from` on) team t should work: the most valuable
 * first, as long as the weekly cap, the one-shift-at-a-time rule and the cap on
 * consecutive evenings allow.
 */
function planWeek(P: Prepared, state: PlanState, t: number, week: readonly PSlot[], from: number): Set<number> {
  const team = P.teams[t]!;
  const picked = new Set<number>();
  if (week.length === 0 || team.base < 0) return picked;
  const room = team.team.maxShiftsPerWeek - state.shiftsInWeek(t, week[0]!.week);
  if (room <= 0) return picked;
  const cache = new Map<number, number>();
  const scored: { k: number; value: number }[] = [];
  for (let k = from; k < week.length; k++) {
    const slot = week[k]!;
    if (!teamWorksSlot(team, slot) || !state.teamCanTake(t, slot)) continue;
    const key = slot.templateIdx * 16 + slot.month;
    let value = cache.get(key);
    if (value === undefined) {
      value = estimateShift(P, state, t, slot);
      cache.set(key, value);
    }
    // Per minute of shift, so two short shifts are not preferred to one long one by accident.
    if (value > 0) scored.push({ k, value });
  }
  scored.sort((a, b) => b.value - a.value || a.k - b.k);
  const evenings = new Set<number>();
  for (const { k } of scored) {
    if (picked.size >= room) break;
    const slot = week[k]!;
    let clash = false;
    for (const other of picked) {
      const o = week[other]!;
      if (o.day === slot.day && slot.start < o.end && o.start < slot.end) clash = true;
    }
    if (clash) continue;
    if (slot.evening && !evenings.has(slot.day)) {
      const isEvening = (d: number): boolean => evenings.has(d) || state.isEveningDay(t, d);
      let run = 1;
      for (let d = slot.day - 1; isEvening(d); d--) run++;
      for (let d = slot.day + 1; isEvening(d); d++) run++;
      if (run > team.team.maxConsecutiveEvenings) continue;
      evenings.add(slot.day);
    }
    picked.add(k);
  }
  return picked;
}

function stillFree(state: PlanState, slot: PSlot, cand: Candidate): boolean {
  return cand.stops.every((h) => state.hamletFree(h, slot)) && cand.vehicles.every((v) => state.vehicleFree(v, slot));
}

/** Routes for the teams working this shift, the most valuable first. */
function assignSlot(
  P: Prepared, state: PlanState, slot: PSlot, teams: readonly number[], ctx: ScoreContext,
): { done: Built[]; failed: number[] } {
  const pending = new Map<number, Candidate | null>();
  for (const t of teams) pending.set(t, bestRoute(P, state, t, slot, ctx));
  const done: Built[] = [];
  const failed: number[] = [];
  while (pending.size > 0) {
    let pick: Candidate | null = null;
    for (const [t, cand] of pending) {
      if (!cand) {
        failed.push(t);
        pending.delete(t);
      } else if (!pick || cand.score > pick.score || (cand.score === pick.score && t < pick.team)) pick = cand;
    }
    if (!pick) break;
    if (!stillFree(state, slot, pick)) {
      pending.set(pick.team, bestRoute(P, state, pick.team, slot, ctx));
      continue;
    }
    pending.delete(pick.team);
    const skeleton: Skeleton = { slot, team: pick.team, vehicles: pick.vehicles, stops: pick.stops };
    state.hold(skeleton);
    commit(P, pick.plan, state);
    done.push({ skeleton, plan: pick.plan });
  }
  failed.sort((a, b) => a - b);
  return { done, failed };
}

