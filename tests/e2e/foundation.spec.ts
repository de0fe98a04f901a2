import { expect, rpc, sessionUrl, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('first start shows the demo district with its real totals', async ({ app }) => {
  await expect(app.getByTestId('demo-badge')).toBeVisible();
  await expect(app.getByTestId('stat-communes')).toContainText('16');
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('65.720');
  await expect(app.getByTestId('stat-backlog-cccd')).toContainText('1.223');
  await expect(app.getByTestId('stat-campaign')).toContainText('17/11/2022');
  await expect(app.getByTestId('stat-campaign')).toContainText('31/12/2022');
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Thường Xuân');
  await shot(app, 'home-vi');
});

test('the offline map draws 16 commune outlines, every hamlet and the bases', async ({ app }) => {
  const map = app.getByTestId('district-map');
  await expect(map.locator('path.commune-outline')).toHaveCount(16);
  const hamlets = (await rpc<unknown[]>(app, 'hamlets.list')).length;
  expect(hamlets).toBeGreaterThan(120);
  await expect(map.locator('path.hamlet-marker')).toHaveCount(hamlets);
  await expect(map.locator('img.leaflet-marker-icon.hq-marker')).toHaveCount(1);
  await expect(map.locator('img.leaflet-marker-icon.post-marker')).toHaveCount(16);
  // No tile server: nothing is fetched from outside.
  const external = await app.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => !n.startsWith(location.origin) && !n.startsWith('data:')));
  expect(external).toEqual([]);
});

test('clicking a hamlet shows its details', async ({ app }) => {
  // Markers overlap where hamlets cluster; a synthetic click reaches exactly this one.
  await app.getByTestId('district-map').locator('path.hamlet-marker').first().dispatchEvent('click');
  const details = app.getByTestId('hamlet-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText('Định danh điện tử còn lại');
  await expect(details).toContainText('Đường');
  await shot(app, 'home-hamlet-details');
});

test('lists sort Vietnamese names the Vietnamese way', async ({ app }) => {
  await app.getByRole('button', { name: 'Xã/thị trấn' }).click();
  const table = app.getByTestId('table-communes');
  await expect(table.locator('tbody tr')).toHaveCount(16);
  await table.getByRole('button', { name: 'Tên' }).click();
  const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  // "Thị trấn Thường Xuân" keeps its diacritics.
  expect(names).toContain('Thị trấn Thường Xuân');
  await table.getByRole('button', { name: 'Tên' }).click();
  const reversed = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(reversed).toEqual([...names].reverse());
  await shot(app, 'list-communes');

  for (const [tab, testId] of [['Thôn/bản', 'table-hamlets'], ['Tổ công tác', 'table-teams'], ['Phương tiện', 'table-vehicles'], ['Ca làm việc', 'table-shifts']] as const) {
    await app.getByRole('button', { name: tab, exact: true }).click();
    await expect(app.getByTestId(testId).locator('tbody tr').first()).toBeVisible();
  }
  await shot(app, 'list-shifts');
  await app.getByRole('button', { name: 'Lịch & ngày nghỉ' }).click();
  await expect(app.getByTestId('campaign-line')).toContainText('31/12/2022');
  await expect(app.getByTestId('table-calendar')).toContainText('Tết');
});

test('the language switch to English persists across a reload', async ({ app }) => {
  await expect(app.getByRole('button', { name: 'Tổng quan' })).toBeVisible();
  await app.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(app.getByRole('button', { name: 'Overview' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('button', { name: 'Overview' })).toBeVisible();
  await expect(app.getByTestId('stat-backlog-eid')).toContainText('e-ID');
  await shot(app, 'home-en');
  await app.getByLabel('Language').selectOption('vi');
  await expect(app.getByRole('button', { name: 'Tổng quan' })).toBeVisible();
});

test('a call without the token is refused and the page says how to get in', async ({ page, request }) => {
  const origin = new URL(sessionUrl()).origin;
  const res = await request.post(`${origin}/rpc`, { data: { method: 'demo.reset', params: { confirm: true } } });
  expect(res.status()).toBe(401);
  await page.goto(origin + '/');
  await expect(page.getByRole('alert').first()).toContainText('mã phiên');
});
