import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, rpc, shot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

interface Visit { visitId: number; hamletId: number; hamletName: string; communeId: number; teamId: number; quota: { cccd: number; eid: number }; homeVisits: { cccd: number; eid: number } }

/** A published plan of the demo, made the quick way (planning itself is plan.spec's business). */
async function publishedPlan(page: Page): Promise<void> {
  await rpc(page, 'demo.reset', { confirm: true });
  const { runId } = await rpc<{ runId: string }>(page, 'plan.start', { timeLimitSeconds: 3 });
  let run: { state: string; planId: number | null };
  do {
    await page.waitForTimeout(300);
    run = await rpc(page, 'plan.status', { runId });
  } while (run.state === 'running');
  expect(run.state).toBe('done');
  await rpc(page, 'plans.publish', { planId: run.planId });
  await page.reload();
}

const digits = (text: string | null): number => Number((text ?? '').replace(/\D+/g, ''));

async function leftInRegister(page: Page, hamletId: number): Promise<number> {
  await page.getByRole('button', { name: 'Thôn/bản', exact: true }).click();
  const row = page.getByTestId('table-hamlets').locator(`tbody tr[data-key="${hamletId}"]`);
  await expect(row).toBeVisible();
  return digits(await row.locator('[data-extra="leftEid"]').textContent()) + digits(await row.locator('[data-extra="leftCccd"]').textContent());
}

test('record a day of results by keyboard, done as planned, undo; the register and the burn-down follow', async ({ app }) => {
  await publishedPlan(app);
  const planDays = (await rpc<{ days: Array<{ date: string }> }>(app, 'results.progress')).days.map((d) => d.date);
  // The first day on which one commune (else one team) has several visits: the keyboard moves between rows there.
  let first = '';
  let visits: Visit[] = [];
  let scope = '';
  for (const date of planDays) {
    const dayVisits = (await rpc<{ visits: Visit[] }>(app, 'results.day', { date })).visits;
    for (const [prefix, key] of [['c', 'communeId'], ['t', 'teamId']] as const) {
      const groups = new Map<number, Visit[]>();
      for (const v of dayVisits) groups.set(v[key], [...(groups.get(v[key]) ?? []), v]);
      const [id, busiest] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
      if (busiest.length >= 2) [first, visits, scope] = [date, busiest, `${prefix}:${id}`];
      if (first) break;
    }
    if (first) break;
  }
  expect(visits.length, 'a day with two visits of one commune or team').toBeGreaterThanOrEqual(2);
  const target = visits[0]!;
  const leftBefore = await leftInRegister(app, target.hamletId);

  await app.getByRole('button', { name: 'Kết quả', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Ghi kết quả thực hiện' })).toBeVisible();
  await expect(app.getByTestId('progress-none')).toBeVisible();
  // The screen opens on the first day with visits to record, shown as dd/MM/yyyy.
  const dmy = (iso: string): string => iso.split('-').reverse().join('/');
  await expect(app.getByTestId('results-date')).toHaveValue(dmy(planDays[0]!));
  await app.getByTestId('results-date').fill(dmy(first));
  await app.getByTestId('results-scope').selectOption(scope);
  await expect(app.locator('[data-testid^="result-row-"]')).toHaveCount(visits.length);
  await shot(app, 'results-day-empty');
  // On a 1366 px laptop the whole row, its status last, fits in the card: nothing cut, no sideways scroll.
  await app.setViewportSize({ width: 1366, height: 768 });
  await expect(app.getByTestId('status-0')).toBeInViewport();
  expect(await app.locator('.results-table').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  await app.setViewportSize({ width: 1400, height: 900 });

  // Keyboard only: Tab to the next cell, Enter saves and moves down.
  const eid = Math.max(0, target.quota.eid + target.homeVisits.eid - 3);
  const cccdCell = app.getByTestId('enrolledCccd-0');
  const rowAlert = app.getByTestId('result-row-0').getByRole('alert');
  // A count that is no number of people is kept as typed and said, never read as another number:
  // "-5" is not 5, and a count past what a visit can record is not cut to fit.
  await cccdCell.click();
  await app.keyboard.type('-5');
  await expect(rowAlert).toContainText('«-5» không phải số người');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('status-0')).toHaveText('Chưa lưu');
  await cccdCell.fill('99999999999');
  await expect(rowAlert).toContainText('«99999999999» quá lớn: một lượt ghi nhiều nhất 100.000 người');
  await cccdCell.fill('');
  await cccdCell.click();
  await app.keyboard.type('0');
  await expect(rowAlert).toHaveCount(0);
  await app.keyboard.press('Tab');
  await app.keyboard.type(`${eid}x`);
  await expect(rowAlert).toContainText(`«${eid}x» không phải số người`);
  await app.keyboard.press('Backspace');
  await expect(app.getByTestId('enrolledEid-0')).toHaveValue(String(eid));
  await expect(rowAlert).toHaveCount(0);
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Mưa nhỏ, dân đến muộn');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('status-0')).toHaveText('Đã ghi');
  await expect(app.getByTestId('results-notice')).toContainText(target.hamletName);
  // Enter went on to the next row; the arrow keys go up and down in the same column.
  await expect(app.getByTestId('enrolledCccd-1')).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(app.getByTestId('enrolledCccd-0')).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByTestId('enrolledCccd-1')).toBeFocused();
  await expect(app.getByTestId('results-undo')).toContainText(target.hamletName);

  // More than the register has left: a warning that offers to raise the register, never silently.
  await app.getByTestId('enrolledEid-0').fill('99999');
  await app.getByTestId('enrolledEid-0').press('Enter');
  await expect(app.getByTestId('above-backlog')).toContainText('bỏ sót');
  await shot(app, 'results-above-backlog');
  await app.getByRole('button', { name: 'Sửa lại' }).click();
  await app.getByTestId('enrolledEid-0').fill(String(eid));
  await app.getByTestId('enrolledEid-0').press('Enter');
  await expect(app.getByTestId('status-0')).toHaveText('Đã ghi');

  // A row typed that cannot be saved (more at home than enrolled) holds "done as planned" back, naming
  // the hamlet: it would write over what was typed. Emptied, the row is as it was.
  await app.getByTestId('homeCccd-1').fill('5');
  await app.getByTestId('done-as-planned').click();
  await expect(app.getByRole('alert').filter({ hasText: 'đang nhập dở' })).toContainText(`${visits[1]!.hamletName} đang nhập dở`);
  await expect(app.getByTestId('status-1')).toHaveText('Chưa lưu');
  expect((await rpc<{ visits: Array<{ visitId: number; result: unknown }> }>(app, 'results.day', { date: first })).visits
    .find((v) => v.visitId === visits[1]!.visitId)?.result).toBeNull();
  await app.getByTestId('homeCccd-1').fill('');
  await expect(app.getByTestId('status-1')).toHaveText('Chưa ghi');

  // Done as planned for the rest of the day, in one action; undo takes the whole action back.
  await app.getByTestId('done-as-planned').click();
  await expect(app.getByTestId('results-notice')).toContainText('đúng kế hoạch');
  for (let i = 0; i < visits.length; i++) await expect(app.getByTestId(`status-${i}`)).toHaveText('Đã ghi');
  await expect(app.getByTestId('enrolledEid-0')).toHaveValue(String(eid));
  await app.getByTestId('results-undo').click();
  await expect(app.getByTestId('status-1')).toHaveText('Chưa ghi');
  await expect(app.getByTestId('status-0')).toHaveText('Đã ghi');
  await app.getByTestId('done-as-planned').click();
  await expect(app.getByTestId(`status-${visits.length - 1}`)).toHaveText('Đã ghi');
  await expect(app.getByTestId('progress-banner')).toContainText(/Chậm so với kế hoạch|Vượt kế hoạch|Đúng kế hoạch/);
  await shot(app, 'results-day-recorded');

  // The register: the editable figure stays, what is left falls by what was recorded.
  const recorded = (await rpc<{ visits: Array<Visit & { result: { enrolled: { cccd: number; eid: number } } | null }> }>(app, 'results.day', { date: first }))
    .visits.filter((v) => v.hamletId === target.hamletId)
    .reduce((sum, v) => sum + (v.result ? v.result.enrolled.cccd + v.result.enrolled.eid : 0), 0);
  expect(recorded).toBeGreaterThanOrEqual(eid);
  const leftAfter = await leftInRegister(app, target.hamletId);
  expect(leftAfter).toBe(leftBefore - recorded);
  await shot(app, 'results-register-left');

  // A few more days as planned (by the contract: the screen did it once above), then the plan's
  // burn-down: the actual line beside the planned one, and the banner.
  const days = (await rpc<{ days: Array<{ date: string }> }>(app, 'results.progress')).days.slice(1, 6);
  for (const day of days) await rpc(app, 'results.doneAsPlanned', { date: day.date });
  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await app.getByRole('button', { name: 'Tiến độ' }).click();
  await expect(app.getByTestId('progress-banner')).toContainText('Chậm so với kế hoạch');
  await expect(app.getByTestId('burndown').locator('.recharts-legend-item', { hasText: 'Thực tế' })).toBeVisible();
  await expect(app.getByTestId('burndown').locator('.recharts-line-curve')).toHaveCount(3);
  await expect(app.getByTestId('progress-banner')).toContainText(`${days.at(-1)!.date.slice(8, 10)}/${days.at(-1)!.date.slice(5, 7)}/`);
  await expect(app.getByTestId('behind-communes')).toBeVisible();
  await shot(app, 'results-burndown');
});

test('re-plan from the day after the results: the change list, and the changed communes marked on the rosters', async ({ app }) => {
  await publishedPlan(app);
  const planDays = (await rpc<{ days: Array<{ date: string }> }>(app, 'results.progress')).days.map((d) => d.date);
  for (const date of planDays.slice(0, 3)) await rpc(app, 'results.doneAsPlanned', { date });
  const next = planDays[3]!;
  const dmy = (iso: string): string => iso.split('-').reverse().join('/');

  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  // A new plan starts by default the day after the last result; a day that has results is refused in words as it is typed.
  const afterResults = new Date(Date.parse(`${planDays[2]!}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await expect(app.getByTestId('plan-from')).toHaveValue(dmy(afterResults));
  await app.getByTestId('plan-from').fill(dmy(planDays[0]!));
  await expect(app.getByTestId('plan-from-before-results')).toContainText(`kế hoạch phải tính từ ngày ${dmy(afterResults)} trở đi`);
  await expect(app.getByRole('button', { name: 'Lập kế hoạch', exact: true })).toBeDisabled();
  await shot(app, 'plan-from-before-results');
  await app.getByTestId('plan-from').fill(dmy(next));
  await expect(app.getByTestId('keep-published')).toBeChecked();
  await app.getByLabel('Thời gian tính (giây)').fill('3');
  await app.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const panel = app.getByTestId('plan-changes');
  await expect(panel).toContainText(`từ ngày ${dmy(next)}`);
  await expect(panel).toContainText(/giữ [\d.]+ lượt/);

  const draft = (await rpc<Array<{ id: number; status: string }>>(app, 'plans.list')).find((p) => p.status === 'draft')!;
  const changes = await rpc<{ report: { from: string; keptShare: number; changedCommunes: number[] } }>(app, 'plans.changes', { planId: draft.id });
  expect(changes.report.from).toBe(next);
  expect(changes.report.keptShare).toBeGreaterThan(0.9);
  if (changes.report.changedCommunes.length > 0) {
    await expect(app.getByTestId('changes-by-commune').locator('tbody tr')).toHaveCount(changes.report.changedCommunes.length);
  } else {
    await expect(panel).toContainText('không cần in lại');
  }
  await shot(app, 'replan-changes');

  // Published, the rosters of the communes that changed are marked for re-printing.
  await rpc(app, 'plans.publish', { planId: draft.id });
  await app.getByRole('button', { name: 'Lịch trực', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Lịch trực tuần' })).toBeVisible();
  if (changes.report.changedCommunes.length > 0) {
    await expect(app.getByTestId('roster-changed')).toContainText('cần in lại');
    await shot(app, 'replan-roster-marked');
  } else {
    await expect(app.getByTestId('roster-changed')).toHaveCount(0);
  }

  // The new plan starts after the results: its burn-down shows their days first, with the actual
  // line drawn (its legend once named a line with no point), and says what the axis counts.
  await app.getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await app.getByRole('button', { name: 'Tiến độ' }).click();
  const chart = app.getByTestId('burndown');
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(3);
  await expect(chart.locator('.recharts-line-dots circle').first()).toBeVisible();
  await expect(chart.locator('.recharts-label', { hasText: 'người' })).toBeVisible();
  await shot(app, 'replan-burndown');
});

test('a filled Excel roster comes back: preview, the rows it records, then recorded in one go', async ({ app }) => {
  await publishedPlan(app);
  const plans = await rpc<Array<{ id: number; status: string }>>(app, 'plans.list');
  const planId = plans.find((p) => p.status === 'published')!.id;
  const file = await rpc<{ base64: string }>(app, 'roster.export', { planId, week: '2022-W46', scope: { kind: 'allCommunes' }, format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  // The first commune sheet with a visit: fill its first row's result block.
  let filled = 0;
  book.eachSheet((sheet) => {
    if (filled) return;
    let header = 0;
    sheet.eachRow((row, n) => { if (!header && (row.values as unknown[]).includes('Mã lượt')) header = n; });
    if (!header || typeof sheet.getCell(header + 2, 1).value !== 'number') return;
    const col = (name: string): number => (sheet.getRow(header + 1).values as unknown[]).indexOf(name);
    sheet.getCell(header + 2, col('Đã thu ĐDĐT')).value = 7;
    sheet.getCell(header + 2, col('Ghi chú')).value = 'Ghi từ tệp';
    filled = 1;
  });
  expect(filled).toBe(1);
  const filledFile = Buffer.from(await book.xlsx.writeBuffer());

  await app.getByRole('button', { name: 'Kết quả', exact: true }).click();
  await app.getByTestId('roster-import-open').click();
  // The file button speaks the app's language (the browser's own says "Choose File" in English).
  const importDialog = app.getByTestId('roster-import');
  await expect(importDialog).toContainText('Chọn tệp…');
  await expect(importDialog).toContainText('Chưa chọn tệp');
  await app.getByTestId('roster-import-file').setInputFiles({ name: 'lich-truc-da-dien.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filledFile });
  await expect(importDialog).toContainText('lich-truc-da-dien.xlsx');
  await expect(app.getByTestId('roster-import-counts')).toContainText('1 lượt có kết quả');
  await expect(app.getByTestId('roster-import-updates')).toContainText('7');
  await shot(app, 'results-roster-import');
  await app.getByTestId('roster-import-apply').click();
  await expect(app.getByTestId('results-notice')).toContainText('Đã ghi kết quả của 1 lượt từ lịch trực');
});
