/**
 * The bad files of the import fuzz (import-fuzz.test.ts): per list, its own example sheet broken
 * one way at a time (headers, types, numbers, references, duplicates, formulas, text), written
 * as CSV or xlsx at random; then files that are not what their name says, legacy encodings,
 * sizes at and over the limits, and zip bombs.
 */
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ListName } from '../../src-main/api/contract';
import { examplesSheet, LISTS, LIST_NAMES, type AnyListSpec } from '../../src-main/core/register';
import type { Rng } from '../../src-main/core/rng';
import { MAX_FILE_BYTES } from '../../src-main/io/read';
import { bombSheet, deflated, rowXml, sheetXml, workbookParts, zip, type ZipEntry } from '../helpers/zip';

export type Cell = string | number | boolean | null;
export interface FileCase {
  name: string;
  list: ListName;
  fileName: string;
  bytes: Buffer;
  /** When the outcome is certain; otherwise either is fine, as long as it is clean. */
  expect?: 'rejected' | 'accepted';
}

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const plainCell = (c: unknown): Cell => (c && typeof c === 'object' && 'date' in c ? dmy(String((c as { date: string }).date)) : (c as Cell));

/** The list's own example sheet (headers and valid rows), cells as a person types them. */
function exampleTable(spec: AnyListSpec): { headers: string[]; rows: Cell[][] } {
  const sheet = examplesSheet(spec);
  return { headers: sheet.headers.map(String), rows: sheet.rows.map((r) => r.map(plainCell)) };
}

const csvCell = (c: Cell, sep: string): string => {
  const s = c === null ? '' : String(c);
  return /[",;\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvText = (rows: Cell[][], sep = ','): string => rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n') + '\r\n';

/** Cells starting with "=" become real formulas (with a cached result), as Excel saves them. */
async function xlsxOf(sheetName: string, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' && /^=[A-Z]/.test(c) ? { formula: c.slice(1), result: 3 } : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const columnsOf = (spec: AnyListSpec, headers: string[], kinds: string[]): number[] =>
  headers.map((h, i) => ({ i, f: spec.fields.find((f) => f.header.vi === h) })).filter((x) => x.f && kinds.includes(x.f.kind)).map((x) => x.i);

type Table = { headers: string[]; rows: Cell[][] };
type Mutation = { name: string; expect?: FileCase['expect']; apply: (t: Table, spec: AnyListSpec, rng: Rng) => Cell[][] | null };

const GARBAGE: Cell[] = [
  '', ' ', 'mười lăm', '1e400', '-0', 'NaN', 'Infinity', 1e308, -1e308, 2 ** 53 + 2, -5, 2.5, 0, '0x1F', '1.234.567,89', '99/99/9999',
  '=1+1', '+cmd|/C calc!A0', '@SUM(1)', '-2+3', 'x'.repeat(5000), '\u202E', '😀', "'", '"', ';', '\u00a0', true, false, null, '2022-02-30',
];

const setCell = (t: Table, col: number | undefined, value: Cell, row = 0): Cell[][] | null => {
  if (col === undefined || col < 0) return null;
  return [t.headers, ...t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : r))];
};
const pickCol = (rng: Rng, cols: number[]): number | undefined => cols[rng.int(cols.length)];

const MUTATIONS: Mutation[] = [
  { name: 'as-is', apply: (t) => [t.headers, ...t.rows] },
  {
    name: 'headers-of-another-list', expect: 'rejected',
    apply: (t, spec) => {
      const other = LISTS[LIST_NAMES[(LIST_NAMES.indexOf(spec.name) + 4) % LIST_NAMES.length]!];
      return [exampleTable(other).headers, ...t.rows];
    },
  },
  { name: 'missing-first-column', apply: (t) => [t.headers.slice(1), ...t.rows.map((r) => r.slice(1))] },
  { name: 'duplicate-column', expect: 'rejected', apply: (t) => [[...t.headers, t.headers[0]!], ...t.rows.map((r) => [...r, r[0] ?? null])] },
  { name: 'no-header-row', expect: 'rejected', apply: (t) => t.rows },
  { name: 'header-only', expect: 'rejected', apply: (t) => [t.headers] },
  { name: 'empty', expect: 'rejected', apply: () => [] },
  { name: 'text-in-number', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['int', 'decimal'])), 'mười lăm') },
  { name: 'huge-number', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['int', 'decimal'])), 1e20) },
  { name: 'negative-number', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['int'])), -5) },
  { name: 'fraction-in-integer', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['int'])), 2.5) },
  { name: 'unknown-reference', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['ref'])), 'Nơi không có thật 999') },
  { name: 'bad-date', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['date'])), '31/02/2022') },
  { name: 'bad-choice', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['choice'])), 'Tàu ngầm') },
  { name: 'very-long-text', expect: 'rejected', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['text'])), 'x'.repeat(20_000)) },
  { name: 'formula-text', apply: (t, s, rng) => setCell(t, pickCol(rng, columnsOf(s, t.headers, ['text'])), '=HYPERLINK("http://evil.example","Bấm")') },
  { name: 'duplicate-rows', expect: 'rejected', apply: (t) => [t.headers, ...t.rows, ...t.rows] },
  { name: 'duplicate-key-other-values', expect: 'rejected', apply: (t) => [t.headers, ...t.rows, t.rows[t.rows.length - 1]!.map((c, i) => (i === t.headers.length - 1 && typeof c === 'string' ? `${c} (2)` : c))] },
  {
    name: 'negative-backlog', expect: 'rejected',
    apply: (t) => setCell(t, t.headers.findIndex((h) => /còn phải/.test(h)), -120),
  },
  { name: 'unknown-extra-column', apply: (t) => [[...t.headers, 'Cột lạ'], ...t.rows.map((r) => [...r, 'ghi chú'])] },
  { name: 'title-rows-above', apply: (t) => [['DANH SÁCH'], [], t.headers, ...t.rows] },
  {
    name: 'random-garbage-cells',
    apply: (t, _s, rng) => [t.headers, ...t.rows.map((r) => r.map((c) => (rng.int(3) === 0 ? GARBAGE[rng.int(GARBAGE.length)]! : c)))],
  },
  {
    name: 'random-garbage-cells-again',
    apply: (t, _s, rng) => [t.headers, ...t.rows.map((r) => r.map((c) => (rng.int(2) === 0 ? GARBAGE[rng.int(GARBAGE.length)]! : c)))],
  },
  {
    name: 'ragged-rows',
    apply: (t, _s, rng) => [t.headers, ...t.rows.map((r) => r.slice(0, rng.int(r.length + 1))), Array.from({ length: t.headers.length + 5 }, () => GARBAGE[rng.int(GARBAGE.length)]!)],
  },
  {
    name: 'shuffled-columns',
    apply: (t, _s, rng) => {
      const order = t.headers.map((_, i) => i).sort(() => rng.next() - 0.5);
      return [order.map((i) => t.headers[i]!), ...t.rows.map((r) => order.map((i) => r[i] ?? null))];
    },
  },
];

async function listFiles(rng: Rng): Promise<FileCase[]> {
  const files: FileCase[] = [];
  for (const list of LIST_NAMES) {
    const spec = LISTS[list];
    const table = exampleTable(spec);
    for (const m of MUTATIONS) {
      const rows = m.apply(table, spec, rng);
      if (!rows) continue;
      const asXlsx = rng.int(2) === 0;
      const fileName = `${list}-${m.name}.${asXlsx ? 'xlsx' : 'csv'}`;
      // An empty xlsx still has a sheet; a CSV with nothing in it is zero bytes.
      const bytes = asXlsx ? await xlsxOf(spec.sheet.vi, rows) : Buffer.from(csvText(rows, rng.int(2) ? ',' : ';'), 'utf8');
      files.push({ name: fileName, list, fileName, bytes, expect: m.expect });
    }
  }
  return files;
}

/** "Mã thôn,Xã,Tên thôn" in TCVN3 (ABC): Vietnamese letters in bytes 0x80-0xFF that are not UTF-8. */
const TCVN3 = Buffer.from([0x4d, 0xb8, 0x20, 0x74, 0x68, 0xab, 0x6e, 0x2c, 0x58, 0xb8, 0x2c, 0x54, 0xd5, 0x6e, 0x20, 0x74, 0x68, 0xab, 0x6e, 0x0d, 0x0a]);
const WINDOWS_1258 = Buffer.from([0x4d, 0xe3, 0x20, 0x74, 0x68, 0xf4, 0x6e, 0x2c, 0x58, 0xe3, 0x2c, 0x54, 0xea, 0x6e, 0x20, 0x74, 0x68, 0xf4, 0x6e, 0x0d, 0x0a]);

function workbookWith(sheets: ZipEntry[], extra: ZipEntry[] = []): Buffer {
  return zip([...workbookParts(sheets.map((_, i) => `Trang ${i + 1}`)), ...sheets, ...extra]);
}

/** Shared strings: one long text, referenced by every cell of a large sheet. */
function sharedStringsBomb(rows: number, cols: number): Buffer {
  const header = exampleTable(LISTS.hamlets).headers;
  const long = 'Thôn '.repeat(6_000);
  const strings = deflated('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${long}</t></si></sst>`);
  const cells = Array.from({ length: cols }, (_, c) => c);
  const row = (r: number): string => `<row r="${r}">${cells.map((c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>0</v></c>`).join('')}</row>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, header)}${Array.from({ length: rows }, (_, i) => row(i + 2)).join('')}</sheetData></worksheet>`;
  return workbookWith([deflated('xl/worksheets/sheet1.xml', xml)], [strings]);
}

async function specialFiles(rng: Rng): Promise<FileCase[]> {
  const hamlets = exampleTable(LISTS.hamlets);
  const good = await xlsxOf('Thôn bản', [hamlets.headers, ...hamlets.rows]);
  const goodCsv = csvText([hamlets.headers, ...hamlets.rows]);
  const corrupt = Buffer.from(good);
  for (let i = 200; i < corrupt.length - 200; i += 97) corrupt[i] = corrupt[i]! ^ 0x5a;
  const row = rowXml(2, [1]);
  const f = (name: string, bytes: Buffer, expect?: FileCase['expect'], list: ListName = 'hamlets'): FileCase => ({ name, list, fileName: name, bytes, expect });
  const random = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(256)));
  return [
    f('png-named.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random(3000)]), 'rejected'),
    f('pdf-named.csv', Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'), 'rejected'),
    f('random-bytes.xlsx', random(4096), 'rejected'),
    f('random-bytes-after-zip-magic.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), random(4096)]), 'rejected'),
    f('plain-zip.xlsx', zip([deflated('readme.txt', 'hello')]), 'rejected'),
    f('zip-content-types-only.xlsx', zip([deflated('[Content_Types].xml', '<Types/>')]), 'rejected'),
    f('zip-empty.xlsx', zip([]), 'rejected'),
    f('xlsx-cut-in-half.xlsx', good.subarray(0, Math.floor(good.length / 2)), 'rejected'),
    f('xlsx-bytes-flipped.xlsx', corrupt, 'rejected'),
    f('old-xls.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), 'rejected'),
    f('windows-1258.csv', WINDOWS_1258, 'rejected'),
    f('tcvn3.csv', TCVN3, 'rejected'),
    f('nul-bytes.csv', Buffer.from(`${hamlets.headers.join(',')}\r\nabc\u0000def\r\n`), 'rejected'),
    f('bom-utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodCsv)])),
    f('utf16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodCsv, 'utf16le')])),
    f('utf16be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(goodCsv, 'utf16le').swap16()])),
    f('only-whitespace.csv', Buffer.from(' \r\n\t\r\n'), 'rejected'),
    f('50-mb.csv', Buffer.alloc(50 * 1024 * 1024, 0x41), 'rejected'),
    f('limit-plus-one-byte.csv', Buffer.alloc(MAX_FILE_BYTES + 1, 0x41), 'rejected'),
    f('19-mb-of-line-breaks.csv', Buffer.concat([Buffer.from(`${hamlets.headers.join(',')}\n`), Buffer.alloc(19 * 1024 * 1024, 0x0a)]), 'rejected'),
    f('19-mb-one-wide-line.csv', Buffer.concat([Buffer.from(`${hamlets.headers.join(',')}\r\n`), Buffer.alloc(19 * 1024 * 1024, 0x2c)]), 'rejected'),
    f('60000-rows.csv', Buffer.from(`${hamlets.headers.join(',')}\r\n${'A,B,C\r\n'.repeat(60_000)}`), 'rejected'),
    // Zip bombs: the finding was a 0.5 MB xlsx expanding to 8 million rows (70 s, 3.1 GB, and read again by confirm).
    f('bomb-8-million-rows.xlsx', workbookWith([bombSheet('xl/worksheets/sheet1.xml', row, 10_000, 800)]), 'rejected'),
    f('bomb-8-million-rows-size-lied.xlsx', workbookWith([bombSheet('xl/worksheets/sheet1.xml', row, 10_000, 800, 4_000)]), 'rejected'),
    f('bomb-2.4-million-rows-under-size-limit.xlsx', workbookWith([bombSheet('xl/worksheets/sheet1.xml', row, 10_000, 240)]), 'rejected'),
    f('bomb-60000-rows.xlsx', workbookWith([bombSheet('xl/worksheets/sheet1.xml', row, 10_000, 6)]), 'rejected'),
    f('bomb-hidden-sheet-name.xlsx', workbookWith([bombSheet('zz/xl/worksheets/sheet1.xml', row, 10_000, 240)]), 'rejected'),
    f('bomb-200-sheets.xlsx', workbookWith(Array.from({ length: 200 }, (_, i) => bombSheet(`xl/worksheets/sheet${i + 1}.xml`, row, 1_000, 1))), 'rejected'),
    f('bomb-wide-cells.xlsx', workbookWith([bombSheet('xl/worksheets/sheet1.xml', `<row r="2">${'<c r="A2"><v>1</v></c>'.repeat(1_000)}</row>`, 100, 20)]), 'rejected'),
    f('bomb-shared-strings.xlsx', sharedStringsBomb(20_000, 19), 'rejected'),
    f('bomb-crc-wrong.xlsx', workbookWith([{ ...bombSheet('xl/worksheets/sheet1.xml', row, 10_000, 6), crc: crc32('x') }]), 'rejected'),
    f('xlsx-inline-strings.xlsx', workbookWith([deflated('xl/worksheets/sheet1.xml', sheetXml([hamlets.headers, ...hamlets.rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'boolean' ? String(c) : c)))]))])),
  ];
}

export async function badFiles(rng: Rng): Promise<FileCase[]> {
  return [...(await listFiles(rng)), ...(await specialFiles(rng))];
}
