import type { Route } from '../model';
import type { Pools } from './evaluate';
import { dayNumber, isoWeekOfDay } from './days';
import { roadNeeds, teamWorksSlot, type Prepared, type PSlot } from './prepare';

const KEY = 1_000_000;

/** A planned route before quotas and times: the search moves these around. */
export interface Skeleton {
  slot: PSlot;
  team: number;
  vehicles: number[];
  stops: number[];
}

/** Time occupied by a route, as far as one-place-at-a-time rules are concerned. */
interface Occupancy {
  day: number;
  start: number;
  end: number;
}

function overlaps(list: readonly number[] | undefined, start: number, end: number): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i += 2) if (start < list[i + 1]! && list[i]! < end) return true;
  return false;
}

function push(map: Map<number, number[]>, key: number, start: number, end: number): void {
  const list = map.get(key);
  if (list) list.push(start, end);
  else map.set(key, [start, end]);
}

/**
 * Who is busy when, and what is left to enrol. Planned routes hold their team, vehicles
 * and hamlets for the whole shift window (they leave at its start and are back by its end),
 * which keeps the chronological order of visits to a hamlet the same as the order of the
 * shifts: the evaluation and the checker then agree on who met whom first.
 */
export class PlanState implements Pools {
  readonly nonHomebound: Int32Array;
  readonly homebound: Int32Array;
  private readonly teamBusy = new Map<number, number[]>();
  private readonly teamWeek = new Map<number, number>();
  private readonly teamEvenings = new Set<number>();
  /** `${team}|${day}|${templateId}`: at most one route per team and shift. */
  private readonly teamShifts = new Set<string>();
  private readonly vehicleBusy = new Map<number, number[]>();
  private readonly hamletBusy = new Map<number, number[]>();

  /** Guide targets not yet met (see guide.ts); null without a guide. */
  readonly guide: Float64Array | null;

  constructor(private readonly P: Prepared) {
    this.guide = P.guide ? P.guide.slice() : null;
    const H = P.hamlets.length;
    this.nonHomebound = new Int32Array(2 * H);
    this.homebound = new Int32Array(2 * H);
    for (let i = 0; i < 2 * H; i++) {
      this.homebound[i] = P.homebound[i]!;
      this.nonHomebound[i] = P.remaining[i]! - P.homebound[i]!;
    }
  }

  /** Pinned routes: kept as they are, they take their demand first and hold their real times. */
  addPinned(route: Route): void {
    const P = this.P;
    const t = P.teamIdx.get(route.teamId);
    const templateIdx = P.templateIdx.get(route.templateId);
    const day = dayNumber(route.date);
    const occ = { day, start: route.departMin, end: route.returnMin };
    if (t !== undefined) {
      const evening = templateIdx !== undefined && P.instance.shiftTemplates[templateIdx]?.kind === 'weekday_evening';
      this.holdTeam(t, occ, evening);
      this.teamShifts.add(`${t}|${day}|${route.templateId}`);
    }
    for (const vid of route.vehicleIds) {
      const v = P.vehicleIdx.get(vid);
      if (v !== undefined) push(this.vehicleBusy, v * KEY + day, occ.start, occ.end);
    }
    const H = P.hamlets.length;
    for (const stop of route.stops) {
      const h = P.hamletIdx.get(stop.hamletId);
      if (h === undefined) continue;
      this.nonHomebound[h] = Math.max(0, this.nonHomebound[h]! - stop.quota.cccd);
      this.nonHomebound[H + h] = Math.max(0, this.nonHomebound[H + h]! - stop.quota.eid);
      this.homebound[h] = Math.max(0, this.homebound[h]! - stop.homeVisits.cccd);
      this.homebound[H + h] = Math.max(0, this.homebound[H + h]! - stop.homeVisits.eid);
    }
  }

  /** Books team, vehicles and hamlets of a planned route for its whole shift window. */
  hold(sk: Skeleton): void {
    const { slot } = sk;
    const occ = { day: slot.day, start: slot.start, end: slot.end };
    this.holdTeam(sk.team, occ, slot.evening);
    this.teamShifts.add(`${sk.team}|${slot.day}|${slot.templateId}`);
    for (const v of sk.vehicles) push(this.vehicleBusy, v * KEY + slot.day, slot.start, slot.end);
    for (const h of sk.stops) push(this.hamletBusy, h * KEY + slot.day, slot.start, slot.end);
  }

  private holdTeam(t: number, occ: Occupancy, evening: boolean): void {
    push(this.teamBusy, t * KEY + occ.day, occ.start, occ.end);
    const wk = t * KEY + isoWeekOfDay(occ.day);
    this.teamWeek.set(wk, (this.teamWeek.get(wk) ?? 0) + 1);
    if (evening) this.teamEvenings.add(t * KEY + occ.day);
  }

  shiftsInWeek(t: number, week: number): number {
    return this.teamWeek.get(t * KEY + week) ?? 0;
  }

  isEveningDay(t: number, day: number): boolean {
    return this.teamEvenings.has(t * KEY + day);
  }

  /** Length of the run of evening days that working an evening on `day` would make. */
  eveningRun(t: number, day: number): number {
    let run = 1;
    for (let d = day - 1; this.teamEvenings.has(t * KEY + d); d--) run++;
    for (let d = day + 1; this.teamEvenings.has(t * KEY + d); d++) run++;
    return run;
  }

  /** Every team-side rule for one more route of team t in this slot. */
  teamCanTake(t: number, slot: PSlot, extraInWeek = 0): boolean {
    const team = this.P.teams[t]!;
    if (!teamWorksSlot(team, slot)) return false;
    if (overlaps(this.teamBusy.get(t * KEY + slot.day), slot.start, slot.end)) return false;
    if (this.teamShifts.has(`${t}|${slot.day}|${slot.templateId}`)) return false;
    if (this.shiftsInWeek(t, slot.week) + extraInWeek >= team.team.maxShiftsPerWeek) return false;
    if (slot.evening && this.eveningRun(t, slot.day) > team.team.maxConsecutiveEvenings) return false;
    return true;
  }

  vehicleFree(v: number, slot: PSlot): boolean {
    const pv = this.P.vehicles[v]!;
    if (pv.unavailable.has(slot.day)) return false;
    return !overlaps(this.vehicleBusy.get(v * KEY + slot.day), slot.start, slot.end);
  }

  hamletFree(h: number, slot: PSlot): boolean {
    const ph = this.P.hamlets[h]!;
    if (ph.cut[slot.month]) return false;
    return !overlaps(this.hamletBusy.get(h * KEY + slot.day), slot.start, slot.end);
  }

  /** The cheapest free vehicle set at the team's base for these hamlets, or null. */
  pickVehicles(t: number, stops: readonly number[], slot: PSlot): number[] | null {
    const P = this.P;
    const team = P.teams[t]!;
    const { mask, moto } = roadNeeds(P, stops);
    for (const option of P.vehicleOptions(team.base, mask, moto, team.team.size)) {
      if (option.every((v) => this.vehicleFree(v, slot))) return [...option];
    }
    return null;
  }
}
