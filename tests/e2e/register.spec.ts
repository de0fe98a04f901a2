import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, rpc, sessionUrl, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const FIXTURES = join(__dirname, '../fixtures/import');

/** The same reset as the toolbar button, without its confirm dialog: every test starts from the demo. */
async function resetDemo(page: Page): Promise<void> {
  await rpc(page, 'demo.reset', { confirm: true });
  await page.reload();
}

/** The language as the app stores it (the database), then a reload: what a user's next start shows. */
async function useLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
  await rpc(page, 'app.setLanguage', { language });
  await page.evaluate((l) => localStorage.setItem('luudong.language', l), language);
  await page.reload();
}

const hamletRow = (page: Page, code: string) => page.getByTestId('table-hamlets').locator('tbody tr', { hasText: code });

test.beforeEach(async ({ app }) => {
  await resetDemo(app);
});

test.afterAll(async ({ browser }) => {
  // Leave the shared e2e database as the demo, whatever the order of the spec files.
  const page = await browser.newPage();
  await page.goto(sessionUrl());
  await resetDemo(page);
  await page.close();
});

test('editing a hamlet backlog: bad values are marked on the cell, a good one changes the home totals, undo puts it back', async ({ app }) => {
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('65.720');
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  const cell = hamletRow(app, '15607-01').locator('td[data-field="remainingEid"]');
  await expect(cell).toHaveText('228');

  await cell.click();
  await cell.getByRole('textbox').fill('5000');
  await cell.getByRole('textbox').press('Enter');
  await expect(cell.getByRole('alert')).toContainText('lớn hơn dân số (308)');
  await cell.getByRole('textbox').fill('hai trăm');
  await cell.getByRole('textbox').press('Enter');
  await expect(cell.getByRole('alert')).toContainText('"hai trăm" không phải là số');
  await shot(app, 'register-cell-error');

  await cell.getByRole('textbox').fill('200');
  await cell.getByRole('textbox').press('Enter');
  await expect(cell).toHaveText('200');
  await expect(cell.getByRole('alert')).toHaveCount(0);
  await expect(hamletRow(app, '15607-01').locator('td[data-field="countedOn"]')).not.toHaveText('17/11/2022');

  await app.getByRole('button', { name: 'Tổng quan' }).click();
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('65.692');

  await app.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
  await expect(app.getByTestId('audit-log').locator('tbody tr').first()).toContainText('ĐDĐT còn phải làm: 228 → 200');
  await shot(app, 'register-audit');

  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  await app.getByTestId('undo').click();
  await expect(app.getByRole('status')).toContainText('Đã hoàn tác');
  await expect(cell).toHaveText('228');
  await app.getByRole('button', { name: 'Tổng quan' }).click();
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('65.720');
});

test('importing a good file: preview first, then the new rows are in the list', async ({ app }) => {
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  await expect(app.getByTestId('table-hamlets').locator('tbody tr')).toHaveCount(152);
  await app.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
  const dialog = app.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(join(FIXTURES, 'hamlets-good.xlsx'));
  await expect(dialog.getByTestId('import-summary')).toContainText('Thêm mới 2, cập nhật 1, không đổi 0, lỗi 0');
  await expect(dialog.getByTestId('import-adds')).toContainText('Bản Khà Mới');
  await expect(dialog.getByTestId('import-adds')).toContainText('Bản Mới Lập');
  await expect(dialog.getByTestId('import-updates')).toContainText('ĐDĐT còn phải làm: 228 → 200');
  // Nothing is written before the user confirms.
  await expect(app.getByTestId('table-hamlets').locator('tbody tr')).toHaveCount(152);
  await shot(app, 'register-import-preview');

  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('status')).toContainText('Đã nhập hamlets-good.xlsx: thêm 2, cập nhật 1 dòng');
  await expect(app.getByTestId('table-hamlets').locator('tbody tr')).toHaveCount(154);
  await expect(hamletRow(app, '15607-10')).toContainText('Bản Khà Mới');
  await expect(hamletRow(app, '15610-10')).toContainText('Bản Mới Lập');
  await shot(app, 'register-import-done');

  // Undo takes the whole import back in one step.
  await expect(app.getByTestId('undo')).toContainText('nhập tệp hamlets-good.xlsx');
  await app.getByTestId('undo').click();
  await expect(app.getByTestId('table-hamlets').locator('tbody tr')).toHaveCount(152);
});

test('importing a bad file shows every rejected row with its reason, and writes nothing', async ({ app }) => {
  await app.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  await app.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
  const dialog = app.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(join(FIXTURES, 'absurd-hamlets.xlsx'));
  const rejects = dialog.getByTestId('import-rejects');
  await expect(rejects.locator('tbody tr')).toHaveCount(4);
  await expect(rejects.locator('tbody tr').nth(0)).toContainText('ĐDĐT còn phải làm');
  await expect(rejects.locator('tbody tr').nth(0)).toContainText('lớn hơn dân số (100)');
  await expect(rejects.locator('tbody tr').nth(1)).toContainText('Phải từ 0 trở lên');
  await expect(rejects.locator('tbody tr').nth(2)).toContainText('Số cần đến nhà lớn hơn số còn phải làm');
  await expect(dialog.getByRole('alert').first()).toContainText('chưa thể ghi');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await shot(app, 'register-import-rejects');

  await dialog.getByTestId('import-file').setInputFiles(join(FIXTURES, 'not-a-spreadsheet.xlsx'));
  await expect(dialog.getByTestId('import-file-problem')).toContainText('không phải bảng tính');
  await dialog.getByTestId('import-file').setInputFiles(join(FIXTURES, 'missing-column.xlsx'));
  await expect(dialog.getByTestId('import-file-problem')).toContainText('cần cột Mã thôn, hoặc cột Tên thôn');
  await shot(app, 'register-import-missing-column');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(app.getByTestId('table-hamlets').locator('tbody tr')).toHaveCount(152);
  await expect(app.getByTestId('undo')).toBeDisabled();
});

test('deleting asks first and names what depends on the row; a commune with hamlets is refused', async ({ app }) => {
  await app.getByRole('button', { name: 'Xã/thị trấn', exact: true }).click();
  await app.getByRole('button', { name: 'Xóa Xã Bát Mọt' }).click();
  const dialog = app.getByTestId('delete-dialog');
  await expect(dialog).toContainText('xã còn 9 thôn/bản');
  await expect(dialog.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
  await shot(app, 'register-delete-blocked');
  await dialog.getByRole('button', { name: 'Đóng' }).click();

  await app.getByRole('button', { name: 'Tổ công tác', exact: true }).click();
  await app.getByRole('button', { name: 'Xóa Tổ lưu động số 1 (LD-01)' }).click();
  await expect(dialog).toContainText('4 cán bộ của tổ cũng bị xóa');
  await dialog.getByRole('button', { name: 'Xóa' }).click();
  await expect(app.getByRole('status')).toContainText('Đã xóa Tổ lưu động số 1 (LD-01)');
  await expect(app.getByTestId('table-teams').locator('tbody tr')).toHaveCount(19);
  await app.getByTestId('undo').click();
  await expect(app.getByTestId('table-teams').locator('tbody tr')).toHaveCount(20);
});

test('adding a vehicle and a holiday through the forms, with the same checks as a file', async ({ app }) => {
  await app.getByRole('button', { name: 'Phương tiện', exact: true }).click();
  await app.getByRole('button', { name: 'Thêm dòng' }).click();
  const form = app.getByTestId('add-form');
  await form.getByLabel('Mã', { exact: true }).fill('36B1-999.99');
  await form.getByLabel('Tên xe').fill('Xe máy mới');
  await form.getByLabel('Loại xe').selectOption('motorbike');
  await form.getByLabel('Số chỗ').fill('0');
  await form.getByLabel('Nơi đóng').selectOption('Công an xã Bát Mọt');
  await form.getByRole('group', { name: 'Loại đường đi được' }).getByLabel('Đường đất').check();
  // Every problem at once: one the form cannot read (a cost in letters) beside the server's (too few seats).
  await form.getByLabel('Chi phí (đ/km)').fill('abc');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toHaveCount(2);
  await expect(form.getByRole('alert').filter({ hasText: 'Phải từ 1 trở lên' })).toHaveCount(1);
  await form.getByLabel('Chi phí (đ/km)').fill('800');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toContainText('Phải từ 1 trở lên');
  await shot(app, 'register-add-form-error');
  await form.getByLabel('Số chỗ').fill('2');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toHaveCount(0);
  await expect(app.getByTestId('table-vehicles').locator('tbody tr', { hasText: '36B1-999.99' })).toContainText('Xe máy mới');

  await app.getByRole('button', { name: 'Lịch & ngày nghỉ' }).click();
  await expect(app.getByTestId('campaign-line')).toContainText('31/12/2022');
  await app.getByRole('button', { name: 'Thêm dòng' }).click();
  await form.getByLabel('Ngày', { exact: true }).fill('24/12/2022');
  await form.getByLabel('Loại ngày').selectOption('blackout');
  await form.getByLabel('Tên ngày').fill('Diễn tập phòng cháy');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(app.getByTestId('table-calendar')).toContainText('Diễn tập phòng cháy');
});

test('in English the columns, values and errors are English too', async ({ app }) => {
  await useLanguage(app, 'en');
  await app.getByRole('button', { name: 'Hamlets', exact: true }).click();
  const table = app.getByTestId('table-hamlets');
  await expect(table.getByRole('button', { name: 'Hamlet name' })).toBeVisible();
  const cell = hamletRow(app, '15607-01').locator('td[data-field="lat"]');
  await cell.click();
  await cell.getByRole('textbox').fill('48.85');
  await cell.getByRole('textbox').press('Enter');
  await expect(cell.getByRole('alert')).toContainText('outside Vietnam');
  await cell.getByRole('textbox').press('Escape');
  await shot(app, 'register-hamlets-en');
  await useLanguage(app, 'vi');
  await expect(app.getByRole('button', { name: 'Tổng quan' })).toBeVisible();
});

test('an undo shows at once everywhere the data is shown: the campaign line and the home page, no reload', async ({ app }) => {
  await rpc(app, 'demo.reset', { confirm: true });
  await app.reload();
  await app.getByRole('button', { name: 'Lịch & ngày nghỉ', exact: true }).click();
  const line = app.getByTestId('campaign-line');
  await expect(line).toContainText('31/12/2022');
  await expect(line).toContainText('Ưu tiên: CCCD trước');
  await app.getByRole('button', { name: 'Sửa đợt' }).click();
  await app.getByLabel('Hạn hoàn thành').fill('15/01/2023');
  await app.getByLabel('Ưu tiên dịch vụ').selectOption('equal');
  await app.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(line).toContainText('15/01/2023');
  await expect(line).toContainText('Ưu tiên: như nhau');
  await app.getByTestId('undo').click();
  await expect(app.getByRole('status')).toContainText('Đã hoàn tác');
  await expect(line).toContainText('31/12/2022');
  await expect(line).toContainText('Ưu tiên: CCCD trước');
  await app.getByRole('button', { name: 'Tổng quan' }).click();
  await expect(app.getByTestId('stat-campaign')).toContainText('31/12/2022');
});
