/**
 * Web mode hardening (issue 16, item 4): only the bound loopback address and our own origin
 * are served (DNS rebinding, cross-site POSTs); no CORS header on any answer; the page under the
 * desktop window's CSP, never framed; the token never in a log, an error or the audit log, and
 * not in the event stream's URL (a single-use ticket instead); every static path that tries to
 * leave the folder refused; the session file and the database readable by this user only.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src-main/api/app-context';
import type { HandlerContext } from '../../src-main/api/context';
import type { Handlers } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { CSP, startWebServer, TOKEN_HEADER, writeSessionFile, type RunningServer } from '../../src-main/web/server';
import { takeSnapshot } from '../../src-main/db/backups';
import { tempDir } from '../helpers/tmp';
import { startPlanning } from '../../src-main/workers/run-planner';

const SECRET = 'SECRET-OUTSIDE-THE-FOLDER';
let tmp: ReturnType<typeof tempDir>;
let server: RunningServer;
let ctx: HandlerContext;
let host: string;
let base: string;
const logged: string[] = [];

// A handler whose answer JSON cannot hold: the request fails after dispatch, in the server's own catch (which logs).
const withUnserialisable: Handlers = { ...handlers, 'app.info': () => ({ version: 10n }) as never };

beforeAll(async () => {
  tmp = tempDir();
  const staticDir = join(tmp.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lưu Động</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), SECRET);
  for (const level of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  server = await startWebServer({
    port: 0, staticDir, handlers: withUnserialisable,
    makeContext: (emit) => {
      ctx = createContext(join(tmp.dir, 'data'), 'web', emit, { start: startPlanning });
      ctx.checkResults = false;
      return ctx;
    },
  });
  base = new URL(server.url).origin;
  host = new URL(server.url).host;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
  tmp.cleanup();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent exactly as written: path not normalised, any Host, Origin or method. */
function raw(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host, ...headers }, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rpcBody = (method: string, params: unknown = {}): string => JSON.stringify({ method, params });
const withToken = (extra: Record<string, string> = {}): Record<string, string> => ({ [TOKEN_HEADER]: server.token, 'content-type': 'application/json', ...extra });
const settings = (): unknown => ctx.db.prepare('SELECT * FROM settings ORDER BY key').all();

describe('who may call', () => {
  it('the bound address with the token: answered', async () => {
    const res = await raw('/rpc', { method: 'POST', headers: withToken({ origin: base }), body: rpcBody('overview.get') });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it.each(['evil.example', 'evil.example:PORT', 'localhost:PORT', '127.0.0.1', '127.0.0.2:PORT', '[::1]:PORT', ''])(
    'another Host (%j): 403 before anything is read, the data untouched', async (pattern) => {
      const other = pattern.replace('PORT', new URL(base).port);
      const before = settings();
      const res = await raw('/rpc', { method: 'POST', headers: withToken({ host: other }), body: rpcBody('app.setLanguage', { language: 'en' }) });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(settings()).toEqual(before);
      expect((await raw('/', { headers: { host: other } })).status).toBe(403);
    });

  it('the port counts too: the right address on another port is another Host', async () => {
    const [name, port] = host.split(':');
    expect((await raw('/', { headers: { host: `${name}:${Number(port) + 1}` } })).status).toBe(403);
  });

  it.each(['https://evil.example', 'http://127.0.0.1', 'http://localhost:PORT', 'null', 'BASE.evil.example', 'https://127.0.0.1:PORT'])(
    'a cross-site POST (Origin %s) with the right token: 403, nothing changed', async (pattern) => {
      const origin = pattern.replace('PORT', new URL(base).port).replace('BASE', base);
      const before = settings();
      const res = await raw('/rpc', { method: 'POST', headers: withToken({ origin }), body: rpcBody('app.setLanguage', { language: 'en' }) });
      expect(res.status).toBe(403);
      expect(settings()).toEqual(before);
    });

  it.each(['cross-site', 'same-site'])('Sec-Fetch-Site: %s is refused on /rpc and /events', async (site) => {
    expect((await raw('/rpc', { method: 'POST', headers: withToken({ 'sec-fetch-site': site }), body: rpcBody('overview.get') })).status).toBe(403);
    expect((await raw('/events/ticket', { method: 'POST', headers: withToken({ 'sec-fetch-site': site }) })).status).toBe(403);
  });

  it('no answer carries a CORS header, a preflight included', async () => {
    const answers = [
      await raw('/'),
      await raw('/assets/app.js'),
      await raw('/rpc', { method: 'POST', headers: withToken(), body: rpcBody('overview.get') }),
      await raw('/rpc', { method: 'POST', body: rpcBody('overview.get') }),
      await raw('/rpc', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': TOKEN_HEADER } }),
      await raw('/rpc', { method: 'OPTIONS' }),
      await raw('/events'),
      await raw('/events/ticket', { method: 'POST' }),
      await raw('/../etc/passwd'),
    ];
    for (const a of answers) {
      expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(answers[4]!.status).toBe(403);
    expect(answers[5]!.status).toBe(405);
  });
});

describe('the page', () => {
  it('is served with the desktop window CSP (frame-ancestors none), X-Frame-Options DENY and nosniff', async () => {
    const desktop = /export const CSP = "([^"]+)"/.exec(readFileSync(join(__dirname, '../../src-main/desktop/main.ts'), 'utf8'))?.[1];
    expect(CSP).toBe(desktop);
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('static paths that try to leave the folder are refused', () => {
  it.each([
    ['dot segments', '/../secret.txt'],
    ['dot segments deeper', '/assets/../../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded dots and slash', '/%2e%2e%2fsecret.txt'],
    ['mixed', '/assets/..%2f..%2fsecret.txt'],
    ['upper-case escapes', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['a single dot', '/./index.html'],
    ['encoded backslashes', '/..%5c..%5csecret.txt'],
    ['a raw backslash path', '/%5c%5cserver%5cshare%5csecret.txt'],
    ['an absolute path', '//etc/passwd'],
    ['an encoded absolute path', '/%2fetc%2fpasswd'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an encoded drive letter', '/c%3a%5cwindows%5cwin.ini'],
    ['an absolute-form request target', `http://evil.example/../secret.txt`],
  ])('%s (%s): 403, nothing from outside', async (_name, path) => {
    const res = await raw(path);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
  });

  it.each(['/index.html%00.js', '/%00', '/assets/app.js%00'])('a NUL byte (%s): 400', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
  });

  it('ordinary paths are still served', async () => {
    expect((await raw('/assets/app.js')).body).toBe('console.log(1)');
    expect((await raw('/some/screen')).body).toContain('Lưu Động');
  });
});

describe('the events stream takes a single-use ticket, never the token', () => {
  it('a ticket from POST /events/ticket (token in the header) opens the stream once', async () => {
    expect((await raw('/events/ticket', { method: 'POST' })).status).toBe(401);
    const issued = JSON.parse((await raw('/events/ticket', { method: 'POST', headers: withToken() })).body) as { ok: true; value: { ticket: string } };
    expect(issued.value.ticket).toMatch(/^[0-9a-f]{48}$/);
    expect(issued.value.ticket).not.toBe(server.token);

    const received = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(base);
      const req = request({ host: '127.0.0.1', port, path: `/events?ticket=${issued.value.ticket}`, headers: { host } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          if (text.includes('connected')) ctx.emit({ topic: 'plan.progress', payload: { x: 1 } });
          if (text.includes('plan.progress')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('"topic":"plan.progress"');
    // Spent: the same ticket is refused.
    expect((await raw(`/events?ticket=${issued.value.ticket}`)).status).toBe(401);
  });

  it('the token in the query opens nothing, nor does a made-up ticket', async () => {
    expect((await raw(`/events?token=${server.token}`)).status).toBe(401);
    expect((await raw(`/events?ticket=${'0'.repeat(48)}`)).status).toBe(401);
    expect((await raw('/events')).status).toBe(401);
  });
});

describe('the token is never written anywhere but the session file', () => {
  it('not in a log line, an error answer or the audit log, whatever fails', async () => {
    await raw(`/?token=${server.token}`);
    await raw(`/events?token=${server.token}`);
    const failed = await raw(`/rpc?token=${server.token}`, { method: 'POST', headers: withToken(), body: rpcBody('app.info') });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await raw('/rpc', { method: 'POST', headers: withToken(), body: rpcBody('app.setLanguage', { language: 'en' }) });
    await raw('/rpc', { method: 'POST', headers: withToken(), body: `{"method":"x","params":"${server.token}"` });
    expect(logged.some((l) => l.includes('web: request failed'))).toBe(true);
    expect(logged.join('\n')).not.toContain(server.token);
    expect(failed.body).not.toContain(server.token);
    expect(JSON.stringify(ctx.db.prepare('SELECT * FROM audit_log').all())).not.toContain(server.token);
  });
});

describe('files readable by this user only', () => {
  it('web-session.json is 0600 even when an older one was 0644', () => {
    const file = join(tmp.dir, 'web-session.json');
    writeFileSync(file, '{"url":"old"}', { mode: 0o644 });
    expect(statSync(file).mode & 0o777).toBe(0o644);
    writeSessionFile(file, { url: 'http://127.0.0.1:1/?token=t', token: 't' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ url: 'http://127.0.0.1:1/?token=t', token: 't' });
  });

  it('the database (and its WAL) is created 0600, whatever the umask', () => {
    const dir = join(tmp.dir, 'fresh');
    mkdirSync(dir);
    const previous = process.umask(0o022);
    try {
      const fresh = createContext(dir, 'web', () => undefined, { start: startPlanning });
      fresh.db.prepare('SELECT 1').get();
      for (const name of ['luudong.sqlite', 'luudong.sqlite-wal', 'luudong.sqlite-shm']) {
        const path = join(dir, name);
        if (existsSync(path)) expect(statSync(path).mode & 0o777, name).toBe(0o600);
      }
      expect(existsSync(join(dir, 'luudong.sqlite'))).toBe(true);
      // A snapshot is a copy of the same data: private too.
      const snapshot = takeSnapshot(fresh.db, join(dir, 'luudong.sqlite'), 'manual');
      expect(statSync(join(dir, 'backups', snapshot.file)).mode & 0o777).toBe(0o600);
      fresh.db.close();
    } finally {
      process.umask(previous);
    }
  });
});
