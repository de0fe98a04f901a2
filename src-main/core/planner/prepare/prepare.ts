import { shiftSlots } from '../../calendar';
import { SHIFT_KINDS, type PlanningInstance, type ServicePriority, type ShiftKind } from '../../model';
import { placesMatrix } from '../../travel';
import { dayNumber, isoWeekOfDay, monthOfDay } from './days';
import { EVENING_KIND, roadBit, URGENCY_WEIGHT, type PHamlet, type Prepared, type PSlot, type PTeam, type PVehicle } from './prepared';
import { enumerateOptions } from './vehicle-options';

const kindIndex = (kind: ShiftKind): number => SHIFT_KINDS.indexOf(kind);
/** Neighbours kept per hamlet (the nearest by round trip). */
const NEIGHBOURS = 12;

export function makeSlots(instance: PlanningInstance, templateIdx: ReadonlyMap<number, number>, from: string, to: string): PSlot[] {
  if (to < from) return [];
  return shiftSlots(from, to, instance.shiftTemplates, instance.exceptions).map((shift) => {
    const day = dayNumber(shift.date);
    const kind = kindIndex(shift.template.kind);
    return {
      date: shift.date, day, week: isoWeekOfDay(day), month: monthOfDay(day),
      templateIdx: templateIdx.get(shift.template.id) ?? 0, templateId: shift.template.id, kind,
      start: shift.template.startMin, end: shift.template.endMin, homeOnly: shift.template.homeVisitsOnly,
      evening: kind === EVENING_KIND,
    };
  });
}

/** The instance as the search reads it: places, teams and vehicles by index, integers, lookups built once. */
export function prepare(instance: PlanningInstance): Prepared {
  const fromDay = dayNumber(instance.from);
  const deadlineDay = dayNumber(instance.campaign.deadline);
  const baseIds = instance.bases.map((base) => base.id);
  const baseIdx = new Map(baseIds.map((id, i) => [id, i] as const));
  const hamletIdx = new Map(instance.hamlets.map((hamlet, i) => [hamlet.id, i] as const));
  const templateIdx = new Map(instance.shiftTemplates.map((template, i) => [template.id, i] as const));

  const matrix = placesMatrix(instance.bases, instance.hamlets, instance.travel);
  const size = matrix.keys.length;
  const { remaining, homebound } = backlogPools(instance, hamletIdx);
  const hamlets = prepareHamlets(instance, remaining, fromDay, deadlineDay);
  const vehicles = prepareVehicles(instance, baseIdx);
  const teams = prepareTeams(instance, baseIdx, vehicles);

  const optionCache = new Map<string, number[][]>();
  const vehicleOptions = (base: number, roadMask: number, moto: boolean, seats: number): number[][] => {
    const key = `${base}|${roadMask}|${moto ? 1 : 0}|${seats}`;
    const hit = optionCache.get(key);
    if (hit) return hit;
    const options = enumerateOptions(vehicles, base, roadMask, moto, seats);
    optionCache.set(key, options);
    return options;
  };
  const { byDistance, neighbours } = nearness(matrix.minutes, size, baseIds.length, hamlets.length);

  return {
    instance, hamlets, teams, vehicles, baseIds, hamletIdx,
    teamIdx: new Map(instance.teams.map((team, i) => [team.id, i] as const)),
    vehicleIdx: new Map(instance.vehicles.map((vehicle, i) => [vehicle.id, i] as const)),
    baseIdx, templateIdx,
    nodeCount: size, minutes: matrix.minutes, metres: matrix.distanceM, fromDay, deadlineDay,
    slots: makeSlots(instance, templateIdx, instance.from, instance.campaign.deadline),
    remaining, homebound, byDistance, neighbours, reachable: reachability(teams, hamlets, vehicleOptions),
    vehicleOptions, guide: null, offGuide: 0.2, serviceWeight: serviceWeights(instance.campaign.servicePriority),
  };
}

/**
 * A CCCD file takes about three times an e-ID account (DOMAIN.md), so at 4 an hour of the first
 * service outweighs an hour of the other: a team that can do both serves the first whenever its
 * people are there to meet, and the other with the time left.
 */
export const SERVICE_FIRST_WEIGHT = 4;

export function serviceWeights(priority: ServicePriority | undefined): [number, number] {
  switch (priority ?? 'cccd') {
    case 'cccd': return [SERVICE_FIRST_WEIGHT, 1];
    case 'eid': return [1, SERVICE_FIRST_WEIGHT];
    case 'equal': return [1, 1];
  }
}

/** Backlog and homebound per service and hamlet (service * hamletCount + hamlet). */
function backlogPools(instance: PlanningInstance, hamletIdx: ReadonlyMap<number, number>): { remaining: Int32Array; homebound: Int32Array } {
  const hamletCount = instance.hamlets.length;
  const remaining = new Int32Array(2 * hamletCount);
  const homebound = new Int32Array(2 * hamletCount);
  for (const backlog of instance.backlogs) {
    const hamlet = hamletIdx.get(backlog.hamletId);
    if (hamlet === undefined) continue;
    remaining[hamlet] = backlog.remaining.cccd;
    remaining[hamletCount + hamlet] = backlog.remaining.eid;
    homebound[hamlet] = Math.min(backlog.homebound.cccd, backlog.remaining.cccd);
    homebound[hamletCount + hamlet] = Math.min(backlog.homebound.eid, backlog.remaining.eid);
  }
  return { remaining, homebound };
}

function prepareHamlets(instance: PlanningInstance, remaining: Int32Array, fromDay: number, deadlineDay: number): PHamlet[] {
  const hamletCount = instance.hamlets.length;
  const baseCount = instance.bases.length;
  const horizon = Math.max(1, deadlineDay - fromDay + 1);
  return instance.hamlets.map((hamlet, index) => {
    const cut = Array.from({ length: 13 }, (_, month) => hamlet.cutMonths.includes(month));
    let firstCutDay = -1;
    for (let day = fromDay; day <= deadlineDay; day++) {
      if (cut[monthOfDay(day)]) { firstCutDay = day; break; }
    }
    // Urgency in [0, 1]: half from how much of the population still owes an enrolment
    // (CCCD and e-ID counted as two services per person), half from how soon the road is
    // cut before the deadline (1 = cut from the first day, 0 = never cut in the horizon).
    const owed = (remaining[index] ?? 0) + (remaining[hamletCount + index] ?? 0);
    const unenrolledShare = Math.min(1, owed / Math.max(1, 2 * hamlet.population));
    const cutSoon = firstCutDay < 0 ? 0 : 1 - (firstCutDay - fromDay) / horizon;
    return {
      hamlet, node: baseCount + index, roadMask: roadBit(hamlet.roadClass), moto: hamlet.motorbikeOnly, cut,
      reach: SHIFT_KINDS.map((kind) => hamlet.reach[kind]),
      weight: 1 + URGENCY_WEIGHT * (0.5 * unenrolledShare + 0.5 * cutSoon),
      firstCutDay,
    };
  });
}

function prepareVehicles(instance: PlanningInstance, baseIdx: ReadonlyMap<number, number>): PVehicle[] {
  return instance.vehicles.map((vehicle) => ({
    vehicle,
    base: baseIdx.get(vehicle.baseId) ?? -1,
    roadMask: vehicle.roadClasses.reduce((mask, road) => mask | roadBit(road), 0),
    moto: vehicle.kind === 'motorbike',
    unavailable: new Set(vehicle.unavailable.map(dayNumber)),
  }));
}

function prepareTeams(instance: PlanningInstance, baseIdx: ReadonlyMap<number, number>, vehicles: readonly PVehicle[]): PTeam[] {
  return instance.teams.map((team) => {
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
      allowedKind: SHIFT_KINDS.map((kind) => team.allowedShiftKinds.includes(kind)),
      daysOff: new Set([...team.daysOff.map(dayNumber), ...groundedDays(vehicles, base, team.size)]),
      maxRatePerMin: Math.max(...rates) / 60,
    };
  });
}

/** Days on which the vehicles at the team's base that are not unavailable seat fewer than its members. */
function groundedDays(vehicles: readonly PVehicle[], base: number, size: number): number[] {
  const mine = vehicles.filter((vehicle) => vehicle.base === base);
  const days = new Set(mine.flatMap((vehicle) => [...vehicle.unavailable]));
  return [...days].filter((day) => mine.reduce((seats, vehicle) => seats + (vehicle.unavailable.has(day) ? 0 : vehicle.vehicle.seats), 0) < size);
}

/** Hamlets by round trip from each base, and each hamlet's nearest others. Nodes are the bases, then the hamlets. */
function nearness(minutes: Int32Array, size: number, baseCount: number, hamletCount: number): { byDistance: number[][]; neighbours: number[][] } {
  const roundTrip = (from: number, to: number): number => (minutes[from * size + to] ?? 0) + (minutes[to * size + from] ?? 0);
  const byDistance = Array.from({ length: baseCount }, (_, base) =>
    [...Array(hamletCount).keys()].sort((x, y) => roundTrip(base, baseCount + x) - roundTrip(base, baseCount + y) || x - y));
  const neighbours = [...Array(hamletCount).keys()].map((hamlet) =>
    [...Array(hamletCount).keys()].filter((other) => other !== hamlet)
      .sort((x, y) => roundTrip(baseCount + hamlet, baseCount + x) - roundTrip(baseCount + hamlet, baseCount + y) || x - y)
      .slice(0, NEIGHBOURS));
  return { byDistance, neighbours };
}

/** 1 at team * hamletCount + hamlet when the team's base has vehicles that can carry it there (dates aside). */
function reachability(teams: readonly PTeam[], hamlets: readonly PHamlet[], vehicleOptions: Prepared['vehicleOptions']): Uint8Array {
  const reachable = new Uint8Array(teams.length * hamlets.length);
  teams.forEach((team, teamIndex) => {
    if (team.base < 0) return;
    hamlets.forEach((ph, hamlet) => {
      if (vehicleOptions(team.base, ph.roadMask, ph.moto, team.team.size).length > 0) reachable[teamIndex * hamlets.length + hamlet] = 1;
    });
  });
  return reachable;
}
