import type { PSlot } from '../prepare/prepared';

/** A planned route before quotas and times: the search moves these around. */
export interface Skeleton {
  slot: PSlot;
  team: number;
  vehicles: number[];
  stops: number[];
  /** A route kept from the published plan: its quotas then, per hamlet, allocated first (re-plans). */
  targets?: ReadonlyMap<number, readonly [number, number, number]>;
}

/** Groups of work a guide target is kept for: CCCD at the venue, e-ID at the venue, home visits. */
export const GUIDE_GROUPS = 3;

/** What is left to enrol, per service s and hamlet h (s * hamletCount + h), and the guide still to follow. */
export interface Pools {
  nonHomebound: Int32Array;
  homebound: Int32Array;
  /** Guide targets not yet met ((team * hamletCount + h) * GUIDE_GROUPS + group), or null without a guide. */
  guide: Float64Array | null;
  /**
   * Pools that follow the plan in chronological order also know, per hamlet, the last shift
   * that worked there (shiftKeyOf) and the venue people of each service it took (s *
   * hamletCount + h): a later team in that same shift meets the same people, so it may take
   * only what the shift reaches less what was taken. Pools that only screen a change
   * (the repair's givenBack) leave it out and take nothing off.
   */
  shift?: ShiftTaken;
}

export interface ShiftTaken {
  key: Int32Array;
  taken: Int32Array;
}

/** Venue quotas added to what their shift took at hamlet h (a new shift there starts from nothing). */
export function takeInShift(shift: ShiftTaken, hamletCount: number, hamlet: number, quota: readonly number[], key: number): void {
  if (shift.key[hamlet] !== key) {
    shift.key[hamlet] = key;
    shift.taken[hamlet] = 0;
    shift.taken[hamletCount + hamlet] = 0;
  }
  shift.taken[hamlet] = shift.taken[hamlet]! + quota[0]!;
  shift.taken[hamletCount + hamlet] = shift.taken[hamletCount + hamlet]! + quota[1]!;
}

/** A shift's identity in ShiftTaken.key. */
export const shiftKeyOf = (slot: PSlot): number => slot.day * 4096 + slot.templateIdx;

export const emptyShiftTaken = (hamletCount: number): ShiftTaken => ({ key: new Int32Array(hamletCount).fill(-1), taken: new Int32Array(2 * hamletCount) });

/** A copy that follows its own shifts from an empty start (the pools after the pinned routes, which no other team joins). */
export const clonePools = (pools: Pools): Pools => ({
  nonHomebound: pools.nonHomebound.slice(), homebound: pools.homebound.slice(), guide: pools.guide ? pools.guide.slice() : null,
  shift: emptyShiftTaken(pools.homebound.length / 2),
});

export interface StopPlan {
  hamlet: number;
  arrive: number;
  start: number;
  end: number;
  quota: [number, number];
  home: [number, number];
}

export interface RoutePlan {
  stops: StopPlan[];
  depart: number;
  ret: number;
  distanceM: number;
  travel: number;
  people: number;
  /** Urgency-weighted people (objective level 1). */
  value: number;
  /**
   * Urgency-weighted people, those beyond the guide's targets counted at Prepared.offGuide:
   * low, so teams keep to their part of the division of labour, not zero, so spare time is
   * still used.
   */
  guided: number;
  /** Guide targets this route meets: pairs of (index, people). */
  guideUse: number[];
  /** Work minutes left unused in the shift. */
  idleMinutes: number;
}
