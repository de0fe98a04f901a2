import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { HandlerContext } from '../api/context';
import { dispatch, type Handlers } from '../api/dispatch';
import type { ErrorCode } from '../api/contract';
import { MAX_FILE_BYTES } from '../io/read';

export const TOKEN_HEADER = 'x-luudong-token';
export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";
/** A call carries at most one file, base64 (4/3 of its size), and the rest of its params. */
const MAX_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;
/** A larger body is read to its end (so the browser gets the answer) but not kept; beyond this, the connection is cut. */
const MAX_DRAIN_BYTES = 1024 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

export interface WebServerOptions {
  port: number;
  staticDir: string;
  handlers: Handlers;
  makeContext: (emit: HandlerContext['emit']) => HandlerContext;
  token?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  token: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // Serialised before the head goes out: a value JSON cannot hold still gets an answer (below).
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The one failure envelope, whatever went wrong and wherever. */
function fail(res: ServerResponse, status: number, code: ErrorCode, message: string, details?: unknown): void {
  send(res, status, { ok: false, error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;

class BodyTooLarge extends Error {}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text; a body over the limit is read to its end and dropped (BodyTooLarge), so the answer reaches the caller. */
async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      break;
    }
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
  return Buffer.concat(chunks).toString('utf8');
}

type RpcRequest = { method: string; params: unknown };

/** A body is a JSON object with a method name; anything else is refused before dispatch. */
function parseRpc(text: string): RpcRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    return `the request is not JSON (${(err as Error).message})`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the request must be a JSON object { "method": ..., "params": ... }';
  const { method, params } = body as { method?: unknown; params?: unknown };
  if (typeof method !== 'string') return 'the request names no method (a string)';
  return { method, params };
}

/**
 * The same handlers as the desktop app, on 127.0.0.1 only. Every /rpc and /events call
 * needs the per-launch token; without it: 401 and nothing is touched.
 */
export function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const listeners = new Set<ServerResponse>();
  const emit: HandlerContext['emit'] = (event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const ctx = options.makeContext(emit);
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // Refuse other Host names: a page elsewhere cannot reach us through DNS rebinding.
      if (!allowedHosts.includes(req.headers.host ?? '')) return fail(res, 403, 'UNAUTHORIZED', 'bad host');
      if (url.pathname === '/rpc') {
        if (req.method !== 'POST') return fail(res, 405, 'BAD_METHOD', 'POST only');
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) return fail(res, 401, 'UNAUTHORIZED', 'missing or wrong token');
        let text: string;
        try {
          text = await readBody(req);
        } catch (err) {
          if (!(err instanceof BodyTooLarge)) throw err;
          return fail(res, 413, 'BAD_PARAMS', `The request is too large: a file to import may be at most ${MAX_FILE_MB} MB.`,
            { key: 'tooLarge', params: { maxMb: MAX_FILE_MB } });
        }
        const call = parseRpc(text);
        if (typeof call === 'string') return fail(res, 400, 'BAD_PARAMS', call);
        return send(res, 200, await dispatch(options.handlers, call.method, call.params, ctx));
      }
      if (url.pathname === '/events') {
        if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return fail(res, 401, 'UNAUTHORIZED', 'missing or wrong token');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      serveStatic(options.staticDir, url.pathname, res);
    })().catch((err: unknown) => {
      // Something no handler answered: logged here for support; the caller gets the envelope, not the exception.
      console.error('web: request failed', req.method, req.url, err);
      if (res.headersSent) return void res.end();
      fail(res, 500, 'INTERNAL', `The request could not be completed (${err instanceof Error ? err.message.split('\n')[0] : 'unknown error'}).`);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      resolve({
        server,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const r of listeners) r.end();
            server.close(() => {
              ctx.db.close();
              done();
            });
          }),
      });
    });
  });
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return fail(res, 400, 'BAD_PARAMS', 'The address has a malformed percent-escape.');
  }
  const safe = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root + sep) && file !== root) return fail(res, 403, 'UNAUTHORIZED', 'outside the application folder');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return fail(res, 503, 'INTERNAL', 'The user interface is not built. Run `npm run build` first.');
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
