/**
 * Measures web mode's cold start: from spawning the server process on a fresh data folder
 * (database created and seeded) to the home screen showing the district's totals.
 * Needs a built renderer (`npm run build`) and Chromium. Prints the figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luudong-cold-'));
  const sessionFile = join(dataDir, 'web-session.json');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage();
  const t0 = performance.now();
  const server = spawn(join('node_modules', '.bin', 'tsx'), ['src-main/web/cli.ts', '--port', '0', '--data-dir', dataDir], { stdio: 'ignore' });
  try {
    while (!existsSync(sessionFile)) await new Promise((r) => setTimeout(r, 10));
    const tListening = performance.now();
    const { url } = JSON.parse(readFileSync(sessionFile, 'utf8')) as { url: string };
    await page.goto(url);
    await page.getByTestId('stat-backlog-eid').waitFor();
    await page.locator('path.hamlet-marker').first().waitFor({ state: 'attached' });
    const tRendered = performance.now();
    console.log(`server listening (database created and seeded): ${((tListening - t0) / 1000).toFixed(2)} s`);
    console.log(`first page rendered with totals and map:         ${((tRendered - t0) / 1000).toFixed(2)} s`);
  } finally {
    server.kill('SIGTERM');
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
