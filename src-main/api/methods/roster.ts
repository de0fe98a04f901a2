import { z } from 'zod';
import { id, isoDate } from '../../core/model';
import {
  rosterBundle, rosterCommuneSettings, rosterGeneralSettings, rosterOptions, rosterScope, rosterSettings, isoWeekCode,
} from '../../core/roster';
import { fileDownload } from './core';
import { method, none } from './method';

export type {
  CommuneRoster, CommuneRow, OfficialHeader, RosterBundle, RosterCommuneSettings, RosterDocument, RosterGeneralSettings,
  RosterOptions, RosterScope, RosterSettings, SignatureBlock, TeamSchedule, TeamShift, TeamStop,
} from '../../core/roster';

export const ROSTER_FORMATS = ['pdf', 'xlsx'] as const;
export const ROSTER_ORIENTATIONS = ['auto', 'portrait', 'landscape'] as const;

/** Which documents: one plan, one week (Mon-Sun), a commune, a team, or all of them. */
export const rosterQuery = z
  .object({
    planId: id,
    week: isoWeekCode,
    scope: rosterScope,
    issuedOn: isoDate.optional(),
  })
  .strict();
export type RosterQuery = z.infer<typeof rosterQuery>;

export const rosterMethods = {
  /** Weeks of the plan that have visits, and the communes and teams to choose from. */
  'roster.options': method(z.object({ planId: id }).strict(), rosterOptions),
  /** The documents as data, for the on-screen preview. */
  'roster.preview': method(rosterQuery, rosterBundle),
  /** The same documents as a PDF (A4) or a workbook, to save or print. */
  'roster.export': method(
    rosterQuery.extend({ format: z.enum(ROSTER_FORMATS), orientation: z.enum(ROSTER_ORIENTATIONS).default('auto') }).strict(),
    fileDownload,
  ),
  'roster.settings.get': method(none, rosterSettings),
  /** Saves the district-wide fields and/or some communes' fields; returns the settings now in force. */
  'roster.settings.set': method(
    z
      .object({
        general: rosterGeneralSettings.strict().optional(),
        communes: z.array(rosterCommuneSettings.strict()).max(500).optional(),
      })
      .strict(),
    rosterSettings,
  ),
} as const;
