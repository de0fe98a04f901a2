import { readFileSync } from 'node:fs';
import { expect, rpc, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('a manager makes "Mất 2 xe ô tô", plans it, compares it with the base and asks what it would take', async ({ app }) => {
  test.setTimeout(180_000);
  await rpc(app, 'demo.reset', { confirm: true });
  // The base plan to compare with (made the way the plan screen makes it).
  const { runId } = await rpc<{ runId: string }>(app, 'plan.start', { timeLimitSeconds: 3 });
  await expect.poll(async () => (await rpc<{ state: string }>(app, 'plan.status', { runId })).state, { timeout: 60_000 }).toBe('done');

  await app.getByRole('button', { name: 'Kịch bản', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Các kịch bản' })).toBeVisible();
  // A change the data cannot take is refused, naming it; nothing is saved.
  await app.getByLabel('Tên').fill('Mất 9 xe ô tô');
  await app.getByLabel('Mất xe (số xe)').fill('9');
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  await expect(app.getByRole('alert')).toContainText('only 2 vehicles of kind car');
  await expect(app.getByTestId('scenarios-list')).toContainText('Chưa có kịch bản');

  await app.getByLabel('Tên').fill('Mất 2 xe ô tô');
  await app.getByLabel('Mất xe (số xe)').fill('2');
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  const list = app.getByTestId('scenarios-list');
  await expect(list).toContainText('mất 2 ô tô');
  await list.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await expect(list).toContainText(/Kịp hạn|Thiếu [\d.]+/, { timeout: 60_000 });
  const compare = app.getByTestId('compare');
  await expect(compare).toContainText('Dữ liệu gốc');
  await expect(compare).toContainText('Cận trên');
  // One burn-down with a line per plan and the deadline, and the communes that differ most.
  const chart = app.getByTestId('compare-burndown');
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(2);
  await expect(chart.locator('.recharts-legend-item', { hasText: 'Mất 2 xe ô tô' })).toBeVisible();
  await expect(chart).toContainText('Hạn 31/12/2022');
  await expect(app.getByTestId('communes-differing')).toContainText(/Xã|Thị trấn|Không xã nào/);
  await shot(app, 'scenarios-compare');

  await list.getByRole('button', { name: 'Mất 2 xe ô tô' }).click();
  const panel = app.getByTestId('min-extra');
  await panel.getByRole('button', { name: 'Tính' }).click();
  await expect(app.getByTestId('min-extra-steps')).toContainText('Cận trên với 0 thêm');
  const answer = app.getByTestId('min-extra-answer');
  await expect(answer).toBeVisible({ timeout: 150_000 });
  // Never a number without its evidence.
  await expect(answer).toContainText(/Cần thêm ít nhất \d+ để kịp hạn 31\/12\/2022|không số lượng nào đủ/);
  const text = (await answer.textContent()) ?? '';
  if (text.includes('Cần thêm ít nhất')) {
    await expect(answer).toContainText('Bằng chứng: kế hoạch với');
    await expect(answer).toContainText(/chứng minh là tối thiểu|Không cần/);
  }
  await expect(answer).toContainText('Nếu không thêm gì');
  // Teams asked for without a base go where the plan with nothing added leaves the most people short.
  await expect(app.getByTestId('min-extra-proposed-base')).toContainText(/Các tổ thêm đóng tại Công an .+: cơ sở gần nhất với [\d.]+ người còn thiếu/);
  await shot(app, 'scenarios-min-extra');

  // The manager's brief: one A4 page to print or send.
  const [download] = await Promise.all([app.waitForEvent('download'), list.getByRole('button', { name: 'Báo cáo nhanh (PDF)' }).first().click()]);
  expect(download.suggestedFilename()).toBe('bao-cao-nhanh-mat-2-xe-o-to.pdf');
  const pdf = readFileSync((await download.path())!).toString('latin1');
  expect(pdf.startsWith('%PDF')).toBe(true);
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});

test('a scenario of many changes at once: teams away for a week, a longer evening, slower teams, a blackout day, CCCD kits, alike priority', async ({ app }) => {
  test.setTimeout(120_000);
  await rpc(app, 'demo.reset', { confirm: true });
  await app.getByRole('button', { name: 'Kịch bản', exact: true }).click();
  await app.getByLabel('Tên').fill('Mùa mưa, tối đến 22:30');
  const form = app.locator('form.scenario-form');
  await form.getByText('Tổ công tác: vắng, năng suất, máy CCCD').click();
  await app.getByTestId('scenario-away-teams').getByLabel('LD-02').check();
  await app.getByLabel('Tổ vắng từ ngày').fill('05/12/2022');
  await app.getByLabel('Tổ vắng đến ngày').fill('11/12/2022');
  await app.getByLabel('Năng suất thay đổi (%)').fill('-10');
  await app.getByTestId('scenario-kit-teams').getByLabel('CT-15622').check();
  await form.getByText('Ca làm việc và ngày nghỉ').click();
  await app.getByLabel('Đổi giờ ca').selectOption('TOI-T2-T6');
  await app.getByLabel('Giờ kết thúc mới').fill('22:3');
  // A time that is none is named before anything is sent.
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  await expect(app.getByTestId('scenario-form-problem')).toContainText('Giờ "22:3" không đúng dạng hh:mm');
  await app.getByLabel('Giờ kết thúc mới').fill('22h30'); // as it is often written
  await app.getByLabel('Thêm ngày nghỉ/lễ').fill('12/12/2022');
  await form.getByText('Ngày bắt đầu và ưu tiên dịch vụ').click();
  await form.getByLabel('Ưu tiên dịch vụ').selectOption('equal');
  await shot(app, 'scenarios-form-many');
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  const list = app.getByTestId('scenarios-list');
  await expect(list).toContainText('bớt tổ LD-02; năng suất -10%; cấp máy CCCD cho CT-15622; kéo dài ca TOI-T2-T6; 1 ngày nghỉ/lễ thêm; ưu tiên như nhau');
  await list.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await expect(list).toContainText(/Kịp hạn|Thiếu [\d.]+/, { timeout: 60_000 });
  // A copy to vary, renamed: the same changes, not yet planned.
  await list.getByRole('button', { name: 'Sao chép' }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  app.once('dialog', (dialog) => void dialog.accept('Mùa mưa, ưu tiên CCCD'));
  await list.getByRole('row').nth(2).getByRole('button', { name: 'Đổi tên' }).click();
  const renamed = list.getByRole('row', { name: /Mùa mưa, ưu tiên CCCD/ });
  await expect(renamed).toContainText('bớt tổ LD-02; năng suất -10%');
  await expect(renamed).toContainText('Chưa lập');
  await shot(app, 'scenarios-many-planned');
});
