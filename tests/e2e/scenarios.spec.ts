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
  await expect(app.getByRole('alert')).toContainText('Thay đổi thứ 1: chỉ có 2 xe ô tô để mất, không phải 9');
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
  // Whether the table says the two plans do not settle which is better follows from its own
  // figures: the one behind could still reach (its bound) more than the one ahead plans.
  const figures = async (row: string): Promise<number[]> => (await compare.locator('tr', { has: app.locator('th', { hasText: row }) }).locator('td').allTextContents())
    .map((cell) => Number(cell.split(' ')[0]!.replace(/\./g, '')));
  const [[baseEnrolled, lostEnrolled], [baseBound, lostBound]] = [await figures('Làm được đến hạn'), await figures('Cận trên')];
  const behindBound = lostEnrolled! > baseEnrolled! ? baseBound! : lostBound!;
  const undecided = lostEnrolled !== baseEnrolled && behindBound > Math.max(baseEnrolled!, lostEnrolled!);
  await expect(app.getByTestId('compare-undecided')).toHaveCount(undecided ? 1 : 0);
  if (undecided) await expect(app.getByTestId('compare-undecided')).toContainText('chưa thể nói phương án nào tốt hơn');

  await list.getByRole('button', { name: 'Mất 2 xe ô tô' }).click();
  const panel = app.getByTestId('min-extra');
  await panel.getByRole('button', { name: 'Tính' }).click();
  await expect(app.getByTestId('min-extra-steps')).toContainText('Thêm 0 tổ: không kế hoạch nào làm quá');
  const answer = app.getByTestId('min-extra-answer');
  await expect(answer).toBeVisible({ timeout: 150_000 });
  // Never a number without its evidence.
  await expect(answer).toContainText(/Cần thêm ít nhất \d+ tổ để kịp hạn 31\/12\/2022|chưa số nào đủ/);
  // What "meeting the deadline" asks, in figures, beside the answer.
  await expect(answer).toContainText(/Để kịp hạn 31\/12\/2022, phải làm được ít nhất [\d.]+ trong 66\.943 người còn tồn/);
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

  // The change log names the scenario made (its page once went blank after a scenario).
  await app.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
  await expect(app.getByTestId('audit-log')).toContainText('Kịch bản');
  await expect(app.getByTestId('audit-log')).toContainText('Mất 2 xe ô tô');
  await expect(app.getByTestId('screen-failed')).toHaveCount(0);

  // A what-if plan is marked as such in the plan list and offers no "Ban hành".
  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  const whatIf = app.getByTestId('plans-list').locator('li', { hasText: 'Mất 2 xe ô tô' }).first();
  await expect(whatIf.locator('[data-testid^="what-if-"]')).toHaveText('Kịch bản');
  await expect(whatIf.locator('[data-testid^="publish-"]')).toHaveCount(0);
});

test('a base plan made before results were recorded is flagged in the comparison with a scenario planned after them', async ({ app }) => {
  test.setTimeout(120_000);
  await rpc(app, 'demo.reset', { confirm: true });
  const done = async (runId: string): Promise<number> => {
    await expect.poll(async () => (await rpc<{ state: string }>(app, 'plan.status', { runId })).state, { timeout: 60_000 }).toBe('done');
    return (await rpc<{ planId: number }>(app, 'plan.status', { runId })).planId;
  };
  const base = await done((await rpc<{ runId: string }>(app, 'plan.start', { timeLimitSeconds: 2 })).runId);
  await rpc(app, 'plans.publish', { planId: base });
  const first = (await rpc<{ days: Array<{ date: string }> }>(app, 'results.progress')).days[0]!.date;
  await rpc(app, 'results.doneAsPlanned', { date: first });
  const scenario = await rpc<{ id: number }>(app, 'scenarios.create', { name: 'Nhanh hơn 10%', changes: [{ kind: 'throughput', percent: 10 }] });
  await done((await rpc<{ runId: string }>(app, 'scenarios.plan', { id: scenario.id, timeLimitSeconds: 2 })).runId);
  await app.reload();
  await app.getByRole('button', { name: 'Kịch bản', exact: true }).click();
  const compare = app.getByTestId('compare');
  await expect(compare).toContainText('Tính từ ngày');
  await expect(compare).toContainText(first.split('-').reverse().join('/'));
  await expect(app.getByTestId('compare-predates-results')).toContainText(/«Dữ liệu gốc: Kế hoạch [^»]+» được lập trước khi ghi \d+ kết quả/);
  await shot(app, 'scenarios-predates-results');
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
  await form.getByText('Ca làm việc: đổi giờ, thêm ca, bỏ ca').click();
  await app.getByLabel('Đổi giờ ca').selectOption('TOI-T2-T6');
  await app.getByLabel('Giờ kết thúc mới').fill('22:3');
  // A time that is none is named before anything is sent.
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  await expect(app.getByTestId('scenario-form-problem')).toContainText('Giờ "22:3" không đúng dạng hh:mm');
  await app.getByLabel('Giờ kết thúc mới').fill('22h30'); // as it is often written
  await form.getByText('Ngày nghỉ, ngày lễ thêm').click();
  await app.getByLabel('Ngày nghỉ/lễ thêm 1', { exact: true }).fill('12/12/2022');
  await form.getByText('Ngày bắt đầu và ưu tiên dịch vụ').click();
  await form.getByLabel('Ưu tiên dịch vụ').selectOption('equal');
  await shot(app, 'scenarios-form-many');
  await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
  const list = app.getByTestId('scenarios-list');
  await expect(list).toContainText('bớt tổ LD-02 từ 05/12/2022 đến 11/12/2022; năng suất -10%; cấp máy CCCD cho CT-15622; đổi giờ ca TOI-T2-T6: đến 22:30; thêm ngày nghỉ: 12/12/2022; ưu tiên như nhau');
  await list.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await expect(list).toContainText(/Kịp hạn|Thiếu [\d.]+/, { timeout: 60_000 });
  // A copy to vary, renamed: the same changes, not yet planned.
  await list.getByRole('button', { name: 'Sao chép' }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  app.once('dialog', (dialog) => void dialog.accept('Mùa mưa, ưu tiên CCCD'));
  await list.getByRole('row').nth(2).getByRole('button', { name: 'Đổi tên' }).click();
  const renamed = list.getByRole('row', { name: /Mùa mưa, ưu tiên CCCD/ });
  await expect(renamed).toContainText('bớt tổ LD-02 từ 05/12/2022 đến 11/12/2022; năng suất -10%');
  await expect(renamed).toContainText('Chưa lập');
  await shot(app, 'scenarios-many-planned');
});

test('every other kind of change from the form: a start date, teams away on dates, a faster team, a shift earlier, copied and removed, two holidays, a commune\'s CCCD backlog in people', async ({ app }) => {
  test.setTimeout(120_000);
  await rpc(app, 'demo.reset', { confirm: true });
  await app.getByRole('button', { name: 'Kịch bản', exact: true }).click();
  const form = app.locator('form.scenario-form');
  await form.getByLabel('Tên').fill('LD-03 đi tập huấn, ca tối sớm hơn');
  await form.getByText('Ngày bắt đầu và ưu tiên dịch vụ').click();
  await app.getByTestId('scenario-start').fill('21/11/2022');

  await form.getByText('Tổ công tác: vắng, năng suất, máy CCCD').click();
  await app.getByTestId('scenario-away-teams').getByLabel('LD-03').check();
  await form.getByLabel('Tổ vắng từ ngày').fill('01/12/2022');
  await form.getByLabel('Tổ vắng đến ngày').fill('07/12/2022');
  await form.getByLabel('Năng suất thay đổi (%)').fill('15');
  await app.getByTestId('scenario-throughput-teams').getByLabel('LD-01').check();

  await form.getByText('Ca làm việc: đổi giờ, thêm ca, bỏ ca').click();
  await form.getByLabel('Đổi giờ ca').selectOption('TOI-T2-T6');
  await expect(form).toContainText('Hiện tại 18:00–22:00');
  await form.getByLabel('Giờ bắt đầu mới').fill('17:30');
  await form.getByLabel('Thêm ca giống ca').selectOption('SANG-T7-CN');
  await form.getByLabel('Mã ca mới').fill('SANG-T2');
  await form.getByRole('group', { name: 'Các ngày trong tuần' }).getByLabel('T2').check();
  await form.getByLabel('Giờ bắt đầu của ca mới').fill('07:00');
  await form.getByLabel('Giờ kết thúc của ca mới').fill('06:30');
  // A shift that ends before it starts is named before anything is sent.
  await form.getByRole('button', { name: 'Tạo kịch bản' }).click();
  await expect(app.getByTestId('scenario-form-problem')).toContainText('Giờ kết thúc phải sau giờ bắt đầu');
  await form.getByLabel('Giờ kết thúc của ca mới').fill('11:00');
  await form.getByLabel('Bỏ ca').selectOption('TOI-T7-CN');

  await form.getByText('Ngày nghỉ, ngày lễ thêm').click();
  await form.getByLabel('Loại ngày').selectOption('holiday');
  await form.getByLabel('Ngày nghỉ/lễ thêm 1', { exact: true }).fill('12/12/2022');
  await form.getByRole('button', { name: '+ Thêm một ngày' }).click();
  await form.getByLabel('Ngày nghỉ/lễ thêm 2', { exact: true }).fill('20/12/2022');
  await form.getByRole('button', { name: '+ Thêm một ngày' }).click();
  await form.getByLabel('Ngày nghỉ/lễ thêm 3', { exact: true }).fill('13/12/2022');
  // The second day was a slip: removed, the third moves up.
  await form.getByRole('button', { name: 'Bỏ ngày thứ 2' }).click();
  await expect(form.getByLabel('Ngày nghỉ/lễ thêm 2', { exact: true })).toHaveValue('13/12/2022');

  await form.getByText('Số người tồn').click();
  const communes = app.getByTestId('scenario-backlog-commune');
  await communes.selectOption({ index: 1 });
  const commune = (await communes.locator('option:checked').textContent()) ?? '';
  await app.getByTestId('scenario-backlog-service').selectOption('cccd');
  await form.getByLabel('Hoặc thêm/bớt số người').fill('500');
  // People or a percentage, never both: the other field waits.
  await expect(form.getByLabel('Số tồn thay đổi (%)')).toBeDisabled();
  await shot(app, 'scenarios-form-all-kinds');

  await form.getByRole('button', { name: 'Tạo kịch bản' }).click();
  const list = app.getByTestId('scenarios-list');
  await expect(list).toContainText('bắt đầu 21/11/2022; bớt tổ LD-03 từ 01/12/2022 đến 07/12/2022; năng suất +15% cho tổ LD-01; '
    + 'đổi giờ ca TOI-T2-T6: từ 17:30; thêm ca SANG-T2 giống ca SANG-T7-CN (T2; từ 07:00 đến 11:00); bỏ ca TOI-T7-CN; '
    + `thêm ngày lễ: 12/12/2022, 13/12/2022; số tồn CCCD ở ${commune} +500 người`);
  // The form is empty again for the next scenario.
  await expect(form.getByLabel('Tên')).toHaveValue('');
  await list.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await expect(list).toContainText(/Kịp hạn|Thiếu [\d.]+/, { timeout: 60_000 });
  await shot(app, 'scenarios-all-kinds-planned');
  // The same line in English.
  await app.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(list).toContainText('start 21/11/2022; without teams LD-03 from 01/12/2022 to 07/12/2022; throughput +15% for LD-01; '
    + 'shift TOI-T2-T6 from 17:30; shift SANG-T2 added like SANG-T7-CN (Mon; from 07:00 to 11:00); shift TOI-T7-CN removed; '
    + `more holidays: 12/12/2022, 13/12/2022; backlog CCCD in ${commune} +500 people`);
  await shot(app, 'scenarios-all-kinds-en');
  await app.getByLabel('Language').selectOption('vi');
  await expect(app.getByRole('button', { name: 'Tổng quan' })).toBeVisible();
});

test('one scenario run at a time: the others wait, and the run under way can be stopped with nothing saved', async ({ app }) => {
  await rpc(app, 'demo.reset', { confirm: true });
  await app.getByRole('button', { name: 'Kịch bản', exact: true }).click();
  for (const name of ['Mất 1 xe ô tô', 'Mất 2 xe ô tô']) {
    await app.getByLabel('Tên').fill(name);
    await app.getByLabel('Mất xe (số xe)').fill(name.split(' ')[1]!);
    await app.getByRole('button', { name: 'Tạo kịch bản' }).click();
    await expect(app.getByTestId('scenarios-list')).toContainText(name);
  }
  const list = app.getByTestId('scenarios-list');
  await list.getByRole('button', { name: 'Lập kế hoạch' }).first().click();
  const stop = list.getByRole('button', { name: 'Dừng' });
  await expect(stop).toBeVisible();
  // The other scenario's button waits while this one runs (the server would refuse a second run).
  await expect(list.getByRole('button', { name: 'Lập kế hoạch' })).toBeDisabled();
  await expect(list.getByRole('status')).toContainText(/Đang tính… \d+% · \d+ giây/);
  await stop.click();
  await expect(app.getByTestId('scenario-run-stopped')).toContainText('Đã dừng lập kế hoạch kịch bản: không lưu gì');
  await expect(list.getByRole('button', { name: 'Lập kế hoạch' })).toHaveCount(2);
  await expect(list).not.toContainText(/Kịp hạn|Thiếu [\d.]+/);
});
