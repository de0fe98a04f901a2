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

// Issue 16: fuzzed calls got HTTP 500s (body null, a malformed percent-escape) and an INTERNAL
// (a sheet title starting with an apostrophe), with the exception's text. Every failure is now
// the one envelope { ok: false, error: { code, message } }, with a code the UI translates.
describe('every failure is one envelope with a code', () => {
  const CODES = ['BAD_METHOD', 'BAD_PARAMS', 'NOT_FOUND', 'CONFLICT', 'DB_TOO_NEW', 'NO_CAMPAIGN', 'CANCELLED', 'UNAUTHORIZED', 'INTERNAL'];
  const post = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}/rpc`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token, ...headers }, body });

  async function expectEnvelope(res: Response, code?: string): Promise<{ ok: boolean; error?: { code: string; message: string; details?: unknown } }> {
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
    if (!body.ok) {
      expect(CODES).toContain(body.error?.code);
      expect(typeof body.error?.message).toBe('string');
      expect(body.error?.message).not.toMatch(/\n\s+at |TypeError|ReferenceError|Cannot read properties/);
      if (code) expect(body.error?.code).toBe(code);
    }
    return body;
  }

  it.each(['null', '[]', '"overview.get"', '42', 'true', '{"method": 5}', '{"method": null, "params": null}', '{"params": {}}', ''])(
    'a body of %j', async (body) => {
      const env = await expectEnvelope(await post(body));
      expect(env.ok).toBe(false);
    });

  it('params null are no params', async () => {
    expect((await expectEnvelope(await post('{"method":"overview.get","params":null}'))).ok).toBe(true);
  });

  it.each(['/%E0%A4%A', '/%', '/%zz', '/assets/%E0%A4%A.js'])('a malformed percent-escape in the path %s', async (path) => {
    await expectEnvelope(await fetch(`${base}${path}`), 'BAD_PARAMS');
  });

  it('a wrong token on /events and a path outside the folder get a coded envelope too', async () => {
    await expectEnvelope(await fetch(`${base}/events?token=nope`), 'UNAUTHORIZED');
    await expectEnvelope(await rpc({ method: 'overview.get' }), 'UNAUTHORIZED');
  });

  it.each(["'Thôn còn thiếu", "Thôn còn thiếu'", "'", 'History', '[a]:*?/\\', ' ', "''''''''''''''''''''''''''''''''''''x"])(
    'a table export titled %j is written (the sheet gets a name Excel accepts)', async (title) => {
      const res = await rpc({ method: 'export.table', params: { fileName: 'bang', title, columns: [{ header: 'A', numeric: false }], rows: [['x']] } },
        { [TOKEN_HEADER]: server.token });
      const env = await expectEnvelope(res);
      expect(env.ok).toBe(true);
    });

  it('a 52 MB upload is refused as a file too large, naming the limit, not as "not JSON"', async () => {
    const big = JSON.stringify({ method: 'import.preview', params: { list: 'hamlets', fileName: 'big.csv', base64: 'A'.repeat(52 * 1024 * 1024) } });
    const res = await post(big, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    const env = await expectEnvelope(res, 'BAD_PARAMS');
    expect(env.error?.message).toMatch(/too large.*20 MB/);
    expect(env.error?.details).toEqual({ key: 'tooLarge', params: { maxMb: 20 } });
    // The server still answers afterwards.
    expect((await expectEnvelope(await post('{"method":"overview.get"}'))).ok).toBe(true);
  });

  it('a plain zip named .xlsx is "not an Excel workbook", not "the file is empty"', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const zip = zipOf('readme.txt', Buffer.from('hello'), deflateRawSync);
    const res = await post(JSON.stringify({ method: 'import.preview', params: { list: 'hamlets', fileName: 'data.xlsx', base64: zip.toString('base64') } }));
    const env = (await expectEnvelope(res)) as unknown as { ok: true; value: { fileProblem: unknown } };
    expect(env.value.fileProblem).toEqual({ key: 'notSpreadsheet' });
  });

  it('odd params for every method: never a 500, never an uncoded error, never a stack', async () => {
    const { contract } = await import('../../src-main/api/contract');
    // plan.start with valid params would start a real planning run; the rest are safe to call.
    const methods = Object.keys(contract).filter((m) => m !== 'plan.start');
    const odd: unknown[] = [null, [], {}, 'x', 0, -1, 1e308, { list: 'hamlets' }, { list: 'nope', key: '%E0%A4%A' }, { planId: 1e20 }, { planId: -1 },
      { planId: 999 }, { list: 'hamlets', key: '999999', confirm: true }, { list: 'hamlets', fileName: "'", base64: '!!!' },
      { list: 'hamlets', key: null, values: { population: 1e300, name: "'" } }, { runId: "'" }, { id: 1e20 }, { limit: -5 },
      { list: 'hamlets', fileName: 'a.xlsx', base64: 'UEsDBA==' }, { __proto__: { x: 1 } }, { constructor: 'x' }];
    for (const method of methods) {
      for (const params of odd) {
        const res = await post(JSON.stringify({ method, params }));
        const env = await expectEnvelope(res);
        if (!env.ok) expect(env.error?.code, `${method} ${JSON.stringify(params)}: ${env.error?.message}`).not.toBe('INTERNAL');
      }
    }
  }, 120_000);
});

/** A one-file zip (stored deflated), enough to be a zip that is not a workbook. */
function zipOf(name: string, data: Buffer, deflate: (b: Buffer) => Buffer): Buffer {
  const body = deflate(data);
  const crc = crc32(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(body.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
  const offset = local.length + nameBytes.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
