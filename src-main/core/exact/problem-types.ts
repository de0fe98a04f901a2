import type { PlanningInstance, ShiftKind, ShiftTemplate, Team } from '../model';

/** Services by index, in the model's order: 0 = CCCD, 1 = e-ID. */
export const SERVICE_NAMES = ['cccd', 'eid'] as const;
export type ServiceIndex = 0 | 1;
export const SERVICE_INDICES: readonly ServiceIndex[] = [0, 1];

/** Bases then hamlets, with the measured pairs as a dense matrix (Infinity: not measured). */
export interface Places {
  keys: string[];
  index: Map<string, number>;
  minutes: Float64Array;
  distanceM: Float64Array;
}

/** A template on a date, in chronological order (date, then start). */
export interface ExactSlot {
  index: number;
  date: string;
  template: ShiftTemplate;
  kind: ShiftKind;
  /** ISO week-year and week, the unit of the weekly cap. */
  weekKey: string;
  /** Days since the first planned day. */
  day: number;
  month: number;
}

/** A hamlet one team-shift may stop at, and what it may do there. */
export interface StopOption {
  hamlet: number;
  node: number;
  /** Venue quota of service s possible (offered, throughput, not a home-only shift, reach and people). */
  venue: [boolean, boolean];
  /** Home visits of service s possible (offered, home throughput, homebound people). */
  home: [boolean, boolean];
  /** Longest work there: shift length less the round trip and setup. */
  room: number;
  /** Most venue people of service s one visit can take: its minutes and the first visit's turnout allow no more. */
  venueCap: [number, number];
  /** Most home visits of service s: the minutes and the homebound allow no more. */
  homeCap: [number, number];
}

/** One team in one shift it may work. */
export interface TeamShift {
  index: number;
  team: number;
  slot: number;
  options: StopOption[];
}

export interface ExactProblem {
  instance: PlanningInstance;
  places: Places;
  slots: ExactSlot[];
  teams: Team[];
  teamNode: number[];
  teamShifts: TeamShift[];
  /** Per hamlet, per service: people who can be met at the venue (remaining − homebound). */
  venuePeople: [number, number][];
  /** Per hamlet, per service: homebound people. */
  homePeople: [number, number][];
  /** Per hamlet, per shift kind: reach as numerator / denominator. */
  reach: Record<ShiftKind, { numerator: number; denominator: number }>[];
}
