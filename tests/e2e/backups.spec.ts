import type { Page } from '@playwright/test';
import { expect, rpc, sessionUrl, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** A draft plan made by the real planner (short run), as the Plan screen would. */
async function draftPlan(page: Page): Promise<number> {
  const { runId } = await rpc<{ runId: string }>(page, 'plan.start', { timeLimitSeconds: 1, seed: 1 });
  for (;;) {
    const run = await rpc<{ state: string; planId: number | null; error: unknown }>(page, 'plan.status', { runId });
    if (run.state === 'done' && run.planId !== null) return run.planId;
    if (run.state !== 'running') throw new Error(`planning ended ${run.state}: ${JSON.stringify(run.error)}`);
    await page.waitForTimeout(200);
  }
}

const hamletEid = (page: Page) =>
  page.getByTestId('table-hamlets').locator('tbody tr', { hasText: '15607-01' }).locator('td[data-field="remainingEid"]');

test.afterAll(async ({ browser }) => {
  // Leave the shared e2e database as the demo, whatever the order of the spec files.
  const page = await browser.newPage();
  await page.goto(sessionUrl());
  await page.waitForFunction(() => sessionStorage.getItem('luudong.token'));
  await rpc(page, 'demo.reset', { confirm: true });
  await page.close();
});

test('restoring the snapshot taken before a publish brings the data of that moment back, and can be undone', async ({ app }) => {
  await rpc(app, 'demo.reset', { confirm: true });
  const planId = await draftPlan(app);
  await rpc(app, 'plans.publish', { planId });
  await app.reload();

  // After the publish, a chief changes a hamlet's backlog.
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  const cell = hamletEid(app);
  await expect(cell).toHaveText('228');
  await cell.click();
  await cell.getByRole('textbox').fill('200');
  await cell.getByRole('textbox').press('Enter');
  await expect(cell).toHaveText('200');

  await app.getByRole('button', { name: 'Sao lưu', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Sao lưu dữ liệu' })).toBeVisible();
  const table = app.getByTestId('backups');
  const beforePublish = table.locator('tbody tr', { hasText: 'Trước khi ban hành kế hoạch' }).first();
  await expect(beforePublish).toBeVisible();
  // dd/MM/yyyy HH:mm, the reason in words, the size, what it holds.
  await expect(beforePublish.locator('td').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(beforePublish).toContainText(/\d+ kB|MB/);
  await expect(beforePublish).toContainText('152 thôn/bản, 1 kế hoạch (0 đã ban hành)');
  await shot(app, 'backups-list');

  await beforePublish.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  const dialog = app.getByTestId('restore-dialog');
  await expect(dialog).toContainText('Toàn bộ dữ liệu hiện tại');
  await expect(dialog).toContainText('Trước khi ban hành kế hoạch');
  await expect(dialog).toContainText('Trước khi khôi phục bản sao lưu');
  await shot(app, 'backups-confirm');
  await dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Đã khôi phục bản sao lưu');

  // The list now starts with the copy of what was replaced: the restore can be undone.
  await expect(table.locator('tbody tr').first()).toContainText('Trước khi khôi phục bản sao lưu');
  await expect(table.locator('tbody tr').first()).toContainText('1 kế hoạch (1 đã ban hành)');
  await shot(app, 'backups-restored');

  // The data of that moment is back: the backlog as it was, the plan a draft again.
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  await expect(hamletEid(app)).toHaveText('228');
  await app.getByRole('button', { name: 'Tổng quan', exact: true }).click();
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('65.720');
  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await expect(app.getByText('Bản nháp').first()).toBeVisible();
  await expect(app.getByText('Đang áp dụng')).toHaveCount(0);
  // The change log says what happened.
  await app.getByRole('button', { name: 'Nhật ký thay đổi', exact: true }).click();
  await expect(app.getByTestId('audit-log').locator('tbody tr').first()).toContainText('Khôi phục bản sao lưu');

  // Undo: restore the copy taken before the restore; the edit and the publication come back.
  await app.getByRole('button', { name: 'Sao lưu', exact: true }).click();
  await table.locator('tbody tr').first().getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await app.getByTestId('restore-dialog').getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(app.getByRole('status')).toContainText('Đã khôi phục bản sao lưu');
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  await expect(hamletEid(app)).toHaveText('200');
});
