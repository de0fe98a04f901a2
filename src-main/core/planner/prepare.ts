import { shiftSlots } from '../calendar';
import {
  ROAD_CLASSES, SHIFT_KINDS,
  type Hamlet, type PlanningInstance, type RoadClass, type ShiftKind, type Team, type Vehicle,
} from '../model';
import { placesMatrix } from '../travel';
import { dayNumber, isoWeekOfDay, monthOfDay } from './days';

/** Services by index: 0 = CCCD (needs a kit), 1 = e-ID. */
export const SERVICE_KEYS = ['cccd', 'eid'] as const;
export const CCCD = 0;
export const EID = 1;
export const EVENING_KIND = SHIFT_KINDS.indexOf('weekday_evening');

/**
 * How much more an urgent person counts than an ordinary one in objective level 1.
 * Kept small on purpose: the first aim is clearing as many people as possible by the
 * deadline; urgency decides between otherwise comparable choices.
 */
export const URGENCY_WEIGHT = 0.1;

/** One concrete shift (template on a date) with everything the search reads as integers. */
export interface PSlot {
  date: string;
  day: number;
  /** Day number of the Monday of its ISO week. */
  week: number;
  month: number;
  templateIdx: number;
  templateId: number;
  kind: number;
  start: number;
  end: number;
  homeOnly: boolean;
  evening: boolean;
}

export interface PTeam {
  team: Team;
  base: number;
  node: number;
  /** Service s possible at all: offered, throughput > 0, and a kit for CCCD. */
  can: [boolean, boolean];
  tp: [number, number];
  htp: number;
  setup: number;
  allowedKind: boolean[];
  /** Days off, and days when the vehicles free at its base have too few seats for it. */
  daysOff: ReadonlySet<number>;
  /** Best people per minute of work over everything the team can do. */
  maxRatePerMin: number;
}

export interface PHamlet {
  hamlet: Hamlet;
  node: number;
  roadMask: number;
  moto: boolean;
  cut: boolean[];
  reach: number[];
  /** Urgency weight of one person enrolled here (objective level 1). */
  weight: number;
  /** Day number of the first day in [from, deadline] on which the road is cut, or -1. */
  firstCutDay: number;
}

export interface PVehicle {
  vehicle: Vehicle;
  base: number;
  roadMask: number;
  moto: boolean;
  unavailable: ReadonlySet<number>;
}

export interface Prepared {
  instance: PlanningInstance;
  hamlets: PHamlet[];
  teams: PTeam[];
  vehicles: PVehicle[];
  baseIds: number[];
  hamletIdx: ReadonlyMap<number, number>;
  teamIdx: ReadonlyMap<number, number>;
  vehicleIdx: ReadonlyMap<number, number>;
  baseIdx: ReadonlyMap<number, number>;
  templateIdx: ReadonlyMap<number, number>;
  /** Matrix size; nodes are the bases, then the hamlets. */
  n: number;
  minutes: Int32Array;
  metres: Int32Array;
  fromDay: number;
  deadlineDay: number;
  slots: PSlot[];
  /** Backlog per service and hamlet: index s * H + h. */
  remaining: Int32Array;
  homebound: Int32Array;
  /** Hamlets sorted by round-trip minutes from each base. */
  byDistance: number[][];
  /** For each hamlet, other hamlets by travel minutes (nearest first, capped). */
  neighbours: number[][];
  /** 1 when the team's base has vehicles that can carry it to the hamlet (dates aside). */
  reachable: Uint8Array;
  vehicleOptions(base: number, roadMask: number, moto: boolean, size: number): readonly (readonly number[])[];
  /** Division of labour to follow (guide.ts), set by the driver; null = pure greedy. */
  guide: Float64Array | null;
  /** Worth of people beyond the guide's targets when choosing routes (see allocate). */
  offGuide: number;
}

export const roadBit = (road: RoadClass): number => 1 << ROAD_CLASSES.indexOf(road);
const kindIndex = (kind: ShiftKind): number => SHIFT_KINDS.indexOf(kind);
const NEIGHBOURS = 12;
const MAX_OPTION_VEHICLES = 12;
const MAX_OPTIONS = 24;

export function makeSlots(instance: PlanningInstance, templateIdx: ReadonlyMap<number, number>, from: string, to: string): PSlot[] {
  if (to < from) return [];
  return shiftSlots(from, to, instance.shiftTemplates, instance.exceptions).map((s) => {
    const day = dayNumber(s.date);
    const kind = kindIndex(s.template.kind);
    return {
      date: s.date, day, week: isoWeekOfDay(day), month: monthOfDay(day),
      templateIdx: templateIdx.get(s.template.id) ?? 0, templateId: s.template.id, kind,
      start: s.template.startMin, end: s.template.endMin, homeOnly: s.template.homeVisitsOnly,
      evening: kind === EVENING_KIND,
    };
  });
}

/** The roads a set of stops needs a vehicle for, and whether only motorbikes get to one of them. */
export function roadNeeds(P: Prepared, stops: readonly number[]): { mask: number; moto: boolean } {
  let mask = 0;
  let moto = false;
  for (const h of stops) {
    mask |= P.hamlets[h]!.roadMask;
    moto ||= P.hamlets[h]!.moto;
  }
  return { mask, moto };
}

export function teamWorksSlot(team: PTeam, slot: PSlot): boolean {
  return team.allowedKind[slot.kind] === true && !team.daysOff.has(slot.day);
}

/** Days on which the vehicles at the team's base that are not unavailable seat fewer than its members. */
function groundedDays(vehicles: readonly PVehicle[], base: number, size: number): number[] {
  const mine = vehicles.filter((v) => v.base === base);
  const days = new Set(mine.flatMap((v) => [...v.unavailable]));
  return [...days].filter((d) => mine.reduce((seats, v) => seats + (v.unavailable.has(d) ? 0 : v.vehicle.seats), 0) < size);
}

export function prepare(instance: PlanningInstance): Prepared {
  const { campaign } = instance;
  const fromDay = dayNumber(instance.from);
  const deadlineDay = dayNumber(campaign.deadline);
  const baseIds = instance.bases.map((b) => b.id);
  const baseIdx = new Map(baseIds.map((id, i) => [id, i] as const));
  const hamletIdx = new Map(instance.hamlets.map((h, i) => [h.id, i] as const));
  const teamIdx = new Map(instance.teams.map((t, i) => [t.id, i] as const));
  const vehicleIdx = new Map(instance.vehicles.map((v, i) => [v.id, i] as const));
  const templateIdx = new Map(instance.shiftTemplates.map((t, i) => [t.id, i] as const));
  const nb = instance.bases.length;
  const H = instance.hamlets.length;

  const matrix = placesMatrix(instance.bases, instance.hamlets, instance.travel);
  const n = matrix.keys.length;

  const remaining = new Int32Array(2 * H);
  const homebound = new Int32Array(2 * H);
  for (const b of instance.backlogs) {
    const h = hamletIdx.get(b.hamletId);
    if (h === undefined) continue;
    remaining[h] = b.remaining.cccd;
    remaining[H + h] = b.remaining.eid;
    homebound[h] = Math.min(b.homebound.cccd, b.remaining.cccd);
    homebound[H + h] = Math.min(b.homebound.eid, b.remaining.eid);
  }

  const horizon = Math.max(1, deadlineDay - fromDay + 1);
  const hamlets: PHamlet[] = instance.hamlets.map((hamlet, h) => {
    const cut = Array.from({ length: 13 }, (_, m) => hamlet.cutMonths.includes(m));
    let firstCutDay = -1;
    for (let d = fromDay; d <= deadlineDay; d++) {
      if (cut[monthOfDay(d)]) { firstCutDay = d; break; }
    }
    // Urgency in [0, 1]: half from how much of the population still owes an enrolment
    // (CCCD and e-ID counted as two services per person), half from how soon the road is
    // cut before the deadline (1 = cut from the first day, 0 = never cut in the horizon).
    const owed = (remaining[h] ?? 0) + (remaining[H + h] ?? 0);
    const unenrolledShare = Math.min(1, owed / Math.max(1, 2 * hamlet.population));
    const cutSoon = firstCutDay < 0 ? 0 : 1 - (firstCutDay - fromDay) / horizon;
    return {
      hamlet, node: nb + h, roadMask: roadBit(hamlet.roadClass), moto: hamlet.motorbikeOnly, cut,
      reach: SHIFT_KINDS.map((k) => hamlet.reach[k]),
      weight: 1 + URGENCY_WEIGHT * (0.5 * unenrolledShare + 0.5 * cutSoon),
      firstCutDay,
    };
  });

  const vehicles: PVehicle[] = instance.vehicles.map((vehicle) => ({
    vehicle,
    base: baseIdx.get(vehicle.baseId) ?? -1,
    roadMask: vehicle.roadClasses.reduce((m, r) => m | roadBit(r), 0),
    moto: vehicle.kind === 'motorbike',
    unavailable: new Set(vehicle.unavailable.map(dayNumber)),
  }));

  const teams: PTeam[] = instance.teams.map((team) => {
    const base = baseIdx.get(team.baseId) ?? -1;
    const kit = team.kits >= 1;
    const can: [boolean, boolean] = [
      team.services.includes('cccd') && kit && team.throughputPerHour.cccd > 0,
      team.services.includes('eid') && team.throughputPerHour.eid > 0,
    ];
    const tp: [number, number] = [team.throughputPerHour.cccd, team.throughputPerHour.eid];
    const htp = team.homeThroughputPerHour;
    const rates = [can[0] ? tp[0] : 0, can[1] ? tp[1] : 0, can[0] || can[1] ? htp : 0];
    return {
      team, base, node: base, can, tp, htp, setup: team.setupMinutes,
      allowedKind: SHIFT_KINDS.map((k) => team.allowedShiftKinds.includes(k)),
      daysOff: new Set([...team.daysOff.map(dayNumber), ...groundedDays(vehicles, base, team.size)]),
      maxRatePerMin: Math.max(...rates) / 60,
    };
  });

  const optionCache = new Map<string, number[][]>();
  const vehicleOptions = (base: number, roadMask: number, moto: boolean, size: number): number[][] => {
    const key = `${base}|${roadMask}|${moto ? 1 : 0}|${size}`;
    const hit = optionCache.get(key);
    if (hit) return hit;
    const options = enumerateOptions(vehicles, base, roadMask, moto, size);
    optionCache.set(key, options);
    return options;
  };

  const minutes = matrix.minutes;
  const roundTrip = (from: number, to: number): number => (minutes[from * n + to] ?? 0) + (minutes[to * n + from] ?? 0);
  const byDistance = baseIds.map((_, b) =>
    [...Array(H).keys()].sort((x, y) => roundTrip(b, nb + x) - roundTrip(b, nb + y) || x - y));
  const neighbours = [...Array(H).keys()].map((h) =>
    [...Array(H).keys()].filter((o) => o !== h)
      .sort((x, y) => roundTrip(nb + h, nb + x) - roundTrip(nb + h, nb + y) || x - y)
      .slice(0, NEIGHBOURS));

  const reachable = new Uint8Array(teams.length * H);
  teams.forEach((t, ti) => {
    if (t.base < 0) return;
    hamlets.forEach((ph, h) => {
      if (vehicleOptions(t.base, ph.roadMask, ph.moto, t.team.size).length > 0) reachable[ti * H + h] = 1;
    });
  });

  return {
    instance, hamlets, teams, vehicles, baseIds, hamletIdx, teamIdx, vehicleIdx, baseIdx, templateIdx,
    n, minutes, metres: matrix.distanceM, fromDay, deadlineDay,
    slots: makeSlots(instance, templateIdx, instance.from, campaign.deadline),
    remaining, homebound, byDistance, neighbours, reachable, vehicleOptions, guide: null, offGuide: 0.2,
  };
}

/**
 * Vehicle sets at a base able to carry a team of `size` on roads `roadMask` (and all
 * motorbikes when `moto`): minimal sets only, cheapest per km first, then fewer vehicles.
 */
function enumerateOptions(vehicles: readonly PVehicle[], base: number, roadMask: number, moto: boolean, size: number): number[][] {
  const fits = vehicles
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.base === base && (v.roadMask & roadMask) === roadMask && (!moto || v.moto))
    .sort((a, b) => a.v.vehicle.costPerKm / a.v.vehicle.seats - b.v.vehicle.costPerKm / b.v.vehicle.seats || a.i - b.i)
    .slice(0, MAX_OPTION_VEHICLES);
  const k = fits.length;
  const options: { ids: number[]; cost: number }[] = [];
  for (let mask = 1; mask < 1 << k; mask++) {
    let seats = 0;
    let cost = 0;
    let minSeats = Infinity;
    const ids: number[] = [];
    for (let j = 0; j < k; j++) {
      if (!(mask & (1 << j))) continue;
      const f = fits[j]!;
      seats += f.v.vehicle.seats;
      cost += f.v.vehicle.costPerKm;
      minSeats = Math.min(minSeats, f.v.vehicle.seats);
      ids.push(f.i);
    }
    // Minimal: dropping the smallest vehicle must leave too few seats.
    if (seats >= size && seats - minSeats < size) options.push({ ids: ids.sort((a, b) => a - b), cost });
  }
  options.sort((a, b) => a.cost - b.cost || a.ids.length - b.ids.length || compareArrays(a.ids, b.ids));
  return options.slice(0, MAX_OPTIONS).map((o) => o.ids);
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
