import { createHash } from 'node:crypto';
import { format } from 'date-fns';
import {
  examplesSheet, fileStem, LISTS, listSheet, notesSheet, planImport, readTable, type AnyListSpec, type ImportPlan, type ListName,
} from '../../core/register';
import { planContext, applyImport, storedRecords } from '../../db/repos/register';
import type { ReadResult } from '../../io/read';
import { readSpreadsheetOffThread } from '../../workers/read-thread';
import { CSV_MIME, sheetsToXlsx, sheetToCsv, XLSX_MIME } from '../../io/write';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { ImportPreview } from '../methods/register';
import { snapshotBefore } from './backups';

/** The date a changed backlog count gets when the file or form gives none. */
export const today = (): string => format(new Date(), 'yyyy-MM-dd');

const SAMPLE = 200;
const MAX_REJECTS_SHOWN = 1000;

interface Analysis {
  preview: ImportPreview;
  plan: ImportPlan | null;
}

/** How long the cells of the file last previewed are kept for its confirm. */
const READ_KEPT_MS = 5 * 60_000;
let lastRead: { hash: string; read: ReadResult; timer: NodeJS.Timeout } | null = null;

/**
 * The file's cells. Confirm sends the bytes the preview just read: they are read once (a large
 * workbook takes ExcelJS seconds), kept by content hash for a few minutes, and re-planned
 * against the database as it is then. The sheets are never mutated downstream.
 */
async function readFile(base64: string): Promise<ReadResult> {
  const hash = createHash('sha256').update(base64).digest('hex');
  if (lastRead?.hash === hash) return lastRead.read;
  const read = await readSpreadsheetOffThread(Buffer.from(base64, 'base64'));
  if (lastRead) clearTimeout(lastRead.timer);
  const timer = setTimeout(() => (lastRead = null), READ_KEPT_MS);
  timer.unref();
  lastRead = { hash, read, timer };
  return read;
}

/** Reads a file and plans its import against the database as it is now; writes nothing. */
async function analyse(ctx: HandlerContext, list: ListName, fileName: string, base64: string): Promise<Analysis> {
  const empty: ImportPreview = {
    fileName, format: null, sheet: null, fileProblem: null, columns: [], ignoredColumns: [],
    counts: { rows: 0, adds: 0, updates: 0, unchanged: 0, rejects: 0 }, adds: [], updates: [], rejects: [],
    defaultedFields: [], moves: { count: 0, rows: [] }, canConfirm: false,
  };
  const read = await readFile(base64);
  if (!read.ok) return { preview: { ...empty, fileProblem: read.problem }, plan: null };
  const spec = LISTS[list];
  const table = readTable(spec, read.sheets);
  if (!table.ok) return { preview: { ...empty, format: read.format, fileProblem: table.problem }, plan: null };
  const { rows, columns, issues, sheet, ignoredColumns } = table.table;
  const plan = planImport(planContext(ctx.db, list, today()), rows, columns);
  plan.rejects = [...issues, ...plan.rejects].sort((a, b) => a.row - b.row);
  const rejectedRows = new Set(plan.rejects.map((r) => r.row)).size;
  const moves = movesOf(spec, plan);
  return {
    plan,
    preview: {
      ...empty,
      format: read.format,
      sheet,
      columns: spec.fields.filter((f) => f.key in columns).map((f) => ({ field: f.key, header: columns[f.key]! })),
      ignoredColumns,
      counts: {
        rows: rows.length + new Set(issues.map((i) => i.row)).size,
        adds: plan.adds.length, updates: plan.updates.length, unchanged: plan.unchanged, rejects: rejectedRows,
      },
      adds: plan.adds.slice(0, SAMPLE).map(({ row, label, record }) => ({ row, label, record })),
      updates: plan.updates.slice(0, SAMPLE).map((u) => ({
        row: u.row, label: u.label, key: u.key,
        changes: u.changed.map((field) => ({ field, before: u.before[field] ?? null, after: u.record[field] ?? null })),
      })),
      rejects: plan.rejects.slice(0, MAX_REJECTS_SHOWN),
      defaultedFields: plan.adds.length ? defaultedFields(spec, columns) : [],
      moves: { count: moves.length, rows: moves.slice(0, SAMPLE) },
      canConfirm: plan.rejects.length === 0 && plan.adds.length + plan.updates.length > 0,
    },
  };
}

/** Counts new rows get without a column in the file: a 0 nobody typed (derived fields, text and lists are left out). */
const defaultedFields = (spec: AnyListSpec, columns: Record<string, string>): ImportPreview['defaultedFields'] =>
  spec.fields.filter((f) => !(f.key in columns) && typeof f.fallback === 'number').map((f) => ({ field: f.key, value: f.fallback! }));

/** Updates that move a stored record elsewhere (the list's move field changes), as the user would name them. */
function movesOf(spec: AnyListSpec, plan: ImportPlan): ImportPreview['moves']['rows'] {
  const field = spec.moveField;
  if (!field) return [];
  return plan.updates.filter((u) => u.changed.includes(field))
    .map((u) => ({ row: u.row, key: u.key, before: spec.label(u.before), after: u.label }));
}

/** A yes the user gave in the preview to what the file does beyond plain adds and updates, or the refusal. */
function checkAcknowledged(preview: ImportPreview, acknowledged: { ignoredColumns: string[]; moves: number } | undefined): void {
  const unacknowledged = preview.ignoredColumns.filter((c) => !acknowledged?.ignoredColumns.includes(c));
  if (unacknowledged.length) {
    const columns = unacknowledged.join(', ');
    throw new AppError('CONFLICT', `The file has columns the app does not know (${columns}): their values would not be imported. Confirm that in the preview first.`,
      { key: 'ignoredColumnsNotAcknowledged', params: { columns } });
  }
  if (preview.moves.count > 0 && acknowledged?.moves !== preview.moves.count) {
    throw new AppError('CONFLICT', `${preview.moves.count} rows would move a record to another place (a code of another commune's hamlet). Confirm that in the preview first.`,
      { key: 'movesNotAcknowledged', params: { count: preview.moves.count } });
  }
}

const download = (fileName: string, format: 'xlsx' | 'csv', bytes: Buffer) => ({
  fileName: `${fileName}.${format}`, mimeType: format === 'xlsx' ? XLSX_MIME : CSV_MIME, base64: bytes.toString('base64'),
});

export const importHandlers: Pick<Handlers, 'import.preview' | 'import.confirm' | 'export.list' | 'export.template'> = {
  'import.preview': async ({ list, fileName, base64 }, ctx) => (await analyse(ctx, list, fileName, base64)).preview,
  'import.confirm': async ({ list, fileName, base64, expected, acknowledged }, ctx) => {
    const { preview, plan } = await analyse(ctx, list, fileName, base64);
    if (!plan || preview.fileProblem) throw new AppError('CONFLICT', 'The file cannot be imported.', preview.fileProblem ?? undefined);
    if (plan.rejects.length) {
      throw new AppError('CONFLICT', `The file has ${preview.counts.rejects} rejected rows: nothing was imported.`, { key: 'importHasRejects', params: { rows: preview.counts.rejects } });
    }
    if (plan.adds.length !== expected.adds || plan.updates.length !== expected.updates) {
      throw new AppError('CONFLICT', 'The data changed since the preview: preview the file again.', { key: 'previewOutdated' });
    }
    checkAcknowledged(preview, acknowledged);
    snapshotBefore(ctx, 'before-import');
    return applyImport(ctx.db, list, plan, fileName);
  },
  'export.list': async ({ list, format, language }, ctx) => {
    const spec = LISTS[list];
    const sheet = listSheet(spec, storedRecords(ctx.db, list).map((s) => s.record), language);
    return download(fileStem(spec, language), format, format === 'xlsx' ? await sheetsToXlsx([sheet]) : sheetToCsv(sheet));
  },
  'export.template': async ({ list, format, language }) => {
    const spec = LISTS[list];
    const blank = listSheet(spec, [], language);
    const name = `mau-${fileStem(spec, 'vi')}`;
    if (format === 'csv') return download(name, 'csv', sheetToCsv(examplesSheet(spec)));
    return download(name, 'xlsx', await sheetsToXlsx([blank, notesSheet(spec), examplesSheet(spec)]));
  },
};
