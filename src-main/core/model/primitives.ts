import { z } from 'zod';

/** A calendar date, `yyyy-MM-dd`. The campaign is local: no time zones anywhere. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-MM-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');
export type IsoDate = z.infer<typeof isoDate>;

/** Minutes since midnight; 0..1440 (a shift may end exactly at midnight). */
export const minuteOfDay = z.number().int().min(0).max(1440);

export const id = z.number().int().positive();
export const code = z.string().trim().min(1).max(40);
export const name = z.string().trim().min(1).max(200);
export const count = z.number().int().min(0);

/**
 * Realistic upper limits on the counts people type, checked wherever data comes in (forms,
 * files, the model): one mistyped cell (a backlog of 10^15) is refused with the row and field
 * instead of wrapping around the planner's 32-bit per-hamlet arrays (2^31 ≈ 2.1 × 10^9) and
 * turning the upper bound negative. At these limits every sum stays an exact integer: a province
 * of 10,000 hamlets at the limit totals 2 × 10^9 people per service, far below 2^53.
 */
export const LIMITS = {
  /** Population of one hamlet, and so its backlog and homebound per service. */
  hamletPeople: 100_000,
  /** Population of one commune (post-2025 communes merge several old ones). */
  communePeople: 2_000_000,
  /** Enrolment kits one team carries. */
  kits: 20,
  /** People per hour per service at a venue, or on home visits. */
  throughputPerHour: 300,
  /** Đồng per km. */
  costPerKm: 1_000_000,
  /** One road distance between two places: 1,000 km. */
  distanceM: 1_000_000,
  /** One travel time between two places: a day. */
  travelMinutes: 1_440,
} as const;

/** People of one hamlet (population, backlog, homebound). */
export const hamletPeople = count.max(LIMITS.hamletPeople);
/** A hamlet's counts per service (backlog, homebound). */
export const hamletPerService = z.object({ cccd: hamletPeople, eid: hamletPeople });
export const share = z.number().min(0).max(1);

/** Vietnam's bounding box, with a margin: anything outside is a typo. */
export const latitude = z.number().min(8).max(23.5);
export const longitude = z.number().min(102).max(110);

export const SERVICES = ['cccd', 'eid'] as const;
export const service = z.enum(SERVICES);
export type Service = z.infer<typeof service>;

/** Per-service integer counts, e.g. backlog or quota. */
export const perService = z.object({ cccd: count, eid: count });
export type PerService = z.infer<typeof perService>;

export const ROAD_CLASSES = ['paved', 'dirt', 'forest'] as const;
export const roadClass = z.enum(ROAD_CLASSES);
export type RoadClass = z.infer<typeof roadClass>;

export const VEHICLE_KINDS = ['car', 'pickup', 'motorbike'] as const;
export const vehicleKind = z.enum(VEHICLE_KINDS);
export type VehicleKind = z.infer<typeof vehicleKind>;

/**
 * When people can be met. Reachability is given per kind; a shift template has one.
 * `weekday_day` is for home visits to the homebound (others are in the fields).
 */
export const SHIFT_KINDS = ['weekday_day', 'weekday_evening', 'weekend'] as const;
export const shiftKind = z.enum(SHIFT_KINDS);
export type ShiftKind = z.infer<typeof shiftKind>;

export const reachByKind = z.object({
  weekday_day: share,
  weekday_evening: share,
  weekend: share,
});
export type ReachByKind = z.infer<typeof reachByKind>;

/** Location key in travel tables: `b:<baseId>` or `h:<hamletId>`. */
export const locationKey = z.string().regex(/^[bh]:\d+$/, 'location must be b:<id> or h:<id>');
export type LocationKey = z.infer<typeof locationKey>;
export const baseKey = (baseId: number): LocationKey => `b:${baseId}`;
export const hamletKey = (hamletId: number): LocationKey => `h:${hamletId}`;
