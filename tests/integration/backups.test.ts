import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/app-context';
import type { HandlerContext } from '../../src-main/api/context';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import type { BackupInfo, DatabaseProblem, Envelope } from '../../src-main/api/contract';
import { KEEP_BACKUPS, takeSnapshot } from '../../src-main/db/backups';
import { tempDir } from '../helpers/tmp';
import { confirm, planVisiting, preview } from './register-helpers';

const ROOT = join(__dirname, '../..');
type Listing = { folder: string; keep: number; backups: BackupInfo[]; problem: DatabaseProblem | null };
type Restored = { restored: string; undoFile: string | null; hamlets: number; plans: number };

/** An app on a fresh data folder; its planner never finishes unless told (a run "in progress"). */
function app(dir = tempDir()) {
  const ctx: HandlerContext = createContext(dir.dir, 'web', () => undefined, {
    start: () => ({ result: new Promise(() => undefined), cancel: () => undefined }),
  });
  const rpc = (method: string, params: unknown = {}): Promise<Envelope<unknown>> => dispatch(handlers, method, params, ctx);
  const value = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const answer = await rpc(method, params);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  return { dir, ctx, rpc, value, list: () => value<Listing>('backups.list') };
}
type App = ReturnType<typeof app>;

let open: App[] = [];
const start = (dir?: ReturnType<typeof tempDir>): App => {
  const a = app(dir);
  open.push(a);
  return a;
};
afterEach(() => {
  for (const a of open) a.ctx.db.close();
  for (const dir of new Set(open.map((a) => a.dir))) dir.cleanup();
  open = [];
});

const hamletCount = (a: App): number => a.ctx.db.prepare('SELECT COUNT(*) FROM hamlets').pluck().get() as number;
const hasHamlet = (a: App, code: string): boolean => a.ctx.db.prepare('SELECT 1 FROM hamlets WHERE code = ?').get(code) !== undefined;

async function importHamlets(a: App): Promise<void> {
  const p = await preview({ ctx: a.ctx, rpc: a.rpc, events: [], close: () => undefined }, 'hamlets', 'hamlets-good.xlsx');
  const answer = await confirm({ ctx: a.ctx, rpc: a.rpc, events: [], close: () => undefined }, 'hamlets', 'hamlets-good.xlsx', p);
  if (!answer.ok) throw new Error(answer.error.message);
}

/** Scribbles over pages in the middle of a closed database file: what a failing disk leaves. */
function damage(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, 4096);
  closeSync(fd);
}

describe('automatic snapshots', () => {
  it('an import takes a snapshot of the data as it was before it; a preview takes none', async () => {
    const a = start();
    const before = hamletCount(a);
    await preview({ ctx: a.ctx, rpc: a.rpc, events: [], close: () => undefined }, 'hamlets', 'hamlets-good.xlsx');
    expect((await a.list()).backups).toEqual([]);
    await importHamlets(a);
    expect(hamletCount(a)).toBe(before + 2);
    const { backups, folder } = await a.list();
    expect(folder).toBe(join(a.dir.dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'before-import', summary: { hamlets: before, plans: 0 } });
    expect(backups[0]!.file).toMatch(/^luudong-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}-before-import\.sqlite$/);
    expect(backups[0]!.sizeBytes).toBeGreaterThan(10_000);
  });

  it('publishing a plan and resetting the demo each take one, named by their reason', async () => {
    const a = start();
    const planId = planVisiting(a.ctx, [1, 2]);
    await a.value('plans.publish', { planId });
    await a.value('demo.reset', { confirm: true });
    const { backups } = await a.list();
    expect(backups.map((b) => b.reason)).toEqual(['before-demo-reset', 'before-publish']);
    expect(backups[1]!.summary).toMatchObject({ plans: 1, publishedPlans: 0 });
    expect(backups[0]!.summary).toMatchObject({ plans: 1, publishedPlans: 1 });
  });

  it(`25 operations keep the newest ${KEEP_BACKUPS} snapshots and delete the older files`, async () => {
    const a = start();
    const made: string[] = [];
    for (let i = 0; i < 25; i++) made.push((await a.value<BackupInfo>('backups.create')).file);
    const { backups } = await a.list();
    expect(backups).toHaveLength(KEEP_BACKUPS);
    expect(backups.map((b) => b.file)).toEqual(made.slice(5).reverse());
    expect(readdirSync(join(a.dir.dir, 'backups')).sort()).toEqual(made.slice(5).sort());
  });

  it('a snapshot that cannot be written refuses the operation, which changes nothing', async () => {
    const a = start();
    const planId = planVisiting(a.ctx, [1, 2]);
    // A file where the backups folder should be: the snapshot fails as on a full or read-only disk.
    writeFileSync(join(a.dir.dir, 'backups'), 'not a folder');
    const publish = await a.rpc('plans.publish', { planId });
    expect(publish).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringMatching(/could not be written.*Nothing was changed/) } });
    expect((await a.value<Array<{ id: number; status: string }>>('plans.list')).find((p) => p.id === planId)?.status).toBe('draft');
    const before = hamletCount(a);
    const p = await preview({ ctx: a.ctx, rpc: a.rpc, events: [], close: () => undefined }, 'hamlets', 'hamlets-good.xlsx');
    const imported = await confirm({ ctx: a.ctx, rpc: a.rpc, events: [], close: () => undefined }, 'hamlets', 'hamlets-good.xlsx', p);
    expect(imported).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } });
    expect(hamletCount(a)).toBe(before);
  });
});

describe('restore', () => {
  it("brings back yesterday's data, and can itself be undone", async () => {
    const a = start();
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const old = takeSnapshot(a.ctx.db, a.ctx.dbPath, 'manual', yesterday);
    const before = hamletCount(a);
    await importHamlets(a);
    expect(hasHamlet(a, '15610-10')).toBe(true);

    const listed = (await a.list()).backups;
    expect(listed.map((b) => b.file)).toContain(old.file);
    expect(listed.at(-1)!.file).toBe(old.file);
    const done = await a.value<Restored>('backups.restore', { file: old.file, confirm: true });
    expect(done).toMatchObject({ restored: old.file, hamlets: before });
    expect(hamletCount(a)).toBe(before);
    expect(hasHamlet(a, '15610-10')).toBe(false);
    // The app keeps working on the restored database, and the restore is in the change log.
    expect((await a.value<unknown[]>('hamlets.list')).length).toBe(before);
    const log = await a.value<Array<{ action: string; entityId: string }>>('audit.list', { limit: 5 });
    expect(log[0]).toMatchObject({ action: 'restore', entityId: old.file });

    expect(done.undoFile).toMatch(/-before-restore\.sqlite$/);
    expect((await a.list()).backups[0]).toMatchObject({ file: done.undoFile, reason: 'before-restore', summary: { hamlets: before + 2 } });
    await a.value<Restored>('backups.restore', { file: done.undoFile, confirm: true });
    expect(hasHamlet(a, '15610-10')).toBe(true);
    expect(hamletCount(a)).toBe(before + 2);
  });

  it.each([
    ['../luudong.sqlite'],
    ['/etc/passwd'],
    ['backups/../../luudong.sqlite'],
    ['luudong-2026-12-03T08-55-12-345-before-import.sqlite/../../x'],
    ['..\\luudong-2026-12-03T08-55-12-345-before-import.sqlite'],
  ])('refuses %s: only a name from the list, no path', async (file) => {
    const a = start();
    await a.value('backups.create');
    const hamlets = hamletCount(a);
    const answer = await a.rpc('backups.restore', { file, confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(hamletCount(a)).toBe(hamlets);
    expect((await a.list()).backups).toHaveLength(1);
  });

  it('refuses a well-formed name that is not in the list, and one without confirm', async () => {
    const a = start();
    const { file } = await a.value<BackupInfo>('backups.create');
    expect(await a.rpc('backups.restore', { file: 'luudong-2020-01-01T00-00-00-000-manual.sqlite', confirm: true }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.rpc('backups.restore', { file })).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
  });

  it('refuses a damaged snapshot (integrity check first) and leaves the live data as it was', async () => {
    const a = start();
    const { file } = await a.value<BackupInfo>('backups.create');
    damage(join(a.dir.dir, 'backups', file));
    await importHamlets(a);
    const answer = await a.rpc('backups.restore', { file, confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('is damaged') } });
    expect(hasHamlet(a, '15610-10')).toBe(true);
    expect(existsSync(`${a.ctx.dbPath}.restoring`)).toBe(false);
  });

  it('is refused while a planning run is in progress, and allowed once it is cancelled', async () => {
    const a = start();
    const { file } = await a.value<BackupInfo>('backups.create');
    const { runId } = await a.value<{ runId: string }>('plan.start', { timeLimitSeconds: 5 });
    expect(await a.rpc('backups.restore', { file, confirm: true }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('planning run') } });
    await a.value('plan.cancel', { runId });
    expect(await a.rpc('backups.restore', { file, confirm: true })).toMatchObject({ ok: true });
  });
});

describe('a damaged database at start', () => {
  it('is not used: the app starts in an error state that names the file and offers the newest good snapshot', async () => {
    const dir = tempDir();
    const first = app(dir);
    const older = await first.value<BackupInfo>('backups.create');
    await importHamlets(first);
    const newest = await first.value<BackupInfo>('backups.create');
    const hamlets = hamletCount(first);
    // The newest snapshot is damaged too: the offer falls back to the next good one.
    const broken = await first.value<BackupInfo>('backups.create');
    first.ctx.db.close();
    damage(join(dir.dir, 'backups', broken.file));
    damage(first.ctx.dbPath);

    const a = start(dir);
    const used = await a.rpc('hamlets.list');
    expect(used).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    if (used.ok) return;
    expect(used.error.message).toContain(a.ctx.dbPath);
    expect(used.error.message).toContain(newest.file);
    const { problem, backups } = await a.list();
    expect(problem).toMatchObject({ file: a.ctx.dbPath, newestGood: newest.file });
    expect(backups.map((b) => b.file)).toEqual([broken.file, newest.file, expect.stringMatching(/-before-import\.sqlite$/), older.file]);
    expect(await a.rpc('backups.create')).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });

    const done = await a.value<Restored>('backups.restore', { file: newest.file, confirm: true });
    expect(done).toMatchObject({ undoFile: null, hamlets });
    expect((await a.value<unknown[]>('hamlets.list')).length).toBe(hamlets);
    expect((await a.list()).problem).toBeNull();
    // The damaged file is kept beside the database for support, not deleted.
    expect(readdirSync(dir.dir).some((f) => f.startsWith('luudong.sqlite.damaged-'))).toBe(true);
  });

  it('a file that is not a SQLite database is refused the same way, and left as it is', async () => {
    const dir = tempDir();
    const first = app(dir);
    const good = await first.value<BackupInfo>('backups.create');
    first.ctx.db.close();
    writeFileSync(first.ctx.dbPath, 'this is a letter, not a database\n'.repeat(200));
    const a = start(dir);
    expect(a.ctx.dbProblem).toMatchObject({ problem: 'the file is not a SQLite database', newestGood: good.file });
    expect(await a.rpc('overview.get')).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringContaining(good.file) } });
    expect(await a.rpc('app.info')).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
  });
});

describe('npm run backup', () => {
  const cli = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/cli/backup.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('lists the snapshots, restores one, and refuses a path', async () => {
    const a = start();
    const { file } = await a.value<BackupInfo>('backups.create');
    await importHamlets(a);
    const before = hamletCount(a) - 2;
    a.ctx.db.close();
    const db = a.ctx.dbPath;

    const list = cli('list', '--db', db);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`2 backups in ${join(a.dir.dir, 'backups')}`);
    expect(list.stdout).toMatch(/-before-import\.sqlite {2}\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} {2}before an import/);
    expect(list.stdout).toContain(file);
    expect(list.stdout).toContain('by hand');

    const bad = cli('restore', '../luudong.sqlite', '--db', db);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a backup file name');
    const unknown = cli('restore', file, '--db', db, '--force=yes');
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('unknown flag --force')]);

    const restored = cli('restore', file, '--db', db);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`${before} hamlets`);
    expect(restored.stdout).toMatch(/kept as luudong-.*-before-restore\.sqlite/);
  });
});

describe('before a migration', () => {
  it('a migration whose snapshot cannot be written does not run, and the database is left as it was', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { loadMigrations, openMigrated } = await import('../../src-main/db');
    const dir = tempDir();
    open.push({ dir, ctx: { db: { close: () => undefined } } } as unknown as App);
    const file = join(dir.dir, 'luudong.sqlite');
    const older = loadMigrations().slice(0, -1);
    openMigrated(file, older).close();
    writeFileSync(join(dir.dir, 'backups'), 'not a folder');
    expect(() => openMigrated(file)).toThrow(/backup copy could not be written/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(older.at(-1)!.version);
    db.close();
  });
});
