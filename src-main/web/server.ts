import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { HandlerContext } from '../api/context';
import { dispatch, type Handlers } from '../api/dispatch';

export const TOKEN_HEADER = 'x-luudong-token';
export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";
const MAX_BODY_BYTES = 32 * 1024 * 1024;

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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
      if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'bad host' } });
      if (url.pathname === '/rpc') {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'BAD_METHOD', message: 'POST only' } });
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'missing or wrong token' } });
        }
        let body: { method?: unknown; params?: unknown };
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch (err) {
          return send(res, 400, { ok: false, error: { code: 'BAD_PARAMS', message: `request is not JSON: ${(err as Error).message}` } });
        }
        const method = typeof body.method === 'string' ? body.method : '';
        return send(res, 200, await dispatch(options.handlers, method, body.params, ctx));
      }
      if (url.pathname === '/events') {
        if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, { ok: false });
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      serveStatic(options.staticDir, url.pathname, res);
    })().catch((err: unknown) => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } }));
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
  const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root + sep) && file !== root) return send(res, 403, { ok: false });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The user interface is not built. Run `npm run build` first.');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}
