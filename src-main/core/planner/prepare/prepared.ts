import { ROAD_CLASSES, SHIFT_KINDS, type Hamlet, type PlanningInstance, type RoadClass, type Team, type Vehicle } from '../../model';

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
  nodeCount: number;
  minutes: Int32Array;
  metres: Int32Array;
  fromDay: number;
  deadlineDay: number;
  slots: PSlot[];
  /** Backlog per service and hamlet: index s * hamletCount + h. */
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
  /**
   * Worth of one person of each service ([CCCD, e-ID]) at level 1 of the objective, from the
   * campaign's service priority: the first service at SERVICE_FIRST_WEIGHT, the other at 1.
   */
  serviceWeight: [number, number];
}

export const roadBit = (road: RoadClass): number => 1 << ROAD_CLASSES.indexOf(road);

/** The roads a set of stops needs a vehicle for, and whether only motorbikes get to one of them. */
export function roadNeeds(prepared: Prepared, stops: readonly number[]): { mask: number; moto: boolean } {
  let mask = 0;
  let moto = false;
  for (const hamlet of stops) {
    mask |= prepared.hamlets[hamlet]!.roadMask;
    moto ||= prepared.hamlets[hamlet]!.moto;
  }
  return { mask, moto };
}

export function teamWorksSlot(team: PTeam, slot: PSlot): boolean {
  return team.allowedKind[slot.kind] === true && !team.daysOff.has(slot.day);
}
