import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DATA_DIR } from '../../playwright.config';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** The address web mode printed, with its per-launch token. */
export function sessionUrl(): string {
  return (JSON.parse(readFileSync(join(E2E_DATA_DIR, 'web-session.json'), 'utf8')) as { url: string }).url;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Calls the contract from inside the page, with the page's own token. */
export async function rpc<T>(page: Page, method: string, params: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([m, p]) => {
      const token = sessionStorage.getItem('luudong.token') ?? '';
      const res = await fetch('/rpc', { method: 'POST', headers: { 'x-luudong-token': token }, body: JSON.stringify({ method: m, params: p }) });
      const body = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value;
    },
    [method, params] as const,
  ) as Promise<T>;
}

export const test = base.extend<{ app: Page }>({
  app: async ({ page }, use) => {
    // Whatever the test does, the page itself must not log an error (a CSP violation included).
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(sessionUrl());
    // The page keeps its token for this tab; calls made from the test need it there.
    await page.waitForFunction(() => sessionStorage.getItem('luudong.token'));
    await use(page);
    expect(errors, 'errors the page logged').toEqual([]);
  },
});
export { expect };
