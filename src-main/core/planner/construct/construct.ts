import { allocate, commit } from '../evaluate/allocate';
import type { RoutePlan, Skeleton } from '../evaluate/route-plan';
import { teamWorksSlot, type Prepared, type PSlot } from '../prepare/prepared';
import { bestRoute, estimateShift, type Candidate, type ScoreContext } from './candidates';
import type { PlanState } from './state';

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
  prepared: Prepared, state: PlanState, slots: readonly PSlot[], ctx: ScoreContext, shouldStop: () => boolean = () => false,
  fixed: ReadonlyMap<string, readonly Skeleton[]> = new Map(),
): Built[] {
  const steps = constructSteps(prepared, state, slots, ctx, shouldStop, fixed);
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
  prepared: Prepared, state: PlanState, slots: readonly PSlot[], ctx: ScoreContext, shouldStop: () => boolean = () => false,
  fixed: ReadonlyMap<string, readonly Skeleton[]> = new Map(), enough: () => boolean = () => false,
): Generator<void, Built[]> {
  const built: Built[] = [];
  let i = 0;
  while (i < slots.length) {
    if (shouldStop()) break;
    const week = slots[i]!.week;
    let j = i;
    while (j < slots.length && slots[j]!.week === week) j++;
    built.push(...constructWeek(prepared, state, slots.slice(i, j), ctx, fixed, shouldStop));
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
  prepared: Prepared, state: PlanState, week: readonly PSlot[], ctx: ScoreContext, fixed: ReadonlyMap<string, readonly Skeleton[]>,
  shouldStop: () => boolean,
): Built[] {
  const built: Built[] = [];
  const chosen = prepared.teams.map((_, t) => planWeek(prepared, state, t, week, 0));
  for (let position = 0; position < week.length; position++) {
    if (shouldStop()) break;
    const slot = week[position]!;
    // Routes kept from an earlier solution: already booked, they take their people now.
    for (const sk of fixed.get(slotKey(slot)) ?? []) {
      const plan = allocate(prepared, sk.team, sk.slot, sk.stops, state, sk.targets);
      if (plan) commit(prepared, plan, state, sk.slot);
    }
    const teams = prepared.teams.flatMap((_, t) => (chosen[t]!.has(position) && state.teamCanTake(t, slot) ? [t] : []));
    if (teams.length === 0) continue;
    const { done, failed } = assignSlot(prepared, state, slot, teams, ctx);
    built.push(...done);
    for (const teamIndex of failed) chosen[teamIndex] = planWeek(prepared, state, teamIndex, week, position + 1);
  }
  return built;
}

/**
 * Which shifts of the week (from index `from` on) team t should work: the most valuable
 * first, as long as the weekly cap, the one-shift-at-a-time rule and the cap on
 * consecutive evenings allow.
 */
function planWeek(prepared: Prepared, state: PlanState, teamIndex: number, week: readonly PSlot[], from: number): Set<number> {
  const team = prepared.teams[teamIndex]!;
  const picked = new Set<number>();
  if (week.length === 0 || team.base < 0) return picked;
  const room = team.team.maxShiftsPerWeek - state.shiftsInWeek(teamIndex, week[0]!.week);
  if (room <= 0) return picked;
  const cache = new Map<number, number>();
  const scored: { position: number; value: number }[] = [];
  for (let index = from; index < week.length; index++) {
    const slot = week[index]!;
    if (!teamWorksSlot(team, slot) || !state.teamCanTake(teamIndex, slot)) continue;
    const key = slot.templateIdx * 16 + slot.month;
    let value = cache.get(key);
    if (value === undefined) {
      value = estimateShift(prepared, state, teamIndex, slot);
      cache.set(key, value);
    }
    // Per minute of shift, so two short shifts are not preferred to one long one by accident.
    if (value > 0) scored.push({ position: index, value });
  }
  scored.sort((a, b) => b.value - a.value || a.position - b.position);
  const evenings = new Set<number>();
  for (const { position } of scored) {
    if (picked.size >= room) break;
    const slot = week[position]!;
    let clash = false;
    for (const other of picked) {
      const pickedSlot = week[other]!;
      if (pickedSlot.day === slot.day && slot.start < pickedSlot.end && pickedSlot.start < slot.end) clash = true;
    }
    if (clash) continue;
    if (slot.evening && !evenings.has(slot.day)) {
      const isEvening = (d: number): boolean => evenings.has(d) || state.isEveningDay(teamIndex, d);
      let run = 1;
      for (let d = slot.day - 1; isEvening(d); d--) run++;
      for (let d = slot.day + 1; isEvening(d); d++) run++;
      if (run > team.team.maxConsecutiveEvenings) continue;
      evenings.add(slot.day);
    }
    picked.add(position);
  }
  return picked;
}

/** Its hamlets and vehicles still free, and no other team joined its hamlets this shift since its quotas were worked out. */
function stillFree(state: PlanState, slot: PSlot, cand: Candidate, teamsThen: number): boolean {
  return cand.stops.every((h) => state.hamletFree(h, slot)) && cand.vehicles.every((v) => state.vehicleFree(v, slot))
    && teamsAt(state, slot, cand) === teamsThen;
}

const teamsAt = (state: PlanState, slot: PSlot, cand: Candidate | null): number => (cand ? cand.stops.reduce((n, h) => n + state.teamsAt(h, slot), 0) : 0);

/** Routes for the teams working this shift, the most valuable first. */
function assignSlot(
  prepared: Prepared, state: PlanState, slot: PSlot, teams: readonly number[], ctx: ScoreContext,
): { done: Built[]; failed: number[] } {
  const pending = new Map<number, Candidate | null>();
  const teamsThen = new Map<number, number>();
  const propose = (teamIndex: number): void => {
    const cand = bestRoute(prepared, state, teamIndex, slot, ctx);
    pending.set(teamIndex, cand);
    teamsThen.set(teamIndex, teamsAt(state, slot, cand));
  };
  for (const teamIndex of teams) propose(teamIndex);
  const done: Built[] = [];
  const failed: number[] = [];
  while (pending.size > 0) {
    let pick: Candidate | null = null;
    for (const [waiting, cand] of pending) {
      if (!cand) {
        failed.push(waiting);
        pending.delete(waiting);
      } else if (!pick || cand.score > pick.score || (cand.score === pick.score && waiting < pick.team)) pick = cand;
    }
    if (!pick) break;
    if (!stillFree(state, slot, pick, teamsThen.get(pick.team)!)) {
      propose(pick.team);
      continue;
    }
    pending.delete(pick.team);
    const skeleton: Skeleton = { slot, team: pick.team, vehicles: pick.vehicles, stops: pick.stops };
    state.hold(skeleton);
    commit(prepared, pick.plan, state, slot);
    done.push({ skeleton, plan: pick.plan });
  }
  failed.sort((a, b) => a - b);
  return { done, failed };
}

