/**
 * Issue 16, item 3: hundreds of generated bad files across the import formats and lists
 * (wrong or missing headers, wrong types, huge and negative numbers, duplicate codes, unknown
 * references, formulas, legacy encodings, files that are not spreadsheets, zips that are not
 * workbooks, zip bombs, files at and over the size limit). Each one is rejected with row and
 * column (or a file-level problem) and leaves every table as it was, or is accepted as exactly
 * what it says; no call takes over 10 s.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, ImportPreview, ListName, RegisterList } from '../../src-main/api/contract';
import { FILE_PROBLEMS, LISTS, LIST_NAMES } from '../../src-main/core/register';
import { Rng } from '../../src-main/core/rng';
import { MAX_FILE_BYTES } from '../../src-main/io/read';
import { testApp, valueOf } from '../helpers/app';
import { badFiles, type FileCase } from './import-fuzz-files';

const SEED = 16_003;
const CALL_LIMIT_MS = 10_000;

let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  app = testApp();
  valueOf(await app.rpc('demo.reset', { confirm: true }));
});
afterAll(() => app.close());

/** A checksum of every row of every table (audit log and undo journal included). */
function checksum(): string {
  const db = app.ctx.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw(true).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

async function timed(method: string, params: unknown): Promise<{ env: Envelope<unknown>; ms: number }> {
  const t0 = performance.now();
  const env = await app.rpc(method, params);
  return { env, ms: performance.now() - t0 };
}

const FILE_KEYS: readonly string[] = FILE_PROBLEMS;
const tally = { files: 0, rejected: 0, accepted: 0, failures: [] as string[], slowest: { ms: 0, name: '' } };

afterAll(() => {
  console.log(`import fuzz: ${tally.files} files, ${tally.rejected} rejected cleanly, ${tally.accepted} accepted (slowest call ${Math.round(tally.slowest.ms)} ms: ${tally.slowest.name})`);
});

/** Stored records of a list, by key. */
async function stored(list: ListName): Promise<Map<string, Record<string, unknown>>> {
  const rows = valueOf<RegisterList>(await app.rpc('register.list', { list })).rows;
  return new Map(rows.map((r) => [r.key, r.record]));
}

/** The file through preview and confirm, judged; returns why it is not clean, or null. */
async function judge(file: FileCase): Promise<string | null> {
  const before = checksum();
  const base64 = file.bytes.toString('base64');
  const params = { list: file.list, fileName: file.fileName, base64 };
  const previewed = await timed('import.preview', params);
  note(file, previewed.ms);
  if (previewed.ms > CALL_LIMIT_MS) return `preview took ${Math.round(previewed.ms)} ms`;
  if (checksum() !== before) return 'the preview changed the database';
  if (!previewed.env.ok) {
    // Only an upload over the size limit may be refused before it is read (the renderer and the web server say "too large").
    const { code, message } = previewed.env.error;
    if (code === 'BAD_PARAMS' && /base64/.test(message) && file.bytes.length > MAX_FILE_BYTES) return countRejected();
    return `preview refused: ${code} ${message.slice(0, 200)}`;
  }
  const p = previewed.env.value as ImportPreview;
  const expected = { adds: p.counts.adds, updates: p.counts.updates };
  const acknowledged = { ignoredColumns: p.ignoredColumns, moves: p.moves.count };
  const confirmed = await timed('import.confirm', { ...params, expected, acknowledged });
  note(file, confirmed.ms);
  if (confirmed.ms > CALL_LIMIT_MS) return `confirm took ${Math.round(confirmed.ms)} ms`;

  if (p.fileProblem || p.counts.rejects > 0 || !p.canConfirm) {
    if (p.fileProblem && !FILE_KEYS.includes(p.fileProblem.key)) return `unknown file problem ${p.fileProblem.key}`;
    if (!p.fileProblem && p.counts.rejects > 0) {
      const vague = p.rejects.find((r) => !(r.row >= 1) || (r.column === null && r.field === null));
      if (vague) return `a rejected row without row and column: ${JSON.stringify(vague)}`;
    }
    if (confirmed.env.ok && (p.fileProblem || p.counts.rejects > 0)) return 'confirm wrote a file the preview rejected';
    if (checksum() !== before) return 'a rejected file changed the database';
    if (file.expect === 'accepted') return `rejected, though it should be accepted: ${JSON.stringify(p.fileProblem ?? p.rejects[0] ?? p.counts)}`;
    if (!p.fileProblem && p.counts.rejects === 0) return countAccepted(); // Nothing to change: every row as stored.
    return countRejected();
  }
  if (!confirmed.env.ok) return `confirm refused a file the preview accepted: ${confirmed.env.error.message}`;
  if (file.expect === 'rejected') return `accepted, though it should be rejected: ${JSON.stringify(p.counts)}`;
  return (await matchesPreview(file.list, p)) ?? countAccepted();
}

/** What was written is what the preview said: every sampled add and update, field by field. */
async function matchesPreview(list: ListName, p: ImportPreview): Promise<string | null> {
  const records = await stored(list);
  for (const u of p.updates) {
    const rec = records.get(u.key);
    for (const c of u.changes) if (JSON.stringify(rec?.[c.field] ?? null) !== JSON.stringify(c.after)) return `update of ${u.key}: ${c.field} is ${JSON.stringify(rec?.[c.field])}, preview said ${JSON.stringify(c.after)}`;
  }
  const all = [...records.values()];
  for (const a of p.adds) {
    const fields = Object.entries(a.record);
    if (!all.some((rec) => fields.every(([k, v]) => JSON.stringify(rec[k] ?? null) === JSON.stringify(v ?? null)))) return `the added row ${a.row} (${a.label}) is not stored as previewed`;
  }
  return null;
}

function note(file: FileCase, ms: number): void {
  if (ms > tally.slowest.ms) tally.slowest = { ms, name: file.name };
}
const countRejected = (): null => {
  tally.rejected++;
  return null;
};
const countAccepted = (): null => {
  tally.accepted++;
  return null;
};

describe('import fuzz', () => {
  it('200+ generated bad files: each rejected cleanly or accepted as it says, nothing else touched', async () => {
    const rng = new Rng(SEED);
    const files = await badFiles(rng);
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(files.map((f) => f.list))).toEqual(new Set(LIST_NAMES));
    for (const file of files) {
      tally.files++;
      let verdict: string | null;
      try {
        verdict = await judge(file);
      } catch (err) {
        verdict = `threw: ${(err as Error).message}`;
      }
      if (verdict) tally.failures.push(`${file.name}: ${verdict}`);
    }
    expect(tally.failures).toEqual([]);
    expect(tally.rejected + tally.accepted).toBe(tally.files);
    expect(app.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The server is still whole: a good file still goes in.
    expect(valueOf<{ hamlets: number }>(await app.rpc('overview.get')).hamlets).toBeGreaterThan(0);
    expect(Object.keys(LISTS)).toHaveLength(LIST_NAMES.length);
  }, 180_000);
});
