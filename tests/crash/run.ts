/**
 * Crash suite: kill -9 the real app process at random points of a plan run and its save, a
 * 20,000-row import, a publish, a day's results, a demo reset and a migration; after each kill the database must pass
 * `PRAGMA integrity_check`, hold either all of the operation or none of it (every table
 * compared with the state before and after a clean run), and the app must open and plan again.
 * Recording a day's field results ("done as planned") is killed too.
 *
 *   npm run test:crash -- [--kills 50] [--seed 1]
 * Last line: "N kills, N recovered, N lost".
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, DB_FILE_NAME } from '../../src-main/api/app-context';
import { createRng } from '../../src-main/core/demo/rng';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { loadMigrations, openMigrated, resetToDemo } from '../../src-main/db';
import { plan } from '../../src-main/core/planner';
import type { PlannerRunner } from '../../src-main/api/context';
import { differing, readState, type TableStates } from './state';

type Op = 'plan' | 'import' | 'publish' | 'record' | 'reset' | 'migrate';
const argValue = (flag: string, fallback: number): number => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = argValue('--kills', 50);
const SEED = argValue('--seed', 1);
const SHARE: Record<Op, number> = { plan: 0.3, import: 0.2, publish: 0.1, record: 0.1, reset: 0.1, migrate: 0.2 };
const VICTIM = join(__dirname, 'victim.ts');
const root = mkdtempSync(join(tmpdir(), 'luudong-crash-'));

async function call<T>(ctx: ReturnType<typeof createContext>, method: string, params: unknown): Promise<T> {
  const answer = await dispatch(handlers, method, params, ctx) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}

/** The app's planner on this thread: the check needs the app to plan, not a worker to start. */
const here: PlannerRunner = { start: (instance, options) => ({ result: plan(instance, options), cancel: () => undefined }) };

/** Opens a data folder as the app does and plans with a 1 s limit; the plan count it ends with. */
async function planOnce(dir: string): Promise<number> {
  const ctx = createContext(dir, 'web', () => undefined, here);
  try {
    const { runId } = await call<{ runId: string }>(ctx, 'plan.start', { timeLimitSeconds: 1, seed: 2 });
    for (;;) {
      const run = await call<{ state: string }>(ctx, 'plan.status', { runId });
      if (run.state === 'done') break;
      if (run.state !== 'running') throw new Error(`plan ${run.state}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return (await call<unknown[]>(ctx, 'plans.list', {})).length;
  } finally {
    ctx.db.close();
  }
}

/** Publishes a plan through the app; the first day with visits of several communes. */
async function publish(dir: string, planId: number): Promise<string> {
  const ctx = createContext(dir, 'web', () => undefined, here);
  try {
    await call(ctx, 'plans.publish', { planId });
    return ctx.db.prepare('SELECT min(date) FROM plan_routes WHERE plan_id = ?').pluck().get(planId) as string;
  } finally {
    ctx.db.close();
  }
}

interface Template { dir: string; arg?: string; before: TableStates; after?: TableStates; millis: number }

function freshCopy(from: string, name: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(from, DB_FILE_NAME), join(dir, DB_FILE_NAME));
  return dir;
}

/** Runs the victim; kills it `afterMs` after READY (never, when null). Resolves once it is gone or DONE. */
function runVictim(op: Op, dir: string, arg: string | undefined, afterMs: number | null): Promise<{ done: boolean; millis: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', VICTIM, op, dir, ...(arg ? [arg] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = 0;
    let done = false;
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      if (text.includes('READY') && !ready) {
        ready = performance.now();
        if (afterMs !== null) setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      if (text.includes('DONE')) {
        done = true;
        if (afterMs === null) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`victim ${op} exited ${code}: ${err.trim()}`));
      resolve({ done, millis: ready ? performance.now() - ready : 0 });
    });
  });
}

/** A data folder ready for each operation, with the state before it and after a clean run. */
async function prepare(): Promise<Record<Op, Template>> {
  const base = join(root, 'base');
  mkdirSync(base, { recursive: true });
  await planOnce(base); // the demo, with one draft plan to publish
  const draft = new Database(join(base, DB_FILE_NAME), { readonly: true }).prepare("SELECT max(id) FROM plans WHERE status = 'draft'").pluck().get() as number;
  const travelFile = join(root, 'quang-duong.csv');
  writeFileSync(travelFile, travelCsv(join(base, DB_FILE_NAME), 20_000));
  // A published plan, for recording a day's results on it.
  const published = join(root, 'published');
  mkdirSync(published, { recursive: true });
  copyFileSync(join(base, DB_FILE_NAME), join(published, DB_FILE_NAME));
  const firstDay = await publish(published, draft);
  const old = join(root, 'old');
  mkdirSync(old, { recursive: true });
  const migrations = loadMigrations();
  const oldDb = openMigrated(join(old, DB_FILE_NAME), migrations.slice(0, -1));
  resetToDemo(oldDb);
  oldDb.close();
  const templates = {} as Record<Op, Template>;
  for (const [op, dir, arg] of [['plan', base, undefined], ['import', base, travelFile], ['publish', base, String(draft)], ['record', published, firstDay], ['reset', base, undefined], ['migrate', old, undefined]] as const) {
    const before = readState(join(dir, DB_FILE_NAME)).tables;
    const clean = freshCopy(dir, `${op}-clean`);
    const { millis } = await runVictim(op, clean, arg, null);
    const after = op === 'plan' ? undefined : readState(join(clean, DB_FILE_NAME)).tables;
    if (after && differing(before, after).length === 0) throw new Error(`${op}: a clean run changed nothing`);
    templates[op] = { dir, arg, before, after, millis };
  }
  return templates;
}

/** `count` measured travel pairs between the demo's hamlets, as a district office would send them. */
function travelCsv(file: string, count: number): string {
  const db = new Database(file, { readonly: true });
  const hamlets = db.prepare('SELECT code, lat, lon FROM hamlets ORDER BY id').all() as { code: string; lat: number; lon: number }[];
  db.close();
  const lines = ['Từ,Đến,Quãng đường (km),Thời gian (phút),Nguồn'];
  for (const a of hamlets) {
    for (const b of hamlets) {
      if (a === b || lines.length > count) continue;
      const km = Math.max(0.5, Math.round(Math.hypot(a.lat - b.lat, (a.lon - b.lon) * 0.94) * 111 * 1.5 * 10) / 10);
      lines.push(`${a.code},${b.code},${km},${Math.ceil((km / 20) * 60)},Đo thực tế`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** After a kill: all of the operation or none of it. Empty when so, else what is wrong. */
function judge(op: Op, t: Template, state: TableStates, file: string): string {
  if (op !== 'plan') {
    if (differing(t.before, state).length === 0 || differing(t.after!, state).length === 0) return '';
    return `neither before nor after: ${differing(t.before, state).join(', ')} differ from before; ${differing(t.after!, state).join(', ')} from after`;
  }
  const others = differing(t.before, state, ['plans', 'plan_routes', 'plan_visits', 'audit_log']);
  if (others.length > 0) return `a plan run changed ${others.join(', ')}`;
  if (differing(t.before, state).length === 0) return '';
  const db = new Database(file, { readonly: true });
  try {
    const plans = db.prepare('SELECT id, report FROM plans').all() as { id: number; report: string }[];
    if (plans.length !== t.before.get('plans')!.rows + 1) return `${plans.length} plans, expected ${t.before.get('plans')!.rows} or one more`;
    const newest = plans.at(-1)!;
    const routes = db.prepare('SELECT count(*) FROM plan_routes WHERE plan_id = ?').pluck().get(newest.id) as number;
    const empty = db.prepare('SELECT count(*) FROM plan_routes r WHERE plan_id = ? AND NOT EXISTS (SELECT 1 FROM plan_visits v WHERE v.route_id = r.id)').pluck().get(newest.id) as number;
    const shifts = (JSON.parse(newest.report) as { shifts: number }).shifts;
    if (routes !== shifts || empty > 0) return `a half-saved plan: ${routes} routes of ${shifts}, ${empty} without visits`;
    return '';
  } finally {
    db.close();
  }
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const templates = await prepare();
  console.log(`prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s; clean runs: ${Object.entries(templates).map(([op, t]) => `${op} ${Math.round(t.millis)} ms`).join(', ')}`);
  const rng = createRng(SEED);
  const random = (): number => rng.next();
  const ops = (Object.keys(SHARE) as Op[]).flatMap((op) => Array.from({ length: Math.round(KILLS * SHARE[op]) }, () => op));
  let recovered = 0;
  const lost: string[] = [];
  for (const [k, op] of ops.entries()) {
    const t = templates[op];
    // Half the kills anywhere in the operation, half near its end, where the writes are.
    const share = random() < 0.5 ? random() : 0.8 + 0.3 * random();
    const afterMs = Math.round(share * t.millis);
    const dir = freshCopy(t.dir, `kill-${k}`);
    const file = join(dir, DB_FILE_NAME);
    const { done } = await runVictim(op, dir, t.arg, afterMs);
    const { integrity, tables } = readState(file);
    let problem = integrity === 'ok' ? judge(op, t, tables, file) : `integrity_check: ${integrity}`;
    if (!problem) {
      const plansBefore = tables.get('plans')!.rows;
      const plansAfter = await planOnce(dir).catch((err: Error) => { problem = `cannot plan again: ${err.message}`; return -1; });
      if (!problem && plansAfter !== plansBefore + 1) problem = `planning again saved ${plansAfter - plansBefore} plans`;
    }
    if (problem) lost.push(`kill ${k} (${op} at ${afterMs} ms): ${problem}`);
    else recovered++;
    console.log(`kill ${String(k + 1).padStart(2)} ${op.padEnd(7)} at ${String(afterMs).padStart(5)} ms (${done ? 'after commit' : 'mid-operation'}): ${problem || 'recovered'}`);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
  for (const l of lost) console.log(`LOST ${l}`);
  console.log(`suite ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${ops.length} kills, ${recovered} recovered, ${lost.length} lost`);
  return lost.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`crash suite: ${err instanceof Error ? err.stack : String(err)}`);
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
});
