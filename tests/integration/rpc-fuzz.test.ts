/**
 * Issue 16, item 2: every method of the contract (taken from the contract, not listed here)
 * called with many random and malformed parameter sets, seeded: through `dispatch` (as the
 * desktop IPC does, with values only structured clone carries) and over real HTTP against the
 * web server. Each answer is the one envelope with a contract error code and a message with no
 * stack or server path, or a result the method's result schema accepts; nothing escapes
 * dispatch; the server still answers afterwards and the database passes integrity_check.
 * Methods that destroy data run for real on a throwaway database (demo.reset and
 * backups.restore when a draw satisfies confirm: true, deletes, imports); plan.start gets a
 * planner that answers at once with the sample plan, so no worker takes the CPU.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/app-context';
import type { HandlerContext, PlannerRunner } from '../../src-main/api/context';
import { contract, ERROR_CODES, type Envelope, type MethodName } from '../../src-main/api/contract';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { Rng } from '../../src-main/core/rng';
import { startWebServer, TOKEN_HEADER, type RunningServer } from '../../src-main/web/server';
import { fuzzCase, MB, withOwnKey, type Pools, type Transport } from '../helpers/fuzz';
import { saveSamplePlan, sampleReport, sampleRoutes } from '../helpers/sample-plan';
import { tempDir } from '../helpers/tmp';

/** FUZZ_SEED / FUZZ_CASES explore further by hand; npm test runs the fixed seed. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const DISPATCH_CASES = Number(process.env.FUZZ_CASES ?? 100);
const HTTP_CASES = 20;
const METHODS = Object.keys(contract) as MethodName[];

/**
 * A planner that answers at once with the sample plan: the fuzz is about the boundary, not
 * about planning (a real run would take the CPU for seconds per call).
 */
const instantPlanner = (getCtx: () => HandlerContext): PlannerRunner => ({
  start: () => ({
    result: new Promise((resolve, reject) => setImmediate(() => {
      try {
        const routes = sampleRoutes(getCtx().db);
        resolve({ routes, report: sampleReport(routes, '2022-11-26') });
      } catch (err) {
        reject(err as Error);
      }
    })),
    cancel: () => undefined,
  }),
});

function makeContext(dir: string, emit: HandlerContext['emit']): HandlerContext {
  const holder: { ctx?: HandlerContext } = {};
  const ctx = createContext(dir, 'web', emit, instantPlanner(() => holder.ctx!));
  holder.ctx = ctx;
  ctx.checkResults = true;
  // Something for the plan, roster and results methods to work on: a draft and a published plan.
  saveSamplePlan(ctx.db, { name: 'Nháp' });
  saveSamplePlan(ctx.db, { name: 'Đã ban hành', status: 'published' });
  return ctx;
}

/** The newest backup's name in the pools (older ones are pruned as the fuzz takes snapshots), so that restores happen. */
async function refreshBackup(pools: Pools, call: (method: string, params: unknown) => Promise<Envelope<unknown>>): Promise<void> {
  const listed = await call('backups.list', {});
  const newest = listed.ok ? (listed.value as { backups: Array<{ file: string }> }).backups[0]?.file : undefined;
  const at = pools.strings.findIndex((s) => s.startsWith('luudong-'));
  if (newest && at >= 0) pools.strings[at] = newest;
}

/** Names and ids that exist in this database, so that plausible calls reach the handlers' logic. */
async function poolsOf(call: (method: string, params: unknown) => Promise<Envelope<unknown>>): Promise<Pools> {
  const created = await call('backups.create', {});
  const backup = created.ok ? (created.value as { file: string }).file : 'luudong-2022-11-20T00-00-00-000-manual.sqlite';
  const started = await call('plan.start', { timeLimitSeconds: 1 });
  const runId = started.ok ? (started.value as { runId: string }).runId : 'run';
  return {
    ids: [1, 1, 2, 2, 3, 4, 5, 7, 12, 40, 150, 987_654],
    strings: [
      '15607-01', '15607-04', '15631', '15610', 'LD-01', 'LD-02', 'Xã Bát Mọt', 'Bản Pùng', '2022-11-28', '2022-11-29', '2022-12-03',
      '2022-11-17', '2022-12-31', '2022-W48', '2022-W49', 'hamlets', 'teams', 'vi', 'en', backup, runId, 'Kế hoạch', 'data.xlsx',
      'data.csv', 'TOI-T2-T6', 'a', 'x'.repeat(121),
    ],
  };
}

const CODES: readonly string[] = ERROR_CODES;
const SERVER_PATHS = [tmpdir(), process.cwd(), 'node_modules'];

/** Why an answer is not clean, or null. */
function judge(method: MethodName, env: unknown, status = 200): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (typeof env !== 'object' || env === null || !('ok' in env)) return 'not an envelope';
  const e = env as Envelope<unknown>;
  if (e.ok) {
    const checked = contract[method].result.safeParse(e.value);
    return checked.success ? null : `result does not match the contract: ${checked.error.issues[0]?.message}`;
  }
  const { code, message } = e.error;
  if (!CODES.includes(code)) return `unknown code ${String(code)}`;
  if (code === 'INTERNAL') return `INTERNAL: ${message.slice(0, 300)}`;
  if (typeof message !== 'string' || message.length === 0) return 'no message';
  if (/\n\s+at |\bat .*\(.*:\d+:\d+\)/.test(message)) return `a stack trace: ${message.slice(0, 300)}`;
  if (SERVER_PATHS.some((p) => message.includes(p)) || /\.[cm]?[jt]s:\d+/.test(message)) return `a server path: ${message.slice(0, 300)}`;
  if (message.length > 5_000) return `a message of ${message.length} characters (the input echoed back)`;
  return null;
}

const describeParams = (params: unknown): string => {
  try {
    const text = JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(params);
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  } catch {
    return `(${typeof params} that JSON cannot hold)`;
  }
};

interface Tally {
  /** Answers by outcome (ok, or the error code): how deep the fuzz got past validation. */
  outcomes: Record<string, number>;
  calls: number;
  clean: number;
  failures: string[];
}
const tally: Record<Transport, Tally> = { ipc: { outcomes: {}, calls: 0, clean: 0, failures: [] }, json: { outcomes: {}, calls: 0, clean: 0, failures: [] } };
function outcomeOf(env: unknown): string {
  if (typeof env !== 'object' || env === null || !('ok' in env)) return 'none';
  const e = env as Envelope<unknown>;
  return e.ok ? 'ok' : e.error.code;
}

function record(transport: Transport, what: string, env: unknown, verdict: string | null): void {
  const t = tally[transport];
  const outcome = outcomeOf(env);
  t.outcomes[outcome] = (t.outcomes[outcome] ?? 0) + 1;
  t.calls++;
  if (verdict === null) t.clean++;
  else t.failures.push(`${what}: ${verdict}`);
}

/** What every fuzzed database must still be: whole, consistent and without polluted prototypes. */
function expectSound(ctx: HandlerContext): void {
  expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

afterAll(() => {
  const calls = tally.ipc.calls + tally.json.calls;
  const clean = tally.ipc.clean + tally.json.clean;
  console.log(`RPC fuzz: ${calls} calls, ${clean} answered cleanly (dispatch ${tally.ipc.clean}/${tally.ipc.calls}, HTTP ${tally.json.clean}/${tally.json.calls})`);
  console.log(`RPC fuzz outcomes: dispatch ${JSON.stringify(tally.ipc.outcomes)}, HTTP ${JSON.stringify(tally.json.outcomes)}`);
});

describe('RPC fuzz through dispatch (the desktop path)', () => {
  const tmp = tempDir();
  let ctx: HandlerContext;
  const call = (method: string, params: unknown): Promise<Envelope<unknown>> => dispatch(handlers, method, params, ctx);
  afterAll(() => {
    ctx.db.close();
    tmp.cleanup();
  });

  it(`every method, ${DISPATCH_CASES} parameter sets each: one clean envelope each time`, async () => {
    ctx = makeContext(tmp.dir, () => undefined);
    const pools = await poolsOf(call);
    const rng = new Rng(SEED);
    for (const method of METHODS) {
      await refreshBackup(pools, call);
      for (let i = 0; i < DISPATCH_CASES; i++) {
        const { kind, params } = fuzzCase(contract[method].params, i, rng, pools, 'ipc');
        let verdict: string | null;
        let env: unknown;
        try {
          env = await call(method, params);
          verdict = judge(method, env);
        } catch (err) {
          verdict = `threw out of dispatch: ${(err as Error).message}`;
        }
        record('ipc', `${method} #${i} ${kind} ${describeParams(params)}`, env, verdict);
      }
    }
    if (process.env.FUZZ_DUMP) console.log(tally.ipc.failures.join('\n'));
    expect(tally.ipc.failures.slice(0, 30)).toEqual([]);
    expect(tally.ipc.calls).toBeGreaterThanOrEqual(METHODS.length * 50);
    expect(await call('overview.get', {})).toMatchObject({ ok: true });
    expectSound(ctx);
  }, 60_000);
});

describe('RPC fuzz over HTTP (web mode)', () => {
  const tmp = tempDir();
  let server: RunningServer;
  let ctx: HandlerContext;
  let base: string;

  beforeAll(async () => {
    const staticDir = join(tmp.dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lưu Động</title>');
    server = await startWebServer({ port: 0, staticDir, handlers, makeContext: (emit) => (ctx = makeContext(join(tmp.dir, 'data'), emit)) });
    base = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  const post = async (method: string, params: unknown): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${base}/rpc`, {
      method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: JSON.stringify({ method, params }),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.status, body: text };
    }
  };

  it(`every method, ${HTTP_CASES} parameter sets each: a coded envelope, never a 500`, async () => {
    const pools = await poolsOf(async (m, p) => (await post(m, p)).body as Envelope<unknown>);
    const rng = new Rng(SEED + 1);
    for (const method of METHODS) {
      await refreshBackup(pools, async (m, p) => (await post(m, p)).body as Envelope<unknown>);
      for (let i = 0; i < HTTP_CASES; i++) {
        const { kind, params } = fuzzCase(contract[method].params, i, rng, pools, 'json');
        let verdict: string | null;
        let env: unknown;
        try {
          const { status, body } = await post(method, params);
          env = body;
          verdict = judge(method, body, status);
        } catch (err) {
          verdict = `the request failed: ${(err as Error).message}`;
        }
        record('json', `${method} #${i} ${kind} ${describeParams(params)}`, env, verdict);
      }
    }
    if (process.env.FUZZ_DUMP) console.log(tally.json.failures.join('\n'));
    expect(tally.json.failures.slice(0, 30)).toEqual([]);
    const after = await post('overview.get', {});
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ ok: true, value: { communes: expect.any(Number) } });
    expectSound(ctx);
  }, 60_000);

  it('bodies no client library would send: nesting 200,000 deep, a 100,000-item params array, 1 MB keys', async () => {
    const deep = 200_000;
    const bodies = [
      `{"method":"register.save","params":${'['.repeat(deep)}${']'.repeat(deep)}}`,
      `{"method":"register.save","params":{"list":"hamlets","key":null,"values":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}`,
      JSON.stringify({ method: 'plans.pin', params: Array.from({ length: 100_000 }, (_, k) => k) }),
      JSON.stringify({ method: 'register.save', params: { list: 'hamlets', key: null, values: { ['k'.repeat(MB)]: 1 } } }),
      `{"method":"overview.get","params":{},"method":"backups.restore"}`,
    ];
    for (const body of bodies) {
      const res = await fetch(`${base}/rpc`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body });
      const env = (await res.json()) as unknown;
      const verdict = judge('register.save', env, res.status);
      record('json', `raw body ${body.slice(0, 60)}`, env, verdict);
      expect(verdict).toBeNull();
    }
    expect((await post('overview.get', {})).body).toMatchObject({ ok: true });
  });
});

describe('regressions found by the fuzz', () => {
  it('restoring a backup that is not there names the file, not the folder the data lives in', async () => {
    const tmp = tempDir();
    const ctx = makeContext(tmp.dir, () => undefined);
    try {
      const env = await dispatch(handlers, 'backups.restore', { file: 'luudong-2022-11-20T00-00-00-000-manual.sqlite', confirm: true }, ctx);
      expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { key: 'noSuchBackup' } } });
      expect(judge('backups.restore', env)).toBeNull();
      expect(JSON.stringify(env)).not.toContain(tmp.dir);
    } finally {
      ctx.db.close();
      tmp.cleanup();
    }
  });

  it('a refusal does not echo the input: a 1 MB key, 100,000 bad items (message and details stay short)', async () => {
    const tmp = tempDir();
    const ctx = makeContext(tmp.dir, () => undefined);
    try {
      const calls: Array<[string, unknown]> = [
        ['register.save', withOwnKey({ list: 'hamlets', key: null, values: {} }, 'k'.repeat(MB), 1)],
        ['register.save', { list: 'hamlets', key: null, values: { ['k'.repeat(MB)]: { nested: true } } }],
        ['export.table', { fileName: 'x', title: 'x', columns: [{ header: 'A', numeric: false }], rows: Array.from({ length: 100_000 }, () => [{}]) }],
      ];
      for (const [method, params] of calls) {
        const env = await dispatch(handlers, method, params, ctx);
        expect(env.ok).toBe(false);
        expect(JSON.stringify(env).length).toBeLessThan(20_000);
      }
    } finally {
      ctx.db.close();
      tmp.cleanup();
    }
  });

  it('an exception no handler meant is INTERNAL with its first line only, server paths left out', async () => {
    const tmp = tempDir();
    const ctx = makeContext(tmp.dir, () => undefined);
    const failing = {
      ...handlers,
      'overview.get': () => {
        throw new Error(`ENOENT: no such file or directory, open '${tmp.dir}/luudong.sqlite' (C:\\Users\\an\\data\\luudong.sqlite)\n    at open (/work/main/src-main/db/open.ts:12:3)`);
      },
    };
    try {
      const env = await dispatch(failing, 'overview.get', {}, ctx);
      expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: "ENOENT: no such file or directory, open '…' (…)" } });
    } finally {
      ctx.db.close();
      tmp.cleanup();
    }
  });
});
