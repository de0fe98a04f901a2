/**
 * Measures the plan screen on a large database (made by scripts/province-db.ts):
 *
 *   npx tsx scripts/measure-province-ui.ts <data-dir>
 *
 * Starts web mode on <data-dir> (the database is used as it is), opens #/plan in headless
 * Chromium and times: verdict banner and calendar with route chips, next week, the map
 * with route lines, the burn-down chart. Prints each figure, the calendar's DOM size and the
 * size of every RPC answer; screenshots go to .tmp/province-*.png. Needs a built renderer.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const SHOTS = resolve('.tmp');

async function timed(label: string, figures: Array<[string, number]>, action: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await action();
  const ms = performance.now() - t0;
  figures.push([label, ms]);
  console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  return ms;
}

const firstChipId = (page: Page): Promise<string | null> =>
  page.locator('[data-testid=route-chip]').first().getAttribute('data-route-id');

async function main(argv: readonly string[]): Promise<number> {
  const dir = argv[0];
  if (!dir) {
    console.error('Usage: npx tsx scripts/measure-province-ui.ts <data-dir>');
    return 2;
  }
  const dataDir = resolve(dir);
  if (!existsSync(join(dataDir, 'luudong.sqlite'))) {
    console.error(`measure-province-ui: no luudong.sqlite in ${dataDir} (run scripts/province-db.ts first)`);
    return 2;
  }
  mkdirSync(SHOTS, { recursive: true });
  const sessionFile = join(dataDir, 'web-session.json');
  rmSync(sessionFile, { force: true });
  const figures: Array<[string, number]> = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const answers: Array<{ method: string; bytes: number }> = [];
  page.on('response', (res) => {
    if (!res.url().endsWith('/rpc')) return;
    const method = (JSON.parse(res.request().postData() ?? '{}') as { method?: string }).method ?? '?';
    void res.body().then((b) => answers.push({ method, bytes: b.length }), () => undefined);
  });
  const t0 = performance.now();
  const server = spawn(join('node_modules', '.bin', 'tsx'), ['src-main/web/cli.ts', '--port', '0', '--data-dir', dataDir], { stdio: 'ignore' });
  try {
    while (!existsSync(sessionFile)) await new Promise((r) => setTimeout(r, 10));
    console.log(`${'server listening'.padEnd(52)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
    const { url } = JSON.parse(readFileSync(sessionFile, 'utf8')) as { url: string };

    await timed('open #/plan -> verdict banner', figures, async () => {
      await page.goto(`${url.split('#')[0]}#/plan`);
      await page.getByTestId('verdict').waitFor();
    });
    await timed('  ... then calendar with route chips', figures, async () => {
      await page.locator('[data-testid=calendar] [data-testid=route-chip]').first().waitFor();
    });
    const total = figures.reduce((s, [, ms]) => s + ms, 0);
    console.log(`${'  = open #/plan -> calendar with chips'.padEnd(52)} ${(total / 1000).toFixed(2).padStart(7)} s`);
    const domNodes = await page.evaluate(() => document.querySelectorAll('[data-testid=calendar] *').length);
    const chips = await page.locator('[data-testid=route-chip]').count();
    console.log(`calendar DOM nodes: ${domNodes}; route chips rendered: ${chips}`);
    await page.screenshot({ path: join(SHOTS, 'province-calendar.png') });

    const before = await firstChipId(page);
    await timed('next week (▶) -> chips re-rendered', figures, async () => {
      await page.getByRole('button', { name: 'Tuần sau' }).click();
      await page.waitForFunction(
        (prev) => {
          const chip = document.querySelector('[data-testid=route-chip]');
          return chip !== null && chip.getAttribute('data-route-id') !== prev;
        },
        before,
      );
    });
    console.log(`calendar DOM nodes after next week: ${await page.evaluate(() => document.querySelectorAll('[data-testid=calendar] *').length)}`);
    await page.screenshot({ path: join(SHOTS, 'province-calendar-week2.png') });

    await timed('map view (Bản đồ) -> path.route-line', figures, async () => {
      await page.getByRole('button', { name: 'Bản đồ', exact: true }).click();
      await page.locator('path.route-line').first().waitFor({ state: 'attached' });
    });
    const lines = await page.locator('path.route-line').count();
    console.log(`route lines on the map: ${lines}; map DOM nodes: ${await page.evaluate(() => document.querySelectorAll('[data-testid=route-map] *').length)}`);
    await page.screenshot({ path: join(SHOTS, 'province-map.png') });

    await timed('burn-down (Tiến độ) -> .recharts-line path', figures, async () => {
      await page.getByRole('button', { name: 'Tiến độ', exact: true }).click();
      await page.locator('.recharts-line path').first().waitFor({ state: 'attached' });
    });
    await page.screenshot({ path: join(SHOTS, 'province-burndown.png') });

    await timed('back to calendar -> route chips', figures, async () => {
      await page.getByRole('button', { name: 'Lịch', exact: true }).click();
      await page.locator('[data-testid=route-chip]').first().waitFor();
    });

    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    if (heap) console.log(`renderer JS heap used: ${(heap / 1048576).toFixed(0)} MB`);
    await new Promise((r) => setTimeout(r, 200));
    const byMethod = new Map<string, { n: number; bytes: number; largest: number }>();
    for (const a of answers) {
      const m = byMethod.get(a.method) ?? { n: 0, bytes: 0, largest: 0 };
      byMethod.set(a.method, { n: m.n + 1, bytes: m.bytes + a.bytes, largest: Math.max(m.largest, a.bytes) });
    }
    const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(2).padStart(6)} MB`;
    console.log('RPC answers (calls, total size, largest):');
    for (const [method, m] of [...byMethod].sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`  ${method.padEnd(24)} ${String(m.n).padStart(3)}  ${mb(m.bytes)}  ${mb(m.largest)}`);
    }
    const slow = figures.filter(([, ms]) => ms > 2000).map(([label]) => label.trim());
    console.log(slow.length ? `over 2 s: ${slow.join('; ')}` : 'nothing over 2 s');
    return 0;
  } finally {
    server.kill('SIGTERM');
    await browser.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
