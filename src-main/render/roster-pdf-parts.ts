import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { OfficialHeader, RosterDocument, RosterTotals, SignatureBlock } from '../core/roster';
import { countText } from '../core/roster';

/**
 * The parts every roster shares, drawn the way decree 30/2020/NĐ-CP lays out an
 * administrative document: the two header columns, the title, the signatures and
 * "Nơi nhận". Sizes in points.
 */

const MM = 72 / 25.4;
/** A4 with the decree's margins: left 30 mm, right 15 mm, top and bottom 20 mm. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: [30 * MM, 20 * MM, 15 * MM, 20 * MM] as [number, number, number, number],
};
export type Orientation = 'portrait' | 'landscape';
export const contentWidth = (o: Orientation): number =>
  (o === 'portrait' ? PAGE.width : PAGE.height) - PAGE.margins[0] - PAGE.margins[2];

const none = (): number => 0;
/** No borders, no padding: for layout tables. */
export const BARE: CustomTableLayout = {
  hLineWidth: none, vLineWidth: none, paddingLeft: none, paddingRight: none, paddingTop: none, paddingBottom: none,
};

/** Thin black grid with small padding: the data tables. */
export const GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A horizontal rule `length` long, centred in its cell as the text above it is (spacer columns
 * either side: an offset computed from the column's width missed the cell's own padding).
 */
function centredRule(width: number, length: number, marginTop: number): Content {
  const rule = Math.min(width, length);
  return {
    // Spacers of a 1 pt line: an empty text of the body's size made the header a line taller.
    columns: [
      { width: '*', text: '', fontSize: 1 },
      { width: rule, canvas: [{ type: 'line', x1: 0, y1: 0, x2: rule, y2: 0, lineWidth: 0.7 }] },
      { width: '*', text: '', fontSize: 1 },
    ],
    margin: [0, marginTop, 0, 0],
  };
}

/** Text with a rule under it exactly as long as the text (an auto-width, one-cell table). */
function underlinedToWidth(text: Content): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[text as TableCell]] },
        layout: { ...BARE, hLineWidth: (i: number) => (i === 1 ? 0.7 : 0), paddingBottom: () => 2 },
      },
      { width: '*', text: '' },
    ],
  };
}

/** Capitals in Noto Serif are about 0.68 em wide on average (bold); enough to size a rule or a line. */
const estimatedWidth = (text: string, size: number): number => text.length * 0.68 * size;

/** 12 pt, or smaller (down to 10.5 pt) so that a unit name keeps to one line; longer names wrap. */
const fitSize = (text: string, width: number): number =>
  Math.max(10.5, Math.min(12, Math.floor((width / estimatedWidth(text, 1)) * 2) / 2));

export function officialHeader(h: OfficialHeader, width: number, portrait: boolean): Content {
  const gap = 8;
  const leftWidth = Math.round(width * (portrait ? 0.43 : 0.4)) - gap;
  const rightWidth = width - leftWidth - gap;
  const unitSize = Math.min(fitSize(h.superiorUnit, leftWidth), fitSize(h.issuingUnit, leftWidth));
  // The rule under the issuing unit: a third to a half of the name's length.
  const unitRule = Math.min(leftWidth * 0.6, Math.max(50, estimatedWidth(h.issuingUnit, unitSize) * 0.4));
  return {
    table: {
      widths: [leftWidth, gap, rightWidth],
      body: [
        [{ text: h.superiorUnit, fontSize: unitSize }, '', { text: h.nationalTitle, fontSize: 12, bold: true }],
        [
          { stack: [{ text: h.issuingUnit, fontSize: unitSize, bold: true }, centredRule(leftWidth, unitRule, 2)] },
          '',
          underlinedToWidth({ text: h.motto, fontSize: 13, bold: true }),
        ],
        [
          { text: h.documentNumber, fontSize: 13, margin: [0, 5, 0, 0] },
          '',
          { text: h.placeDate, fontSize: 13, italics: true, margin: [0, 5, 0, 0] },
        ],
      ],
    },
    layout: BARE,
    alignment: 'center',
  };
}

export function titleBlock(doc: RosterDocument): Content {
  return {
    stack: [
      ...doc.title.map((line, i): Content => ({ text: line, bold: true, fontSize: i === 0 ? 14 : 13 })),
      { text: doc.subtitle, italics: true, fontSize: 13, margin: [0, 2, 0, 0] },
    ],
    alignment: 'center',
    lineHeight: 1,
    margin: [0, 8, 0, 6],
  };
}

export function emptyNote(text: string): Content {
  return { text, alignment: 'center', bold: true, italics: true, fontSize: 13, margin: [0, 24, 0, 24] };
}

function signature(block: SignatureBlock): Content {
  return {
    stack: [
      { text: block.title, bold: true, fontSize: 13 },
      // Room to sign (and stamp) by hand.
      { text: block.name || ' ', bold: true, fontSize: 13, margin: [0, 46, 0, 0] },
    ],
    alignment: 'center',
  };
}

function recipients(doc: RosterDocument): Content {
  if (doc.recipients.length === 0) return { text: '' };
  return {
    stack: [
      { text: doc.recipientsLabel, bold: true, italics: true, fontSize: 12 },
      ...doc.recipients.map((r): Content => ({ text: `- ${r}`, fontSize: 11 })),
    ],
    lineHeight: 1,
  };
}

/**
 * Signatures at the end, under `aside` (a landscape roster's list of officers) when there is
 * one; "Nơi nhận" in small type at the bottom left. Never split across pages.
 */
export function closingBlock(doc: RosterDocument, portrait: boolean, aside?: Content): Content {
  const { left, right } = doc.signatures;
  let body: Content;
  if (!left) {
    body = { columns: [{ width: '*', ...asStack(recipients(doc)) }, { width: '50%', ...asStack(signature(right)) }] };
  } else if (portrait) {
    body = {
      stack: [
        { columns: [{ width: '50%', ...asStack(signature(left)) }, { width: '50%', ...asStack(signature(right)) }] },
        { ...asStack(recipients(doc)), margin: [0, 16, 0, 0] },
      ],
    };
  } else {
    body = {
      columns: [
        { width: '34%', ...asStack(recipients(doc)) },
        { width: '33%', ...asStack(signature(left)) },
        { width: '33%', ...asStack(signature(right)) },
      ],
    };
  }
  const closing: Content = { stack: [body], unbreakable: true, margin: [0, 8, 0, 0] };
  return aside ? { stack: [aside, closing] } : closing;
}

function asStack(content: Content): { stack: Content[] } {
  return { stack: [content] };
}

/** Header cells: bold, centred, vertically in the middle of a two-row header. */
export const th = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, bold: true, alignment: 'center', ...extra }) as TableCell;

export const num = (n: number): TableCell => ({ text: n === 0 ? '' : countText(n), alignment: 'right' });

export const totalsCells = (t: RosterTotals): TableCell[] => [
  { text: countText(t.quota.cccd), alignment: 'right', bold: true },
  { text: countText(t.quota.eid), alignment: 'right', bold: true },
  { text: countText(t.homeVisits.cccd), alignment: 'right', bold: true },
  { text: countText(t.homeVisits.eid), alignment: 'right', bold: true },
];
