import { z } from 'zod';
import { code, isoDate, service, vehicleKind } from './primitives';
import { SERVICE_PRIORITIES } from './resources';

const dateRange = {
  /** First day the change holds (default: the planning start). */
  from: isoDate.optional(),
  /** Last day it holds (default: the deadline). */
  to: isoDate.optional(),
};
const teamCodes = z.array(code).min(1).max(200);
const percent = (min: number, max: number) => z.number().min(min).max(max);

/**
 * One what-if change, applied on top of the base data at planning time (core/scenario);
 * the base tables never change. Teams, vehicles, shifts and communes are named by code,
 * as a manager reads them on the roster.
 */
export const scenarioChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deadline'), deadline: isoDate }).strict(),
  z.object({ kind: z.literal('startDate'), from: isoDate }).strict(),
  z.object({
    kind: z.literal('addTeams'),
    count: z.number().int().min(1).max(100),
    /** The new teams are like this one: members, services, kits, rates, shifts. */
    likeTeam: code,
    /** Where they are based (default: the like team's base), by base name. */
    baseName: z.string().trim().min(1).max(200).optional(),
    /** Borrowed teams come with their vehicles (copies of the like team's base vehicles that seat it). */
    withVehicles: z.boolean().default(true),
  }).strict(),
  z.object({ kind: z.literal('removeTeams'), teams: teamCodes, ...dateRange }).strict(),
  z.object({ kind: z.literal('throughput'), percent: percent(-90, 300), teams: teamCodes.optional() }).strict(),
  z.object({ kind: z.literal('giveKits'), teams: teamCodes }).strict(),
  z.object({ kind: z.literal('loseVehicles'), vehicleKind, count: z.number().int().min(1).max(500), ...dateRange }).strict(),
  z.object({
    kind: z.literal('addVehicles'),
    vehicleKind,
    count: z.number().int().min(1).max(500),
    /** At this base (default: the district HQ), by base name. */
    baseName: z.string().trim().min(1).max(200).optional(),
  }).strict(),
  z.object({
    kind: z.literal('addShift'),
    /** A copy of an existing template on other days or hours. */
    likeShift: code,
    code,
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    startMin: z.number().int().min(0).max(1440).optional(),
    endMin: z.number().int().min(0).max(1440).optional(),
  }).strict(),
  z.object({ kind: z.literal('removeShift'), shift: code }).strict(),
  z.object({
    kind: z.literal('lengthenShift'),
    shift: code,
    startMin: z.number().int().min(0).max(1440).optional(),
    endMin: z.number().int().min(0).max(1440).optional(),
  }).strict(),
  z.object({ kind: z.literal('servicePriority'), priority: z.enum(SERVICE_PRIORITIES) }).strict(),
  z.object({ kind: z.literal('calendarDays'), dates: z.array(isoDate).min(1).max(366), as: z.enum(['holiday', 'blackout']) }).strict(),
  z.object({
    kind: z.literal('backlog'),
    /** One commune by code, or the whole area. */
    commune: code.optional(),
    service: service.optional(),
    /** Change every hamlet's backlog by this share ... */
    percent: percent(-100, 500).optional(),
    /** ... or add this many people, spread over the hamlets by their backlog. */
    addPeople: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  }).strict().refine((c) => (c.percent === undefined) !== (c.addPeople === undefined), {
    message: 'give either a percentage or a number of people',
    path: ['percent'],
  }),
]);
export type ScenarioChange = z.infer<typeof scenarioChange>;
