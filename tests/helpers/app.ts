import { createContext } from '../../src-main/api/app-context';
import type { HandlerContext } from '../../src-main/api/context';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import type { Envelope } from '../../src-main/api/contract';
import { tempDir } from './tmp';
import { startPlanning } from '../../src-main/workers/run-planner';

/** A real app context on a fresh SQLite file seeded with the demo district. */
export function testApp(): { ctx: HandlerContext; rpc: (method: string, params?: unknown) => Promise<Envelope<unknown>>; events: unknown[]; close: () => void } {
  const tmp = tempDir();
  const events: unknown[] = [];
  const ctx = createContext(tmp.dir, 'web', (e) => events.push(e), { start: startPlanning });
  return {
    ctx,
    events,
    rpc: (method, params) => dispatch(handlers, method, params ?? {}, ctx),
    close: () => {
      ctx.db.close();
      tmp.cleanup();
    },
  };
}

/** Fails the test with the RPC error's message instead of a type error. */
export function valueOf<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

/** Every row of every domain table, for "nothing changed" assertions. */
export function snapshot(ctx: HandlerContext): Record<string, unknown[]> {
  const names = (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, ctx.db.prepare(`SELECT * FROM ${n}`).all()]));
}
