import { dayNumber, isoWeekOfDay } from './days';
import type { Entry } from './ledger';
import type { Baseline } from './objective';
import { roadNeeds, teamWorksSlot, type Prepared, type PSlot } from './prepare';

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
export function vehiclesPass(P: Prepared, vehicles: readonly number[], stops: readonly number[]): boolean {
  for (const h of stops) {
    const ph = P.hamlets[h]!;
    for (const v of vehicles) {
      const pv = P.vehicles[v]!;
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

  constructor(private readonly P: Prepared, baseline: Baseline, entries: readonly Entry[]) {
    this.byTeam = P.teams.map(() => new Set());
    this.pinnedTeam = P.teams.map(() => []);
    for (const r of baseline.pinned) {
      const held: Held = { day: dayNumber(r.date), start: r.departMin, end: r.returnMin };
      const t = P.teamIdx.get(r.teamId);
      const kind = P.instance.shiftTemplates[P.templateIdx.get(r.templateId) ?? -1]?.kind;
      if (t !== undefined) this.pinnedTeam[t]!.push({ ...held, templateId: r.templateId, evening: kind === 'weekday_evening' });
      for (const s of r.stops) {
        const h = P.hamletIdx.get(s.hamletId);
        if (h !== undefined) this.pinnedHamlet.set(h, [...(this.pinnedHamlet.get(h) ?? []), held]);
      }
      for (const id of r.vehicleIds) {
        const v = P.vehicleIdx.get(id);
        if (v !== undefined) this.pinnedVehicle.set(v, [...(this.pinnedVehicle.get(v) ?? []), held]);
      }
    }
    for (const e of entries) this.add(e);
  }

  add(e: Entry): void {
    this.byTeam[e.sk.team]!.add(e);
    const day = this.byDay.get(e.sk.slot.day);
    if (day) day.add(e);
    else this.byDay.set(e.sk.slot.day, new Set([e]));
  }

  remove(e: Entry): void {
    this.byTeam[e.sk.team]!.delete(e);
    this.byDay.get(e.sk.slot.day)?.delete(e);
  }

  /** Team t's routes. */
  teamRoutes(t: number): Entry[] {
    return [...this.byTeam[t]!];
  }

  /** The other routes of e's shift (same day and shift template). */
  sameShift(e: Entry): Entry[] {
    const out: Entry[] = [];
    for (const o of this.byDay.get(e.sk.slot.day) ?? []) if (o !== e && o.sk.slot.templateId === e.sk.slot.templateId) out.push(o);
    return out;
  }

  /** Every team-side rule for team t to work `slot`, the routes in `ignore` taken out. */
  teamAllows(t: number, slot: PSlot, ignore: ReadonlySet<Entry>): boolean {
    const team = this.P.teams[t]!;
    if (!teamWorksSlot(team, slot)) return false;
    const held: TeamHeld[] = [...this.pinnedTeam[t]!];
    for (const e of this.byTeam[t]!) if (!ignore.has(e)) held.push(window(e.sk.slot));
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

  /** Hamlet h can be visited in `slot`: road open that month, nobody else there then. */
  hamletFree(h: number, slot: PSlot, ignore: ReadonlySet<Entry>): boolean {
    if (this.P.hamlets[h]!.cut[slot.month]) return false;
    for (const held of this.pinnedHamlet.get(h) ?? []) if (overlaps(held, slot)) return false;
    for (const e of this.byDay.get(slot.day) ?? []) {
      if (!ignore.has(e) && e.sk.stops.includes(h) && overlaps(window(e.sk.slot), slot)) return false;
    }
    return true;
  }

  /**
   * Vehicles for team t to run `stops` in `slot`: `current` if they still pass the roads,
   * else the cheapest free set at the team's base; null if none. `taken` are vehicles
   * another part of the same move already uses in that window.
   */
  vehiclesFor(t: number, stops: readonly number[], slot: PSlot, ignore: ReadonlySet<Entry>, current: readonly number[] | null, taken: readonly number[] = []): number[] | null {
    const P = this.P;
    if (current && vehiclesPass(P, current, stops) && current.every((v) => !taken.includes(v))) return [...current];
    const busy = new Set<number>(taken);
    for (const e of this.byDay.get(slot.day) ?? []) {
      if (!ignore.has(e) && overlaps(window(e.sk.slot), slot)) for (const v of e.sk.vehicles) busy.add(v);
    }
    const { mask, moto } = roadNeeds(P, stops);
    for (const option of P.vehicleOptions(P.teams[t]!.base, mask, moto, P.teams[t]!.team.size)) {
      if (option.every((v) => !busy.has(v) && !P.vehicles[v]!.unavailable.has(slot.day)
        && !(this.pinnedVehicle.get(v) ?? []).some((held) => overlaps(held, slot)))) return [...option];
    }
    return null;
  }
}
