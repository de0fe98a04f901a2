/** Issue 17, newcomer list: unavailability as ranges, and a team without people refused. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterList, SaveResult } from '../../src-main/api/contract';
import { testApp, valueOf } from '../helpers/app';
import { confirm, preview } from './register-helpers';

const csv = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

let app: ReturnType<typeof testApp>;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const row = async (list: 'teams' | 'vehicles', code: string) =>
  valueOf<RegisterList>(await app.rpc('register.list', { list })).rows.find((r) => r.record.code === code)!;

describe('date ranges for teams and vehicles', () => {
  it('a file gives a team\'s days off and a vehicle\'s repairs as ranges: stored day by day', async () => {
    const teams = csv('Mã tổ,Ngày nghỉ\nLD-01,"28/11/2022 - 02/12/2022; 10/12/2022"\n');
    const p = await preview(app, 'teams', 'to.csv', teams);
    expect(p.counts).toMatchObject({ updates: 1, rejects: 0 });
    valueOf(await confirm(app, 'teams', 'to.csv', p, teams));
    expect((await row('teams', 'LD-01')).record.daysOff).toEqual(['2022-11-28', '2022-11-29', '2022-11-30', '2022-12-01', '2022-12-02', '2022-12-10']);
    const vehicles = csv('Biển số,Ngày không dùng được\n36A-919.90,từ 05/12/2022 đến 07/12/2022\n');
    const v = await preview(app, 'vehicles', 'xe.csv', vehicles);
    expect(v.counts).toMatchObject({ updates: 1, rejects: 0 });
    valueOf(await confirm(app, 'vehicles', 'xe.csv', v, vehicles));
    expect((await row('vehicles', '36A-919.90')).record.unavailable).toEqual(['2022-12-05', '2022-12-06', '2022-12-07']);
  });

  it('a backwards range is a row error on its column, and nothing is written', async () => {
    const before = (await row('vehicles', '36A-919.90')).record.unavailable;
    const bad = csv('Biển số,Ngày không dùng được\n36A-919.90,07/12/2022 - 05/12/2022\n');
    const p = await preview(app, 'vehicles', 'xe.csv', bad);
    expect(p.rejects[0]).toMatchObject({ row: 2, field: 'unavailable', key: 'badDateRange' });
    expect((await confirm(app, 'vehicles', 'xe.csv', p, bad)).ok).toBe(false);
    expect((await row('vehicles', '36A-919.90')).record.unavailable).toEqual(before);
  });

  it('a team of 0 people is refused on the head-count field', async () => {
    const r = valueOf<SaveResult>(await app.rpc('register.save', { list: 'teams', key: null, values: {
      code: 'LD-99', name: 'Tổ mới', base: 'Công an huyện Thường Xuân', size: 0, services: ['eid'], throughputEid: 20,
    } }));
    expect(r).toMatchObject({ saved: false, problems: [{ field: 'size', key: 'tooSmall', params: { min: 1 } }] });
    expect(await row('teams', 'LD-99')).toBeUndefined();
  });
});
