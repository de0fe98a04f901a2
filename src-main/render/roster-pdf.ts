import { resolve, sep } from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RosterBundle, RosterDocument } from '../core/roster';
import { EMPTY_TEAM_NOTE } from '../core/roster';
import { fontsDir, SERIF, serifFontFiles } from './fonts';
import {
  closingBlock, contentWidth, emptyNote, officialHeader, PAGE, titleBlock, type Orientation,
} from './roster-pdf-parts';
import { communeTable, crewLegend, teamTable } from './roster-tables';

/**
 * The one way rosters become PDF, for the app and the CLI alike: pdfmake 0.3's Node API
 * with the embedded serif font, A4 with the decree's margins, one section per document
 * (each starts on a new page and numbers its own pages).
 */

// pdfmake's CommonJS export is an instance whose methods live on its prototype: take the
// module object itself, not a copy of its own properties.
const pdfmake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule);

export type PdfOrientation = Orientation | 'auto';

/** Commune rosters are wide tables (landscape); a team's schedule reads down the page (portrait). */
export const orientationFor = (doc: RosterDocument | undefined, wanted: PdfOrientation): Orientation =>
  wanted !== 'auto' ? wanted : doc?.kind === 'team' ? 'portrait' : 'landscape';

/**
 * Page numbers per document: top centre, in the top margin, not on its first page
 * (decree 30/2020). Headers are laid out page by page in order, so the first page this
 * section's header sees is the section's first page.
 */
function pageNumbers(): DynamicContent {
  let first: number | null = null;
  return (currentPage) => {
    first = first === null ? currentPage : Math.min(first, currentPage);
    const n = currentPage - first + 1;
    return n > 1 ? { text: String(n), alignment: 'center', fontSize: 13, margin: [0, 30, 0, 0] } : null;
  };
}

function documentContent(doc: RosterDocument, orientation: Orientation): Content[] {
  const portrait = orientation === 'portrait';
  const width = contentWidth(orientation);
  const parts: Content[] = [officialHeader(doc.header, width, portrait), titleBlock(doc)];
  if (doc.kind === 'team' && doc.members.length > 0) {
    parts.push({
      stack: [{ text: 'Thành phần tổ công tác:', bold: true }, ...doc.members.map((m): Content => ({ text: `- ${m}` }))],
      fontSize: 12,
      margin: [0, 0, 0, 8],
    });
  }
  const aside = doc.kind === 'commune' && !portrait && doc.rows.length > 0 ? crewLegend(doc) : undefined;
  const closing = closingBlock(doc, portrait, aside);
  if (doc.emptyNote) parts.push(emptyNote(doc.emptyNote), closing);
  else parts.push(doc.kind === 'commune' ? communeTable(doc, portrait, closing) : teamTable(doc, portrait, closing));
  return parts;
}

export function rosterDocDefinition(bundle: RosterBundle, wanted: PdfOrientation = 'auto'): TDocumentDefinitions {
  const sections: Content[] = bundle.documents.map((doc) => {
    const orientation = orientationFor(doc, wanted);
    return { section: documentContent(doc, orientation), pageOrientation: orientation, pageMargins: PAGE.margins, header: pageNumbers() };
  });
  const nothing: Content = {
    stack: [
      { text: `Tuần ${bundle.week.code}: ${bundle.plan.name}`, bold: true },
      emptyNote(EMPTY_TEAM_NOTE),
    ],
    alignment: 'center',
  };
  return {
    pageSize: 'A4',
    pageOrientation: orientationFor(bundle.documents[0], wanted),
    pageMargins: PAGE.margins,
    content: sections.length ? sections : [nothing],
    defaultStyle: { font: SERIF, fontSize: 13, lineHeight: 1.1 },
    info: {
      title: bundle.documents.length === 1 ? bundle.documents[0]!.title.join(' ') : bundle.fileStem,
      author: 'Lưu Động',
      subject: `${bundle.plan.name} (${bundle.week.code})`,
      creator: 'Lưu Động',
    },
  };
}

/** Renders the bundle; the font files are the only local files pdfmake may read, and no URL. */
export async function rosterToPdf(bundle: RosterBundle, wanted: PdfOrientation = 'auto'): Promise<Buffer> {
  const dir = fontsDir();
  pdfmake.setFonts({ [SERIF]: serifFontFiles(dir) });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(dir + sep));
  return pdfmake.createPdf(rosterDocDefinition(bundle, wanted)).getBuffer();
}
