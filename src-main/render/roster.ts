import type { RosterBundle } from '../core/roster';
import { rosterToPdf, type PdfOrientation } from './roster-pdf';
import { rosterToXlsx } from './roster-xlsx';

export type RosterFormat = 'pdf' | 'xlsx';

export const ROSTER_MIME: Record<RosterFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedRoster {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** The one path from roster data to a file, shared by the app (roster.export) and the CLI. */
export async function renderRoster(bundle: RosterBundle, format: RosterFormat, orientation: PdfOrientation = 'auto'): Promise<RenderedRoster> {
  const bytes = format === 'pdf' ? await rosterToPdf(bundle, orientation) : await rosterToXlsx(bundle, orientation);
  return { fileName: `${bundle.fileStem}.${format}`, mimeType: ROSTER_MIME[format], bytes };
}
