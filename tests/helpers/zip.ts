/**
 * A tiny zip writer for hostile workbooks: entries deflated here or handed in already
 * compressed (a bomb's sheet is built by repeating one compressed chunk, never held expanded),
 * and a central directory that may lie about sizes.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Deflated (method 8) bytes and what they expand to. */
  compressed: Buffer;
  size: number;
  crc: number;
  /** The uncompressed size the headers declare (default: the true one). */
  declaredSize?: number;
}

export const deflated = (name: string, data: Buffer | string): ZipEntry => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, compressed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14); local.writeUInt32LE(e.compressed.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(0x0800, 8); dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16); dir.writeUInt32LE(e.compressed.length, 20); dir.writeUInt32LE(size, 24); dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.compressed);
    central.push(dir, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around the sheets that make a zip a workbook Excel and ExcelJS open. */
export function workbookParts(sheetNames: string[]): ZipEntry[] {
  const sheets = sheetNames.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const overrides = sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    deflated('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`),
    deflated('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`),
    deflated('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
  ];
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A1-style column name of a 0-based column. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One row's XML: text cells inline, numbers as values (ExcelJS needs the row and cell references). */
export const rowXml = (row: number, cells: Array<string | number>): string =>
  `<row r="${row}">${cells.map((v, c) => (typeof v === 'number'
    ? `<c r="${columnName(c)}${row}"><v>${v}</v></c>`
    : `<c r="${columnName(c)}${row}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;

/** A worksheet written out in full (small sheets). */
export const sheetXml = (rows: Array<Array<string | number>>): string => SHEET_HEAD + rows.map((r, i) => rowXml(i + 1, r)).join('') + SHEET_TAIL;

/**
 * A worksheet of `repeats` × `rowsPerChunk` copies of one row, compressed without ever being
 * expanded here: each chunk is deflated once and ends on a sync flush, so copies can be
 * concatenated into one valid stream (8 million rows: 200 MB of XML, a few hundred kB zipped).
 */
export function bombSheet(name: string, row: string, rowsPerChunk: number, repeats: number, declaredSize?: number): ZipEntry {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const head = Buffer.from(SHEET_HEAD);
  const chunk = Buffer.from(row.repeat(rowsPerChunk));
  const tail = Buffer.from(SHEET_TAIL);
  const packedChunk = deflateRawSync(chunk, sync);
  const compressed = Buffer.concat([deflateRawSync(head, sync), ...Array.from({ length: repeats }, () => packedChunk), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < repeats; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const size = head.length + chunk.length * repeats + tail.length;
  return { name, compressed, size, crc, declaredSize };
}
