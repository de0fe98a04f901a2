import type { Route } from '../../model';
import { emptyShiftTaken, type Pools, type ShiftTaken, type Skeleton } from '../evaluate/route-plan';
import { dayNumber, isoWeekOfDay } from '../prepare/days';
import { roadNeeds, teamWorksSlot, type Prepared, type PSlot } from '../prepare/prepared';

const KEY = 1_000_000;

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
  /** The shift of each planned route at each hamlet and day (hamlet * KEY + day). */
  private readonly hamletHeld = new Map<number, PSlot[]>();
  /** What each shift took at each hamlet so far (the construction goes shift by shift). */
  readonly shift: ShiftTaken;

  /** Guide targets not yet met (see guide.ts); null without a guide. */
  readonly guide: Float64Array | null;

  constructor(private readonly prepared: Prepared) {
    this.guide = prepared.guide ? prepared.guide.slice() : null;
    const hamletCount = prepared.hamlets.length;
    this.shift = emptyShiftTaken(hamletCount);
    this.nonHomebound = new Int32Array(2 * hamletCount);
    this.homebound = new Int32Array(2 * hamletCount);
    for (let i = 0; i < 2 * hamletCount; i++) {
      this.homebound[i] = prepared.homebound[i]!;
      this.nonHomebound[i] = prepared.remaining[i]! - prepared.homebound[i]!;
    }
    for (const shift of prepared.instance.worked ?? []) {
      const team = prepared.teamIdx.get(shift.teamId);
      const templateIdx = prepared.templateIdx.get(shift.templateId);
      if (team === undefined || templateIdx === undefined) continue;
      // Before the first day planned: it holds no time of a day planned, only the caps.
      this.holdTeam(team, { day: dayNumber(shift.date), start: 0, end: 0 }, prepared.instance.shiftTemplates[templateIdx]!.kind === 'weekday_evening');
    }
  }

  /** Pinned routes: kept as they are, they take their demand first and hold their real times. */
  addPinned(route: Route): void {
    const prepared = this.prepared;
    const team = prepared.teamIdx.get(route.teamId);
    const templateIdx = prepared.templateIdx.get(route.templateId);
    const day = dayNumber(route.date);
    const occ = { day, start: route.departMin, end: route.returnMin };
    if (team !== undefined) {
      const evening = templateIdx !== undefined && prepared.instance.shiftTemplates[templateIdx]?.kind === 'weekday_evening';
      this.holdTeam(team, occ, evening);
      this.teamShifts.add(`${team}|${day}|${route.templateId}`);
    }
    for (const vid of route.vehicleIds) {
      const vehicle = prepared.vehicleIdx.get(vid);
      if (vehicle !== undefined) push(this.vehicleBusy, vehicle * KEY + day, occ.start, occ.end);
    }
    const hamletCount = prepared.hamlets.length;
    for (const stop of route.stops) {
      const hamlet = prepared.hamletIdx.get(stop.hamletId);
      if (hamlet === undefined) continue;
      this.nonHomebound[hamlet] = Math.max(0, this.nonHomebound[hamlet]! - stop.quota.cccd);
      this.nonHomebound[hamletCount + hamlet] = Math.max(0, this.nonHomebound[hamletCount + hamlet]! - stop.quota.eid);
      this.homebound[hamlet] = Math.max(0, this.homebound[hamlet]! - stop.homeVisits.cccd);
      this.homebound[hamletCount + hamlet] = Math.max(0, this.homebound[hamletCount + hamlet]! - stop.homeVisits.eid);
    }
  }

  /** Books team, vehicles and hamlets of a planned route for its whole shift window. */
  hold(sk: Skeleton): void {
    const { slot } = sk;
    const occ = { day: slot.day, start: slot.start, end: slot.end };
    this.holdTeam(sk.team, occ, slot.evening);
    this.teamShifts.add(`${sk.team}|${slot.day}|${slot.templateId}`);
    for (const vehicle of sk.vehicles) push(this.vehicleBusy, vehicle * KEY + slot.day, slot.start, slot.end);
    for (const hamlet of sk.stops) {
      const held = this.hamletHeld.get(hamlet * KEY + slot.day);
      if (held) held.push(slot);
      else this.hamletHeld.set(hamlet * KEY + slot.day, [slot]);
    }
  }

  /** Planned routes at hamlet h in this very shift (they share its hall and its people). */
  teamsAt(hamlet: number, slot: PSlot): number {
    let teams = 0;
    for (const held of this.hamletHeld.get(hamlet * KEY + slot.day) ?? []) if (held.templateIdx === slot.templateIdx) teams++;
    return teams;
  }

  private holdTeam(team: number, occ: Occupancy, evening: boolean): void {
    push(this.teamBusy, team * KEY + occ.day, occ.start, occ.end);
    const wk = team * KEY + isoWeekOfDay(occ.day);
    this.teamWeek.set(wk, (this.teamWeek.get(wk) ?? 0) + 1);
    if (evening) this.teamEvenings.add(team * KEY + occ.day);
  }

  shiftsInWeek(team: number, week: number): number {
    return this.teamWeek.get(team * KEY + week) ?? 0;
  }

  isEveningDay(team: number, day: number): boolean {
    return this.teamEvenings.has(team * KEY + day);
  }

  /** Length of the run of evening days that working an evening on `day` would make. */
  eveningRun(team: number, day: number): number {
    let run = 1;
    for (let d = day - 1; this.teamEvenings.has(team * KEY + d); d--) run++;
    for (let d = day + 1; this.teamEvenings.has(team * KEY + d); d++) run++;
    return run;
  }

  /** Every team-side rule for one more route of team t in this slot. */
  teamCanTake(teamIndex: number, slot: PSlot, extraInWeek = 0): boolean {
    const team = this.prepared.teams[teamIndex]!;
    if (!teamWorksSlot(team, slot)) return false;
    if (overlaps(this.teamBusy.get(teamIndex * KEY + slot.day), slot.start, slot.end)) return false;
    if (this.teamShifts.has(`${teamIndex}|${slot.day}|${slot.templateId}`)) return false;
    if (this.shiftsInWeek(teamIndex, slot.week) + extraInWeek >= team.team.maxShiftsPerWeek) return false;
    if (slot.evening && this.eveningRun(teamIndex, slot.day) > team.team.maxConsecutiveEvenings) return false;
    return true;
  }

  vehicleFree(vehicle: number, slot: PSlot): boolean {
    const pv = this.prepared.vehicles[vehicle]!;
    if (pv.unavailable.has(slot.day)) return false;
    return !overlaps(this.vehicleBusy.get(vehicle * KEY + slot.day), slot.start, slot.end);
  }

  /** Road open that month, and no route there then other than ones of this same shift (which it may join). */
  hamletFree(hamlet: number, slot: PSlot): boolean {
    const ph = this.prepared.hamlets[hamlet]!;
    if (ph.cut[slot.month]) return false;
    return (this.hamletHeld.get(hamlet * KEY + slot.day) ?? [])
      .every((held) => held.templateIdx === slot.templateIdx || !(slot.start < held.end && held.start < slot.end));
  }

  /** The cheapest free vehicle set at the team's base for these hamlets, or null. */
  pickVehicles(teamIndex: number, stops: readonly number[], slot: PSlot): number[] | null {
    const prepared = this.prepared;
    const team = prepared.teams[teamIndex]!;
    const { mask, moto } = roadNeeds(prepared, stops);
    for (const option of prepared.vehicleOptions(team.base, mask, moto, team.team.size)) {
      if (option.every((v) => this.vehicleFree(v, slot))) return [...option];
    }
    return null;
  }
}
