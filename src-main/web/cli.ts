import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createContext } from '../api/app-context';
import { handlers } from '../api/handlers';
import { startWebServer, writeSessionFile } from './server';
import { flagsOrExit } from '../cli/flags';
import { startPlanning } from '../workers/run-planner';

const flags = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5173),
  'data-dir': z.string().min(1).default('./data'),
}).strict();

const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR]
  Serves the app (the same screens and handlers as the desktop app) on this computer only, at
  http://127.0.0.1:<port>/ with a session token, and prints the address to open.
  --port      port to listen on (default 5173; 0 takes a free one)
  --data-dir  the folder that holds the database and backups (default ./data; the demo area is
              made there on first start)`;

async function main(): Promise<void> {
  const opts = flagsOrExit(process.argv.slice(2), flags, 'web', USAGE);
  if (typeof opts === 'number') process.exit(opts);
  const dataDir = resolve(opts['data-dir']);
  mkdirSync(dataDir, { recursive: true });
  const running = await startWebServer({
    port: opts.port,
    staticDir: resolve(__dirname, '../../out/renderer'),
    handlers,
    makeContext: (emit) => {
      const ctx = createContext(dataDir, 'web', emit, { start: startPlanning });
      // A damaged database: the app still starts, showing the problem and the backup on offer.
      if (ctx.dbProblem) console.error(`Warning: ${ctx.dbProblem.message}`);
      return ctx;
    },
  });
  // Tests and scripts read the address here; readable by this user only.
  writeSessionFile(join(dataDir, 'web-session.json'), running);
  console.log(`Lưu Động (web mode) is running. Open this address in a browser on this computer:\n  ${running.url}`);
  console.log(`Data folder: ${dataDir}   (Ctrl+C to stop)`);
  const stop = (): void => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Lưu Động could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
