import { inflateRawSync } from 'node:zlib';
import type { Problem } from '../core/register';
import { MAX_ROWS } from '../core/register';

/**
 * A workbook is a zip: half a megabyte can expand to gigabytes of sheet XML (8 million rows
 * took 70 s and 3.1 GB to preview). Before a parser builds anything, its sizes are checked
 * against the central directory, each entry is inflated under a hard output cap (a size the
 * directory understates is caught, never trusted), and the rows of each worksheet are counted
 * in the raw XML. The parser then only ever sees a workbook of bounded size.
 */

/** Sheet XML, shared strings, styles ... together: a 50,000-row list of 19 columns is about 40 MB. */
export const MAX_EXPANDED_BYTES = 96 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
/** Title and header rows above the data, and a side sheet or two, besides the list's rows. */
const ROW_SLACK = 100;
/** Rows with cells, in one worksheet and in all of them. */
export const MAX_SHEET_ROWS = MAX_ROWS + ROW_SLACK;
export const MAX_WORKBOOK_ROWS = 2 * MAX_ROWS;
/** Empty rows too (a styled but empty row is a <row/> of its own). */
export const MAX_ROW_ELEMENTS = 4 * MAX_ROWS;
/** Cells in all sheets: the widest list (19 columns) and a few notes, 50,000 times; ExcelJS reads about 200,000 a second. */
export const MAX_WORKBOOK_CELLS = 1_500_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable: Problem = { key: 'unreadableXlsx' };
const tooLarge = (): Problem => ({ key: 'tooLargeExpanded', params: { maxMb: MAX_EXPANDED_BYTES / 1024 / 1024 } });
const tooManyRows = (rows: number): Problem => ({ key: 'tooManyRows', params: { rows, max: MAX_ROWS } });

function findEndOfDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

function centralDirectory(bytes: Buffer): Entry[] | Problem {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return unreadable;
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // Zip64 (counts or offsets that do not fit 16/32 bits): no workbook of a size we accept needs it.
  if (count === 0xffff || offset === 0xffffffff) return tooLarge();
  if (count > MAX_ZIP_ENTRIES) return tooLarge();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return unreadable;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, Math.min(bytes.length, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes as stored, from its local header. */
function storedBytes(bytes: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The entry inflated, never beyond the size the directory gives it, or why not. */
function inflated(bytes: Buffer, entry: Entry): Buffer | 'tooLarge' | 'unreadable' {
  const stored = storedBytes(bytes, entry);
  if (!stored) return 'unreadable';
  if (entry.method === 0) return stored.length === entry.size ? stored : 'unreadable';
  if (entry.method !== 8) return 'unreadable';
  try {
    // One byte of headroom: an entry that fills it expands beyond what the directory declared (a bomb that lies).
    const out = inflateRawSync(stored, { maxOutputLength: entry.size + 1 });
    if (out.length > entry.size) return 'tooLarge';
    return out.length === entry.size ? out : 'unreadable';
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'tooLarge' : 'unreadable';
  }
}

const ROW_TAG = Buffer.from('<row');
const CELL_TAG = Buffer.from('<c');
const isTagEnd = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** Occurrences of an element's opening tag (`<row` but not `<rowBreaks`), and how many are not empty (`<row .../>`). */
function countTags(xml: Buffer, tag: Buffer): { elements: number; withContent: number } {
  let elements = 0;
  let withContent = 0;
  for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + tag.length)) {
    if (!isTagEnd(xml[at + tag.length])) continue;
    elements++;
    const close = xml.indexOf(0x3e, at);
    if (close > 0 && xml[close - 1] !== 0x2f) withContent++;
  }
  return { elements, withContent };
}

/** Rows of a worksheet's XML (all <row> elements, and those not empty) and its cells. */
export function countRows(xml: Buffer): { elements: number; withContent: number; cells: number } {
  return { ...countTags(xml, ROW_TAG), cells: countTags(xml, CELL_TAG).elements };
}

/** Null when the workbook may be parsed; otherwise the file-level problem to report. */
export function checkWorkbookZip(bytes: Buffer): Problem | null {
  const entries = centralDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  let declared = 0;
  for (const entry of entries) {
    // Encrypted entries: Excel's own protection is an OLE2 file, not a zip; this is not a workbook we can read.
    if (entry.flags & 0x1) return unreadable;
    declared += entry.size;
    if (entry.size === 0xffffffff || declared > MAX_EXPANDED_BYTES) return tooLarge();
  }
  let workbookRows = 0;
  let workbookCells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    const xml = inflated(bytes, entry);
    if (xml === 'tooLarge') return tooLarge();
    if (xml === 'unreadable') return unreadable;
    // Every entry is counted, whatever its name: ExcelJS takes any name containing xl/worksheets/sheetN.xml for a sheet.
    const rows = countRows(xml);
    workbookRows += rows.withContent;
    workbookCells += rows.cells;
    if (rows.elements > MAX_ROW_ELEMENTS) return tooManyRows(rows.elements);
    if (workbookCells > MAX_WORKBOOK_CELLS) return { key: 'tooManyCells', params: { cells: workbookCells, max: MAX_WORKBOOK_CELLS } };
    if (rows.withContent > MAX_SHEET_ROWS) return tooManyRows(rows.withContent);
    if (workbookRows > MAX_WORKBOOK_ROWS) return tooManyRows(workbookRows);
  }
  return null;
}
