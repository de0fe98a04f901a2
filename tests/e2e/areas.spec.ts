import { expect, rpc, shot, test } from './fixtures';
import { fillAreaWorkbook, langChanhRows } from '../helpers/area-workbook';

test.describe.configure({ mode: 'serial' });
// Dates are typed and read dd/MM/yyyy whatever the browser's locale.
test.use({ locale: 'en-US' });

test.afterAll(async ({ browser }) => {
  // The other specs work on the demo: leave it open.
  const page = await browser.newPage();
  const { sessionUrl } = await import('./fixtures');
  await page.goto(sessionUrl());
  await page.waitForFunction(() => sessionStorage.getItem('luudong.token'));
  await rpc(page, 'areas.open', { id: 'default' });
  await page.close();
});

test('a new area of ones own: from the demo, the area workbook, then plan and roster under its own units', async ({ app }) => {
  await expect(app.getByTestId('own-area-hint')).toBeVisible();
  await app.getByTestId('own-area-hint').getByRole('link').click();
  await expect(app.getByRole('heading', { name: 'Khu vực lập kế hoạch' })).toBeVisible();
  await expect(app.getByTestId('areas-list').locator('tbody tr')).toHaveCount(1);

  // The communes can be picked from today's official list, found by a former name too.
  await app.getByTestId('unit-province').selectOption({ label: 'Tỉnh Thanh Hóa' });
  await app.getByTestId('unit-search').fill('lang chanh');
  const linhSon = app.getByTestId('commune-picker').locator('li', { hasText: 'Xã Linh Sơn' });
  await expect(linhSon).toContainText('Thị trấn Lang Chánh');
  await linhSon.getByRole('checkbox').check();
  await expect(app.getByTestId('area-template-picked')).toHaveText('Tải sổ mẫu với 1 xã đã chọn');
  await shot(app, 'area-commune-picker');

  const template = Buffer.from((await rpc<{ base64: string }>(app, 'areas.template')).base64, 'base64');
  const workbook = await fillAreaWorkbook(template, langChanhRows());
  await app.getByTestId('area-name').fill('Cụm Lang Chánh');
  await app.getByTestId('area-parent').fill('Công an tỉnh Thanh Hóa');
  await app.getByTestId('area-start').fill('07/12/2026');
  await app.getByTestId('area-deadline').fill('28/02/2027');
  await expect(app.getByTestId('area-start')).toHaveValue('07/12/2026');
  await app.getByTestId('area-workbook').setInputFiles({ name: 'lang-chanh.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  await shot(app, 'area-new-form');
  await app.getByRole('button', { name: 'Tạo khu vực' }).click();
  await expect(app.getByRole('status')).toContainText('Đã tạo và mở khu vực "Cụm Lang Chánh"');
  await expect(app.locator('[data-area="cum-lang-chanh"]')).toContainText('Đang mở');
  await expect(app.locator('[data-area="cum-lang-chanh"]')).toContainText('11 xã, 44 thôn');
  await expect(app).toHaveTitle(/Cụm Lang Chánh/);
  await shot(app, 'area-created');

  // Plan it, and print its roster: the commune's superior is the area's parent unit.
  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await expect(app.getByTestId('plan-from')).toHaveValue('07/12/2026');
  await app.getByLabel('Thời gian tính (giây)').fill('3');
  await app.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
  await expect(app.getByTestId('verdict')).toContainText('28/02/2027', { timeout: 60_000 });
  await shot(app, 'area-plan');
  await app.getByRole('button', { name: 'Lịch trực', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Lịch trực tuần' })).toBeVisible();
  await expect(app.locator('main')).toContainText('CÔNG AN TỈNH THANH HÓA');
  await shot(app, 'area-roster');

  // The demo is one click away, as it was.
  await app.getByRole('button', { name: 'Khu vực', exact: true }).click();
  await app.locator('[data-area="default"]').getByRole('button', { name: 'Mở' }).click();
  await expect(app.getByRole('status')).toContainText('Đã mở khu vực');
  await expect(app.locator('[data-area="default"]')).toContainText('152 thôn');
});
