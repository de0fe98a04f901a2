import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, rpc, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** This spec makes its own plan (the planner, from Monday 28/11/2022), whatever ran before it. */
async function makePlan(page: Page): Promise<number> {
  const { runId } = await rpc<{ runId: string }>(page, 'plan.start', {
    from: '2022-11-28', timeLimitSeconds: 3, keepPinned: false, name: 'Kế hoạch cho lịch trực (e2e)',
  });
  await expect
    .poll(async () => (await rpc<{ state: string }>(page, 'plan.status', { runId })).state, { timeout: 60_000 })
    .toBe('done');
  const run = await rpc<{ planId: number }>(page, 'plan.status', { runId });
  return run.planId;
}

let planId = 0;

test('the duty roster of a commune previews like the official document and saves as PDF and Excel', async ({ app }) => {
  planId = await makePlan(app);
  await app.getByRole('button', { name: 'Lịch trực', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Lịch trực tuần' })).toBeVisible();
  await app.getByTestId('roster-plan').selectOption(String(planId));
  await app.getByTestId('roster-week').selectOption('2022-W48');

  const sheet = app.getByTestId('roster-sheet');
  await expect(sheet).toHaveCount(1);
  await expect(sheet).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(sheet).toContainText('Độc lập - Tự do - Hạnh phúc');
  await expect(sheet).toContainText('ngày 25 tháng 11 năm 2022');
  // The spec's plan is a draft: the paper and the file name say so.
  await expect(sheet).toContainText('LỊCH TRỰC (DỰ THẢO)');
  await expect(sheet).toContainText('Từ ngày 28/11/2022 đến ngày 04/12/2022');
  await expect(sheet).toContainText('NGƯỜI LẬP BIỂU');
  await expect(sheet.getByTestId('roster-table').locator('tbody tr').first()).toBeVisible();
  expect(await sheet.getByTestId('roster-table').locator('tbody tr').count()).toBeGreaterThan(1);
  // The commune picked by default has visits that week, and its name is on the paper.
  const communeLabel = (await app.getByTestId('roster-commune').locator('option:checked').textContent()) ?? '';
  const communeName = communeLabel.replace(/ \(.*$/, '');
  await expect(sheet).toContainText(`trên địa bàn ${communeName.charAt(0).toLowerCase()}${communeName.slice(1)}`);
  await shot(app, 'roster-preview');

  const [pdf] = await Promise.all([app.waitForEvent('download'), app.getByTestId('roster-save-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^lich-truc_2022-W48_\d+_[a-z-]+_du-thao\.pdf$/);
  const pdfBytes = readFileSync((await pdf.path())!);
  expect(pdfBytes.length).toBeGreaterThan(10_000);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(app.getByTestId('roster-notice')).toContainText(pdf.suggestedFilename());

  const [xlsx] = await Promise.all([app.waitForEvent('download'), app.getByTestId('roster-save-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxBytes = readFileSync((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');
});

test('all communes: one sheet each; a team gets its own schedule', async ({ app }) => {
  await app.getByRole('button', { name: 'Lịch trực', exact: true }).click();
  await app.getByTestId('roster-plan').selectOption(String(planId));
  await app.getByTestId('roster-week').selectOption('2022-W48');
  await app.getByTestId('roster-scope').selectOption('allCommunes');
  await expect(app.getByTestId('roster-sheet')).toHaveCount(16);

  await app.getByTestId('roster-scope').selectOption('team');
  const sheet = app.getByTestId('roster-sheet');
  await expect(sheet).toHaveCount(1);
  await expect(sheet).toContainText('LỊCH CÔNG TÁC');
  await expect(sheet).toContainText('Xuất phát từ');
  await expect(sheet).toContainText('TỔ TRƯỞNG');
  await shot(app, 'roster-team');
});

test('document details are saved and printed; Print shows only the document', async ({ app }) => {
  await app.getByRole('button', { name: 'Lịch trực', exact: true }).click();
  await app.getByTestId('roster-plan').selectOption(String(planId));
  await app.getByTestId('roster-week').selectOption('2022-W48');
  await app.getByTestId('roster-settings-open').click();
  await app.getByTestId('roster-setting-chiefName').fill('Nguyễn Văn Thử');
  await app.getByTestId('roster-setting-documentNumber').fill('27');
  await app.getByTestId('roster-settings-save').click();
  const sheet = app.getByTestId('roster-sheet');
  await expect(sheet).toContainText('Nguyễn Văn Thử');
  await expect(sheet).toContainText('Số: 27/LT-');

  await app.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => { (window as unknown as { printed: boolean }).printed = true; };
  });
  await app.getByTestId('roster-print').click();
  expect(await app.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByTestId('roster-save-pdf')).toBeHidden();
  await expect(app.getByRole('navigation', { name: 'main' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await app.emulateMedia({ media: 'screen' });
});
