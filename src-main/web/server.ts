import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { HandlerContext } from '../api/context';
import { dispatch, plainMessage, type Handlers } from '../api/dispatch';
import type { ErrorCode } from '../api/contract';
import { MAX_FILE_BYTES } from '../io/read';

export const TOKEN_HEADER = 'x-luudong-token';
/** The desktop window's policy (desktop/main.ts), word for word: no framing, no plugins, no forms elsewhere. */
export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
/** On every answer, JSON included. No Access-Control-* header is ever sent: no other origin may read us. */
const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'content-security-policy': CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};
/** An events ticket: single use, and only for this long after it was handed out. */
const TICKET_TTL_MS = 30_000;
const MAX_TICKETS = 100;
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
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
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
 * Who may talk to us: only a request addressed to the bound loopback address and port (another
 * Host is DNS rebinding), from our own origin or from no page at all (a browser's cross-site
 * fetch or form carries another Origin, or Sec-Fetch-Site: cross-site / same-site).
 */
function refusal(req: IncomingMessage, host: string, pathname: string): string | null {
  if (req.headers.host !== host) return `This server answers only at http://${host}/ (the address it printed).`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return 'A request from another site is refused.';
  const site = req.headers['sec-fetch-site'];
  const api = pathname === '/rpc' || pathname.startsWith('/events');
  if (api && site !== undefined && site !== 'same-origin' && site !== 'none') return 'A request from another site is refused.';
  return null;
}

/**
 * The same handlers as the desktop app, on 127.0.0.1 only. Every /rpc call needs the per-launch
 * token in a header. The event stream (EventSource cannot send headers) takes a ticket instead:
 * single use, short-lived, obtained with the token over POST /events/ticket, so the token itself
 * never travels in a URL (where logs and history keep it).
 */
export function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const listeners = new Set<ServerResponse>();
  const tickets = new Map<string, number>();
  const emit: HandlerContext['emit'] = (event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const ctx = options.makeContext(emit);
  let host = '';

  const issueTicket = (): string => {
    const now = Date.now();
    for (const [t, expires] of tickets) if (expires <= now) tickets.delete(t);
    if (tickets.size >= MAX_TICKETS) tickets.delete(tickets.keys().next().value as string);
    const ticket = randomBytes(24).toString('hex');
    tickets.set(ticket, now + TICKET_TTL_MS);
    return ticket;
  };
  const redeemTicket = (ticket: string | null): boolean => {
    const expires = ticket ? tickets.get(ticket) : undefined;
    if (ticket) tickets.delete(ticket);
    return expires !== undefined && expires > Date.now();
  };

  const server = createServer((req, res) => {
    let pathname = '/';
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      pathname = url.pathname;
      const refused = refusal(req, host, pathname);
      if (refused) return fail(res, 403, 'UNAUTHORIZED', refused);
      if (url.pathname === '/rpc' || url.pathname === '/events/ticket') {
        if (req.method !== 'POST') return fail(res, 405, 'BAD_METHOD', 'POST only');
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) return fail(res, 401, 'UNAUTHORIZED', 'missing or wrong token');
        if (url.pathname === '/events/ticket') {
          req.resume();
          return send(res, 200, { ok: true, value: { ticket: issueTicket(), expiresInSeconds: TICKET_TTL_MS / 1000 } });
        }
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
        if (!redeemTicket(url.searchParams.get('ticket'))) return fail(res, 401, 'UNAUTHORIZED', 'missing, used or expired events ticket');
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'BAD_METHOD', 'GET only');
      serveStatic(options.staticDir, req.url ?? '/', res);
    })().catch((err: unknown) => {
      // Something no handler answered: logged here for support (the path only: a query may hold a secret);
      // the caller gets the envelope, not the exception.
      console.error('web: request failed', req.method, pathname, err instanceof Error ? err.message : err);
      if (res.headersSent) return void res.end();
      fail(res, 500, 'INTERNAL', `The request could not be completed (${plainMessage(err)}).`);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      host = `127.0.0.1:${port}`;
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

/**
 * Where scripts and tests find the address: readable by this user only, even if an older file
 * was readable by others (it is replaced, not rewritten in place).
 */
export function writeSessionFile(file: string, running: Pick<RunningServer, 'url' | 'token'>): void {
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify({ url: running.url, token: running.token }), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/**
 * A request path as a file under the folder, or why not. The raw path is checked, before any
 * URL parsing could quietly resolve a "..": dot segments (plain or percent-encoded), backslashes,
 * NUL bytes, drive letters and doubled slashes are refused, not mapped.
 */
export function staticPath(rawUrl: string): { path: string } | { status: number; code: ErrorCode; message: string } {
  const rawPath = rawUrl.split(/[?#]/)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, code: 'BAD_PARAMS', message: 'The address has a malformed percent-escape.' };
  }
  if (decoded.includes('\0')) return { status: 400, code: 'BAD_PARAMS', message: 'The address has a NUL byte.' };
  const outside = { status: 403, code: 'UNAUTHORIZED' as const, message: 'outside the application folder' };
  if (!decoded.startsWith('/') || decoded.startsWith('//') || decoded.includes('\\')) return outside;
  if (/(^|\/)\.{1,2}(\/|$)/.test(decoded) || /(^|\/)[A-Za-z]:/.test(decoded)) return outside;
  return { path: decoded };
}

function serveStatic(root: string, rawUrl: string, res: ServerResponse): void {
  const resolved = staticPath(rawUrl);
  if (!('path' in resolved)) return fail(res, resolved.status, resolved.code, resolved.message);
  const safe = normalize(resolved.path).replace(/^([/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root + sep) && file !== root) return fail(res, 403, 'UNAUTHORIZED', 'outside the application folder');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return fail(res, 503, 'INTERNAL', 'The user interface is not built. Run `npm run build` first.');
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
