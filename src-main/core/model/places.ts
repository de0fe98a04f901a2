import { z } from 'zod';
import {
  code, count, hamletPeople, hamletPerService, id, isoDate, latitude, LIMITS, locationKey, longitude, name, reachByKind, roadClass,
} from './primitives';

/**
 * Administrative hierarchy as data: Vietnam abolished the district level in July 2025,
 * so a planning area may be a district or a post-2025 commune cluster.
 */
export const AREA_LEVELS = ['province', 'district', 'cluster', 'commune'] as const;
export const areaUnit = z.object({
  id,
  parentId: id.nullable(),
  level: z.enum(AREA_LEVELS),
  code,
  name,
  /** True for the unit the planner plans (teams do not cross its boundary). */
  isPlanningArea: z.boolean(),
});
export type AreaUnit = z.infer<typeof areaUnit>;

export const commune = z.object({
  id,
  areaId: id,
  code,
  name,
  lat: latitude,
  lon: longitude,
  population: count.max(LIMITS.communePeople),
});
export type Commune = z.infer<typeof commune>;

const month = z.number().int().min(1).max(12);

export const hamlet = z.object({
  id,
  communeId: id,
  code,
  name,
  lat: latitude,
  lon: longitude,
  population: hamletPeople,
  /** Where people are met: nhà văn hóa, nhà sinh hoạt cộng đồng ... */
  venue: z.string().trim().max(200),
  contact: z.string().trim().max(200),
  roadClass,
  motorbikeOnly: z.boolean(),
  /** Months (1-12) in which the road is cut, typically the rainy season. */
  cutMonths: z.array(month).max(12),
  /** Share of the unenrolled who can be met, per kind of shift. */
  reach: reachByKind,
  /** Generated demo data, not real hamlets. */
  illustrative: z.boolean(),
});
export type Hamlet = z.infer<typeof hamlet>;

export const backlog = z
  .object({
    hamletId: id,
    /** People still to enrol, per service. */
    remaining: hamletPerService,
    /** Of those, how many can only be enrolled at home. */
    homebound: hamletPerService,
    countedOn: isoDate,
  })
  .refine((b) => b.homebound.cccd <= b.remaining.cccd && b.homebound.eid <= b.remaining.eid, {
    message: 'homebound cannot exceed remaining',
    path: ['homebound'],
  });
export type Backlog = z.infer<typeof backlog>;

export const BASE_KINDS = ['hq', 'post'] as const;
export const base = z.object({
  id,
  kind: z.enum(BASE_KINDS),
  name,
  communeId: id.nullable(),
  lat: latitude,
  lon: longitude,
});
export type Base = z.infer<typeof base>;

export const TRAVEL_SOURCES = ['measured', 'estimated'] as const;
export const travelPair = z.object({
  from: locationKey,
  to: locationKey,
  distanceM: z.number().int().min(0).max(LIMITS.distanceM),
  minutes: z.number().int().min(0).max(LIMITS.travelMinutes),
  source: z.enum(TRAVEL_SOURCES),
});
export type TravelPair = z.infer<typeof travelPair>;
