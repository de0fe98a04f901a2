/** Issue 17, item 3: Vietnam's public holidays filled in for the campaign, editable, undoable. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntryDto, Result } from '../../src-main/api/contract';
import { testApp, valueOf } from '../helpers/app';

let app: ReturnType<typeof testApp>;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const calendar = async () => valueOf<Result<'calendar.list'>>(await app.rpc('calendar.list', {})).exceptions;

describe('holidays from the lunar calendar', () => {
  it('proposes the campaign\'s holidays with what the list already holds on those days', async () => {
    await app.rpc('campaign.update', { name: 'Đợt Tết 2023', startDate: '2022-11-17', deadline: '2023-04-30' });
    const s = valueOf<Result<'holidays.suggest'>>(await app.rpc('holidays.suggest', {}));
    expect([s.from, s.to]).toEqual(['2022-11-17', '2023-04-30']);
    const byDate = new Map(s.days.map((d) => [d.date, d]));
    expect(byDate.get('2023-01-22')).toMatchObject({ kind: 'blackout', existing: { kind: 'blackout', name: 'Tết Nguyên đán Quý Mão' } });
    expect(byDate.get('2023-04-29')).toMatchObject({ kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', existing: null });
    expect(byDate.get('2023-04-30')?.name).toBe('Ngày Giải phóng miền Nam');
  });

  it('adds the chosen days, edited, in one change that undo takes back whole', async () => {
    const before = await calendar();
    const r = valueOf<Result<'holidays.add'>>(await app.rpc('holidays.add', { days: [
      { date: '2023-04-29', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2023-01-20', kind: 'holiday', name: 'Tất niên (đổi thành ngày lễ)' },
    ] }));
    expect(r).toEqual({ added: 1, updated: 1, rejects: [] });
    const after = await calendar();
    expect(after.find((e) => e.date === '2023-04-29')?.kind).toBe('holiday');
    expect(after.find((e) => e.date === '2023-01-20')).toMatchObject({ kind: 'holiday', name: 'Tất niên (đổi thành ngày lễ)' });
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek', {}));
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect(await calendar()).toEqual(before);
  });

  it('writes nothing when one day is bad (an empty name), and says which', async () => {
    const before = await calendar();
    const r = valueOf<Result<'holidays.add'>>(await app.rpc('holidays.add', { days: [
      { date: '2023-04-29', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2023-05-01', kind: 'holiday', name: '' },
    ] }));
    expect(r.added).toBe(0);
    expect(r.rejects[0]).toMatchObject({ row: 2, field: 'name' });
    expect(await calendar()).toEqual(before);
  });

  it('refuses a range that ends before it starts', async () => {
    const env = await app.rpc('holidays.suggest', { from: '2023-05-01', to: '2023-01-01' });
    expect(env.ok).toBe(false);
  });
});
