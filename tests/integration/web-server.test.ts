import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/app-context';
import { handlers } from '../../src-main/api/handlers';
import type { HandlerContext } from '../../src-main/api/context';
import { startWebServer, TOKEN_HEADER, type RunningServer } from '../../src-main/web/server';
import { tempDir } from '../helpers/tmp';
import { startPlanning } from '../../src-main/workers/run-planner';

let tmp: ReturnType<typeof tempDir>;
let server: RunningServer;
let ctx: HandlerContext;
let base: string;

beforeAll(async () => {
  tmp = tempDir();
  const staticDir = join(tmp.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lưu Động</title>');
  server = await startWebServer({
    port: 0,
    staticDir,
    handlers,
    makeContext: (emit) => (ctx = createContext(join(tmp.dir, 'data'), 'web', emit, { start: startPlanning })),
  });
  base = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const rpc = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${base}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const settingsRows = (): unknown[] => ctx.db.prepare('SELECT * FROM settings ORDER BY key').all();

describe('web mode', () => {
  it('binds to 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers a call with the token', async () => {
    const res = await rpc({ method: 'overview.get', params: {} }, { [TOKEN_HEADER]: server.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { communes: number } };
    expect(body.ok).toBe(true);
    expect(body.value.communes).toBe(16);
  });

  it('refuses a call without the token or with a wrong one (401) and touches nothing', async () => {
    const before = settingsRows();
    const attempts: Array<Record<string, string>> = [{}, { [TOKEN_HEADER]: 'guess' }, { [TOKEN_HEADER]: server.token.slice(0, -1) + 'x' }];
    for (const headers of attempts) {
      const res = await rpc({ method: 'app.setLanguage', params: { language: 'en' } }, headers);
      expect(res.status).toBe(401);
    }
    expect(settingsRows()).toEqual(before);
  });

  it('refuses another Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/rpc`, { method: 'POST', headers: { host: 'evil.example:80', [TOKEN_HEADER]: server.token } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('answers a malformed body with a clear BAD_PARAMS error', async () => {
    const res = await fetch(`${base}/rpc`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('Lưu Động');
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
