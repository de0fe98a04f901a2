import type { Campaign, CalendarException, PerService } from '../model';
import type { Outline } from './geometry';

/** One commune as the generator needs it (from the GSO list and the 2009 census files). */
export interface DemoCommuneInput {
  /** GSO code where known (Thường Xuân), else the census id. */
  gsoCode: string;
  /** With its unit kind: "Xã Bát Mọt", "Thị trấn Thường Xuân", "Phường Hàm Rồng". */
  name: string;
  lat: number;
  lon: number;
  population2009: number;
  /** Used for the sampling radius when there is no outline. */
  areaKm2?: number;
  outline?: Outline;
}

export type Range = readonly [min: number, max: number];

/** How many teams and vehicles, and how strong; tuned so the demo deadline is tight. */
export interface TeamPlan {
  mobileTeams: number;
  mobileSize: Range;
  mobileEidPerHour: Range;
  mobileCccdPerHour: Range;
  mobileHomePerHour: Range;
  mobileSetupMinutes: number;
  mobileMaxShiftsPerWeek: Range;
  mobileMaxConsecutiveEvenings: Range;
  /** The first N mobile teams also work weekday daytime home visits. */
  mobileHomeVisitTeams: number;
  /** Share of communes (largest backlog first) whose post fields a team; 1 = every commune. */
  fixedTeamShare: number;
  fixedSize: Range;
  fixedEidPerHour: Range;
  fixedCccdPerHour: Range;
  fixedHomePerHour: Range;
  fixedSetupMinutes: Range;
  fixedMaxShiftsPerWeek: Range;
  fixedMaxConsecutiveEvenings: Range;
  /** This many post teams, in the communes farthest from HQ, carry a CCCD kit. */
  fixedKitTeams: number;
  hqCars: number;
  hqPickups: number;
  hqMotorbikes: number;
  postMotorbikes: number;
  /** Days off per team, drawn inside the campaign. */
  daysOffPerTeam: Range;
}

/** Mountain districts have forest tracks, motorbike-only and seasonally cut hamlets. */
export type Terrain = 'mountain' | 'lowland';

/** 'district': 8-11 hamlets per commune by population; 'density': about one per `peoplePerHamlet` (2009). */
export type HamletRule = { kind: 'district'; min: number; max: number } | { kind: 'density'; peoplePerHamlet: number; min: number; max: number };

export interface DistrictInput {
  seed: number;
  district: { code: string; name: string; provinceName: string; provinceCode?: string };
  communes: readonly DemoCommuneInput[];
  /** The district town, where HQ is. */
  townCode: string;
  targets: { population: number; backlog: PerService };
  campaign: Campaign;
  /** Holidays and blackout days; default: New Year and Tết 2023. */
  exceptions?: readonly CalendarException[];
  teamPlan?: Partial<TeamPlan>;
  terrain?: Terrain;
  hamletRule?: HamletRule;
  /** Number plate prefix of the province: 36 is Thanh Hóa. */
  platePrefix?: string;
  label?: string;
}

export const DISTRICT_TEAM_PLAN: TeamPlan = {
  mobileTeams: 4,
  mobileSize: [4, 5],
  mobileEidPerHour: [30, 36],
  mobileCccdPerHour: [8, 12],
  mobileHomePerHour: [5, 6],
  mobileSetupMinutes: 15,
  mobileMaxShiftsPerWeek: [6, 7],
  mobileMaxConsecutiveEvenings: [4, 5],
  mobileHomeVisitTeams: 2,
  fixedTeamShare: 1,
  fixedSize: [3, 4],
  fixedEidPerHour: [18, 22],
  fixedCccdPerHour: [6, 8],
  fixedHomePerHour: [4, 5],
  fixedSetupMinutes: [10, 15],
  fixedMaxShiftsPerWeek: [8, 9],
  fixedMaxConsecutiveEvenings: [4, 5],
  fixedKitTeams: 3,
  hqCars: 2,
  hqPickups: 2,
  hqMotorbikes: 4,
  postMotorbikes: 2,
  daysOffPerTeam: [1, 2],
};

export const GENERATED_BY = 'luudong demo generator 1';
