import type { Cell, RawSheet } from '../core/register';
import type { ReadResult } from '../io/read';

/**
 * A workbook's cells as sent between threads: each distinct text once. Structured cloning
 * copies a string at every place it appears, and a workbook's shared strings let one
 * 30,000-character text fill 200,000 cells at no cost in the file: cloned, 6 GB.
 */
export interface PackedSheets {
  strings: string[];
  sheets: Array<{ name: string | null; rows: Array<{ row: number; cells: Array<Exclude<Cell, string> | { s: number }> }> }>;
}

export type ReadReply =
  | { ok: true; result: Exclude<ReadResult, { ok: true }> }
  | { ok: true; packed: PackedSheets; format: 'xlsx' | 'csv' }
  | { ok: false; message: string };

export function pack(sheets: RawSheet[]): PackedSheets {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const ref = (text: string): { s: number } => {
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = strings.push(text) - 1));
    return { s: i };
  };
  // map() keeps a row's holes: empty columns stay empty, not undefined.
  return { strings, sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => (typeof c === 'string' ? ref(c) : c)) })) })) };
}

/** The sheets back from their packed form, each text shared again. */
export function unpack(p: PackedSheets): RawSheet[] {
  return p.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => (c !== null && typeof c === 'object' ? p.strings[c.s]! : c)) })) }));
}
