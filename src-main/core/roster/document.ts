import { z } from 'zod';
import { id, isoDate, perService, planStatus } from '../model';
import { isoWeekCode } from './wording';

/**
 * A printed roster as plain data: every word and number that goes on paper, already
 * written the Vietnamese way. The PDF, the workbook and the on-screen preview all draw
 * this one object, so they cannot disagree.
 */

/** The two header columns of an official document (decree 30/2020/NĐ-CP). */
export const officialHeader = z.object({
  /** Superior unit, capitals: CÔNG AN HUYỆN THƯỜNG XUÂN. */
  superiorUnit: z.string(),
  /** Issuing unit, bold capitals: CÔNG AN XÃ XUÂN CAO. */
  issuingUnit: z.string(),
  /** "Số:      /LT-CAX" (the number is often written in by hand). */
  documentNumber: z.string(),
  nationalTitle: z.string(),
  motto: z.string(),
  /** Italic: "Xuân Cao, ngày 25 tháng 11 năm 2022". */
  placeDate: z.string(),
});
export type OfficialHeader = z.infer<typeof officialHeader>;

export const signatureBlock = z.object({
  /** Bold capitals: TRƯỞNG CÔNG AN XÃ. */
  title: z.string(),
  /** Bold full name; empty leaves the line to be written by hand. */
  name: z.string(),
});
export type SignatureBlock = z.infer<typeof signatureBlock>;

/** One hamlet visit on a commune's roster. */
export const communeRow = z.object({
  date: isoDate,
  weekday: z.string(),
  dateText: z.string(),
  shiftLabel: z.string(),
  /** The shift's hours: 18:00 - 22:00. */
  shiftHours: z.string(),
  /** When the team is at the hamlet: arrival to end of work. */
  atHamlet: z.string(),
  hamletName: z.string(),
  venue: z.string(),
  contact: z.string(),
  teamName: z.string(),
  /** Rank and name: "Đại úy Trần Trung Hiếu". */
  officers: z.array(z.string()),
  /** Name and plate: "Ô tô 7 chỗ số 1 (36A-919.90)". */
  vehicles: z.array(z.string()),
  /** For a one-line row: the vehicles by code (the plate), the venue without its hamlet's name, the team without "Tổ công tác". */
  vehicleCodes: z.array(z.string()).optional(),
  venueShort: z.string().optional(),
  teamShort: z.string().optional(),
  quota: perService,
  homeVisits: perService,
  /** The stored visit (plans kept in the database); the Excel roster carries it so filled results come back to it. */
  visitId: id.nullable().optional(),
  hamletId: id.optional(),
});
export type CommuneRow = z.infer<typeof communeRow>;

export const rosterTotals = z.object({
  /** Hamlet visits (rows). */
  visits: z.number().int(),
  /** Team shifts (routes) that touch this commune / of this team. */
  shifts: z.number().int(),
  /** Different hamlets visited. */
  hamlets: z.number().int(),
  quota: perService,
  homeVisits: perService,
});
export type RosterTotals = z.infer<typeof rosterTotals>;

const documentBase = z.object({
  /** ASCII name for files: lich-truc_2022-W48_15631_xa-xuan-cao. */
  fileStem: z.string(),
  header: officialHeader,
  /** Bold capital lines of the title. */
  title: z.array(z.string()),
  /** The line under the title: what the document covers. */
  subtitle: z.string(),
  totals: rosterTotals,
  /** Printed instead of the table when nothing is planned. */
  emptyNote: z.string().nullable(),
  recipientsLabel: z.string(),
  recipients: z.array(z.string()),
  signatures: z.object({ left: signatureBlock.nullable(), right: signatureBlock }),
});

export const communeRoster = documentBase.extend({
  kind: z.literal('commune'),
  communeId: id,
  communeCode: z.string(),
  communeName: z.string(),
  rows: z.array(communeRow),
  /** Each team of the week once, with its officers (what the one-line rows leave out). */
  crew: z.array(z.object({ team: z.string(), officers: z.array(z.string()) })).optional(),
});
export type CommuneRoster = z.infer<typeof communeRoster>;

export const teamStop = z.object({
  arriveTime: z.string(),
  /** Working hours at the venue: 18:55 - 21:30. */
  workHours: z.string(),
  hamletName: z.string(),
  communeName: z.string(),
  venue: z.string(),
  contact: z.string(),
  quota: perService,
  homeVisits: perService,
});
export type TeamStop = z.infer<typeof teamStop>;

export const teamShift = z.object({
  date: isoDate,
  weekday: z.string(),
  dateText: z.string(),
  shiftLabel: z.string(),
  shiftHours: z.string(),
  baseName: z.string(),
  departTime: z.string(),
  returnTime: z.string(),
  vehicles: z.array(z.string()),
  /** Kilometres of road, one decimal. */
  distanceKm: z.number(),
  stops: z.array(teamStop),
});
export type TeamShift = z.infer<typeof teamShift>;

export const teamSchedule = documentBase.extend({
  kind: z.literal('team'),
  teamId: id,
  teamCode: z.string(),
  teamName: z.string(),
  /** "Đại úy Trần Trung Hiếu, Tổ trưởng, 0911 803 099". */
  members: z.array(z.string()),
  shifts: z.array(teamShift),
});
export type TeamSchedule = z.infer<typeof teamSchedule>;

export const rosterDocument = z.discriminatedUnion('kind', [communeRoster, teamSchedule]);
export type RosterDocument = z.infer<typeof rosterDocument>;

export const ROSTER_SCOPE_KINDS = ['commune', 'team', 'allCommunes', 'allTeams'] as const;
export const rosterScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune'), communeId: id }).strict(),
  z.object({ kind: z.literal('team'), teamId: id }).strict(),
  z.object({ kind: z.literal('allCommunes') }).strict(),
  z.object({ kind: z.literal('allTeams') }).strict(),
]);
export type RosterScope = z.infer<typeof rosterScope>;

export const rosterRequest = z.object({
  week: isoWeekCode,
  scope: rosterScope,
  /** The date in the header; defaults to the Friday before the week. */
  issuedOn: isoDate.optional(),
});
export type RosterRequest = z.infer<typeof rosterRequest>;

export const rosterBundle = z.object({
  plan: z.object({ id, name: z.string(), status: planStatus }),
  week: z.object({ code: isoWeekCode, from: isoDate, to: isoDate }),
  issuedOn: isoDate,
  scope: rosterScope,
  /** A name for the file holding every document. */
  fileStem: z.string(),
  documents: z.array(rosterDocument),
});
export type RosterBundle = z.infer<typeof rosterBundle>;

export const rosterWeekOption = z.object({
  code: isoWeekCode,
  from: isoDate,
  to: isoDate,
  shifts: z.number().int(),
  visits: z.number().int(),
});
export const rosterOptions = z.object({
  weeks: z.array(rosterWeekOption),
  communes: z.array(z.object({ id, code: z.string(), name: z.string(), visitsByWeek: z.record(z.string(), z.number().int()) })),
  teams: z.array(z.object({ id, code: z.string(), name: z.string(), shiftsByWeek: z.record(z.string(), z.number().int()) })),
});
export type RosterOptions = z.infer<typeof rosterOptions>;
