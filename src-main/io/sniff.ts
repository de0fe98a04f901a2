import type { Problem } from '../core/register';

export type Sniffed = { format: 'xlsx' } | { format: 'csv'; text: string } | { problem: Problem };

const startsWith = (bytes: Buffer, signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * What a file really is, from its bytes, not its name: a .xlsx is a zip ("PK\x03\x04"); an
 * old .xls or an encrypted workbook is an OLE2 file; anything else must be text to be a CSV.
 */
export function sniff(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return { problem: { key: 'emptyFile' } };
  if (startsWith(bytes, ZIP)) return { format: 'xlsx' };
  if (startsWith(bytes, OLE2)) return { problem: { key: 'oldXls' } };
  let text: string;
  if (startsWith(bytes, UTF16LE_BOM)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, UTF16BE_BOM)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8192).includes(0)) return { problem: { key: 'notSpreadsheet' } };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { problem: { key: 'notUtf8' } };
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { problem: { key: 'emptyFile' } };
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('%pdf') || head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml') || head.startsWith('{')) {
    return { problem: { key: 'notSpreadsheet' } };
  }
  // Control characters other than tab/CR/LF mean a binary file that happens to decode.
  if (hasControlCharacters(text.slice(0, 8192))) return { problem: { key: 'notSpreadsheet' } };
  return { format: 'csv', text };
}

function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}
