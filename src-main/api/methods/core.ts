import { z } from 'zod';
import {
  backlog, base, calendarException, campaign, commune, hamlet, isoDate, member, perService, shiftTemplate, team, vehicle,
} from '../../core/model';
import { method, none } from './method';

export const LANGUAGES = ['vi', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

export const hamletRow = hamlet.and(z.object({ backlog: backlog.nullable(), communeName: z.string() }));
export type HamletRow = z.infer<typeof hamletRow>;

export const teamRow = team.and(z.object({ members: z.array(member), baseName: z.string() }));
export type TeamRow = z.infer<typeof teamRow>;

export const vehicleRow = vehicle.and(z.object({ baseName: z.string() }));
export type VehicleRow = z.infer<typeof vehicleRow>;

export const overview = z.object({
  dataset: z.object({ label: z.string(), demo: z.boolean() }),
  areaName: z.string(),
  communes: z.number().int(),
  hamlets: z.number().int(),
  population: z.number().int(),
  backlog: perService,
  homebound: perService,
  teams: z.object({ total: z.number().int(), withKit: z.number().int(), members: z.number().int() }),
  vehicles: z.object({ car: z.number().int(), pickup: z.number().int(), motorbike: z.number().int() }),
  campaign: campaign.nullable(),
  /** The date the figures are seen from: today inside the campaign, else its start; never on or before a day with recorded results (a new plan starts there by default). */
  asOf: isoDate.nullable(),
  /** The last day with a recorded result, or null: a plan must start after it. */
  lastResult: isoDate.nullable(),
  daysLeft: z.number().int().nullable(),
});
export type Overview = z.infer<typeof overview>;

export const mapData = z.object({
  outlines: z.array(z.object({ communeId: z.number().int(), geometry: z.unknown() })),
  communes: z.array(commune),
  hamlets: z.array(hamletRow),
  bases: z.array(base),
});
export type MapData = z.infer<typeof mapData>;

export const appInfo = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'web']),
  dbPath: z.string(),
  language,
  /** The open area's name, for the window title. */
  area: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const fileDownload = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type FileDownload = z.infer<typeof fileDownload>;

const cell = z.union([z.string().max(2000), z.number()]);
/**
 * What one table export may hold: 100,000 rows of 50 columns passed the row and column limits and
 * kept the process busy for 7 minutes before it ran out of memory (in the desktop app, the main process).
 */
export const MAX_TABLE_CELLS = 200_000;

export const coreMethods = {
  'app.info': method(none, appInfo),
  'app.setLanguage': method(z.object({ language }).strict(), z.object({ language })),
  'demo.reset': method(z.object({ confirm: z.literal(true) }).strict(), z.object({ hamlets: z.number().int() })),
  'overview.get': method(none, overview),
  'map.get': method(none, mapData),
  'hamlets.list': method(z.object({ communeId: z.number().int().positive().optional() }).strict(), z.array(hamletRow)),
  'teams.list': method(none, z.array(teamRow)),
  'vehicles.list': method(none, z.array(vehicleRow)),
  'shiftTemplates.list': method(none, z.array(shiftTemplate)),
  /** Any table the user sees, as a workbook: the renderer sends it already in the user's language. */
  'export.table': method(
    z.object({
      fileName: z.string().trim().min(1).max(120).regex(/^[^\\/:*?"<>|]+$/, 'no path characters'),
      title: z.string().max(300),
      columns: z.array(z.object({ header: z.string().max(200), numeric: z.boolean() }).strict()).min(1).max(50),
      rows: z.array(z.array(cell).max(50)).max(100_000),
    }).strict().refine((t) => t.rows.reduce((n, r) => n + r.length, 0) <= MAX_TABLE_CELLS, {
      message: `at most ${MAX_TABLE_CELLS.toLocaleString('en')} cells in one table (the whole unmet list of a province is far less); export a filtered view`,
      path: ['rows'],
    }),
    fileDownload,
  ),
  'calendar.list': method(none, z.object({ campaign: campaign.nullable(), exceptions: z.array(calendarException) })),
} as const;
