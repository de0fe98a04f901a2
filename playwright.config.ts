import { defineConfig } from '@playwright/test';

export const E2E_PORT = 4399;
export const E2E_DATA_DIR = '.tmp/e2e-data';

/** E2E against web mode (the same renderer and handlers as the desktop app) in Debian's Chromium. */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm run web --silent -- --port ${E2E_PORT} --data-dir ${E2E_DATA_DIR}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // Every RPC result is checked against the contract during E2E.
    env: { LUUDONG_CHECK_RESULTS: '1' },
  },
});
