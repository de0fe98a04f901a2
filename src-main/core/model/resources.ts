import { z } from 'zod';
import {
  code, count, id, isoDate, LIMITS, name, roadClass, service, shiftKind, vehicleKind,
} from './primitives';

const rate = count.max(LIMITS.throughputPerHour);

export const member = z.object({
  id,
  teamId: id,
  name,
  rank: z.string().trim().max(60),
  role: z.string().trim().max(60),
  phone: z.string().trim().max(30),
});
export type Member = z.infer<typeof member>;

export const TEAM_KINDS = ['mobile', 'fixed'] as const;
export const team = z.object({
  id,
  code,
  name,
  kind: z.enum(TEAM_KINDS),
  baseId: id,
  /** Head count that must ride along (members and volunteers). */
  size: z.number().int().min(1).max(30),
  services: z.array(service).min(1),
  /** Enrolment kits carried (CCCD needs one). */
  kits: count.max(LIMITS.kits),
  /** People per hour at a venue, per service. */
  throughputPerHour: z.object({ cccd: rate, eid: rate }),
  /** People per hour on home visits (travel between houses included). */
  homeThroughputPerHour: rate,
  setupMinutes: z.number().int().min(0).max(240),
  allowedShiftKinds: z.array(shiftKind).min(1),
  maxShiftsPerWeek: z.number().int().min(1).max(21),
  maxConsecutiveEvenings: z.number().int().min(1).max(31),
  daysOff: z.array(isoDate),
});
export type Team = z.infer<typeof team>;

export const vehicle = z.object({
  id,
  code,
  name,
  kind: vehicleKind,
  seats: z.number().int().min(1).max(60),
  baseId: id,
  roadClasses: z.array(roadClass).min(1),
  /** Integer đồng per km. */
  costPerKm: count.max(LIMITS.costPerKm),
  unavailable: z.array(isoDate),
});
export type Vehicle = z.infer<typeof vehicle>;

export const shiftTemplate = z
  .object({
    id,
    code,
    name,
    kind: shiftKind,
    /** ISO weekdays 1 (Mon) .. 7 (Sun). */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1),
    startMin: z.number().int().min(0).max(1440),
    endMin: z.number().int().min(0).max(1440),
    /** Home visits only (weekday daytime). */
    homeVisitsOnly: z.boolean(),
    /** Also applies on holidays (treated like a weekend day). */
    onHolidays: z.boolean(),
  })
  .refine((t) => t.endMin > t.startMin, { message: 'shift must end after it starts', path: ['endMin'] });
export type ShiftTemplate = z.infer<typeof shiftTemplate>;

export const CALENDAR_EXCEPTION_KINDS = ['holiday', 'blackout'] as const;
export const calendarException = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_EXCEPTION_KINDS),
  name,
});
export type CalendarException = z.infer<typeof calendarException>;

/**
 * Which service the planner serves first when a team could do either: CCCD (the default: a
 * person without a chip card cannot get a level-2 e-ID either, and the card is a legal duty),
 * e-ID, or neither (people counted alike).
 */
export const SERVICE_PRIORITIES = ['cccd', 'eid', 'equal'] as const;
export type ServicePriority = (typeof SERVICE_PRIORITIES)[number];

export const campaign = z
  .object({
    name,
    startDate: isoDate,
    deadline: isoDate,
    /** Absent: CCCD first. */
    servicePriority: z.enum(SERVICE_PRIORITIES).optional(),
  })
  .refine((c) => c.deadline >= c.startDate, { message: 'deadline before start', path: ['deadline'] });
export type Campaign = z.infer<typeof campaign>;

