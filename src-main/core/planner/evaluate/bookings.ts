import { dayNumber, isoWeekOfDay } from '../prepare/days';
import { roadNeeds, teamWorksSlot, type Prepared, type PSlot } from '../prepare/prepared';
import type { Entry } from './ledger';
import type { Baseline } from './objective';

interface Held {
  day: number;
  start: number;
  end: number;
}

interface TeamHeld extends Held {
  templateId: number;
  evening: boolean;
}

/** Every vehicle of the set can drive to every stop (road class, motorbike-only hamlets). */
export function vehiclesPass(prepared: Prepared, vehicles: readonly number[], stops: readonly number[]): boolean {
  for (const hamlet of stops) {
    const ph = prepared.hamlets[hamlet]!;
    for (const vehicle of vehicles) {
      const pv = prepared.vehicles[vehicle]!;
      if ((pv.roadMask & ph.roadMask) !== ph.roadMask || (ph.moto && !pv.moto)) return false;
    }
  }
  return true;
}

const overlaps = (a: Held, slot: PSlot): boolean => a.day === slot.day && a.start < slot.end && slot.start < a.end;
const window = (slot: PSlot): TeamHeld => ({ day: slot.day, start: slot.start, end: slot.end, templateId: slot.templateId, evening: slot.evening });

/**
 * Who is where when, for the local search: the ledger's routes (each holding its team,
 * vehicles and hamlets for its whole shift window, as PlanState does) and the pinned
 * routes (for their real times). Unlike PlanState, routes can be taken out again, and
 * every question can ignore the routes a move is about to replace.
 */
export class Bookings {
  private readonly byTeam: Set<Entry>[];
  private readonly byDay = new Map<number, Set<Entry>>();
  private readonly pinnedTeam: TeamHeld[][];
  private readonly pinnedHamlet = new Map<number, Held[]>();
  private readonly pinnedVehicle = new Map<number, Held[]>();

  constructor(private readonly prepared: Prepared, baseline: Baseline, entries: readonly Entry[]) {
    this.byTeam = prepared.teams.map(() => new Set());
    this.pinnedTeam = prepared.teams.map(() => []);
    for (const route of baseline.pinned) {
      const held: Held = { day: dayNumber(route.date), start: route.departMin, end: route.returnMin };
      const team = prepared.teamIdx.get(route.teamId);
      const kind = prepared.instance.shiftTemplates[prepared.templateIdx.get(route.templateId) ?? -1]?.kind;
      if (team !== undefined) this.pinnedTeam[team]!.push({ ...held, templateId: route.templateId, evening: kind === 'weekday_evening' });
      for (const stop of route.stops) {
        const hamlet = prepared.hamletIdx.get(stop.hamletId);
        if (hamlet !== undefined) this.pinnedHamlet.set(hamlet, [...(this.pinnedHamlet.get(hamlet) ?? []), held]);
      }
      for (const id of route.vehicleIds) {
        const vehicle = prepared.vehicleIdx.get(id);
        if (vehicle !== undefined) this.pinnedVehicle.set(vehicle, [...(this.pinnedVehicle.get(vehicle) ?? []), held]);
      }
    }
    for (const shift of prepared.instance.worked ?? []) {
      const team = prepared.teamIdx.get(shift.teamId);
      const kind = prepared.instance.shiftTemplates[prepared.templateIdx.get(shift.templateId) ?? -1]?.kind;
      // Before the first day planned: counts for the caps, overlaps nothing.
      if (team !== undefined) this.pinnedTeam[team]!.push({ day: dayNumber(shift.date), start: 0, end: 0, templateId: shift.templateId, evening: kind === 'weekday_evening' });
    }
    for (const entry of entries) this.add(entry);
  }

  add(entry: Entry): void {
    this.byTeam[entry.sk.team]!.add(entry);
    const day = this.byDay.get(entry.sk.slot.day);
    if (day) day.add(entry);
    else this.byDay.set(entry.sk.slot.day, new Set([entry]));
  }

  remove(entry: Entry): void {
    this.byTeam[entry.sk.team]!.delete(entry);
    this.byDay.get(entry.sk.slot.day)?.delete(entry);
  }

  /** Team t's routes. */
  teamRoutes(team: number): Entry[] {
    return [...this.byTeam[team]!];
  }

  /** The other routes of e's shift (same day and shift template). */
  sameShift(entry: Entry): Entry[] {
    const out: Entry[] = [];
    for (const other of this.byDay.get(entry.sk.slot.day) ?? []) if (other !== entry && other.sk.slot.templateId === entry.sk.slot.templateId) out.push(other);
    return out;
  }

  /** Every team-side rule for team t to work `slot`, the routes in `ignore` taken out. */
  teamAllows(teamIndex: number, slot: PSlot, ignore: ReadonlySet<Entry>): boolean {
    const team = this.prepared.teams[teamIndex]!;
    if (!teamWorksSlot(team, slot)) return false;
    const held: TeamHeld[] = [...this.pinnedTeam[teamIndex]!];
    for (const entry of this.byTeam[teamIndex]!) if (!ignore.has(entry)) held.push(window(entry.sk.slot));
    let inWeek = 1;
    const evenings = new Set<number>();
    for (const h of held) {
      if (overlaps(h, slot) || (h.day === slot.day && h.templateId === slot.templateId)) return false;
      if (isoWeekOfDay(h.day) === slot.week) inWeek++;
      if (h.evening) evenings.add(h.day);
    }
    if (inWeek > team.team.maxShiftsPerWeek) return false;
    if (!slot.evening) return true;
    let run = 1;
    for (let d = slot.day - 1; evenings.has(d); d--) run++;
    for (let d = slot.day + 1; evenings.has(d); d++) run++;
    return run <= team.team.maxConsecutiveEvenings;
  }

  /**
   * Hamlet h can be visited in `slot`: road open that month, no pinned visit then, and no
   * other team there in an overlapping shift of another template. Teams of the same shift
   * may share a hall: they meet the same people (the ledger gives the later one what the
   * shift reaches less what the earlier took).
   */
  hamletFree(hamlet: number, slot: PSlot, ignore: ReadonlySet<Entry>): boolean {
    if (this.prepared.hamlets[hamlet]!.cut[slot.month]) return false;
    for (const held of this.pinnedHamlet.get(hamlet) ?? []) if (overlaps(held, slot)) return false;
    for (const entry of this.byDay.get(slot.day) ?? []) {
      if (ignore.has(entry) || entry.sk.slot.templateIdx === slot.templateIdx || !entry.sk.stops.includes(hamlet)) continue;
      if (overlaps(window(entry.sk.slot), slot)) return false;
    }
    return true;
  }

  /**
   * Vehicles for team t to run `stops` in `slot`: `current` if they still pass the roads,
   * else the cheapest free set at the team's base; null if none. `taken` are vehicles
   * another part of the same move already uses in that window.
   */
  vehiclesFor(teamIndex: number, stops: readonly number[], slot: PSlot, ignore: ReadonlySet<Entry>, current: readonly number[] | null, taken: readonly number[] = []): number[] | null {
    const prepared = this.prepared;
    if (current && vehiclesPass(prepared, current, stops) && current.every((v) => !taken.includes(v))) return [...current];
    const busy = new Set<number>(taken);
    for (const entry of this.byDay.get(slot.day) ?? []) {
      if (!ignore.has(entry) && overlaps(window(entry.sk.slot), slot)) for (const vehicle of entry.sk.vehicles) busy.add(vehicle);
    }
    const { mask, moto } = roadNeeds(prepared, stops);
    for (const option of prepared.vehicleOptions(prepared.teams[teamIndex]!.base, mask, moto, prepared.teams[teamIndex]!.team.size)) {
      if (option.every((v) => !busy.has(v) && !prepared.vehicles[v]!.unavailable.has(slot.day)
        && !(this.pinnedVehicle.get(v) ?? []).some((held) => overlaps(held, slot)))) return [...option];
    }
    return null;
  }
}
