import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MapData, type Overview } from '../../src-main/api/contract';
import { snapshot, testApp, valueOf } from '../helpers/app';

let app: ReturnType<typeof testApp>;
beforeAll(() => (app = testApp()));
afterAll(() => app.close());

describe('first start', () => {
  it('fills a new database with the demo district, labelled as demo', async () => {
    const o = valueOf<Overview>(await app.rpc('overview.get'));
    expect(o.dataset.demo).toBe(true);
    expect(o.communes).toBe(16);
    expect(o.backlog).toEqual({ eid: 65_720, cccd: 1_223 });
    expect(o.population).toBeGreaterThan(85_000);
    expect(o.population).toBeLessThan(95_000);
    expect(o.campaign).toMatchObject({ startDate: '2022-11-17', deadline: '2022-12-31' });
    expect(o.daysLeft).toBe(45);
    expect(o.lastResult).toBeNull();
    expect(o.teams.total).toBeGreaterThanOrEqual(20);
  });

  it('map data has an outline per commune and every hamlet with its backlog', async () => {
    const m = valueOf<MapData>(await app.rpc('map.get'));
    expect(m.outlines).toHaveLength(16);
    expect(m.hamlets.length).toBeGreaterThan(120);
    expect(m.hamlets.every((h) => h.backlog !== null)).toBe(true);
    expect(m.bases.filter((b) => b.kind === 'hq')).toHaveLength(1);
    expect(m.bases.filter((b) => b.kind === 'post')).toHaveLength(16);
  });
});

describe('every handler answers with a contract-valid result', () => {
  const noParams = ['app.info', 'overview.get', 'map.get', 'teams.list', 'vehicles.list', 'shiftTemplates.list', 'calendar.list'];
  it.each(noParams)('%s', async (method) => {
    const env = await app.rpc(method, {});
    expect(env.ok).toBe(true);
  });

  it('hamlets.list filters by commune', async () => {
    const all = valueOf<Array<{ communeId: number }>>(await app.rpc('hamlets.list', {}));
    const one = valueOf<Array<{ communeId: number }>>(await app.rpc('hamlets.list', { communeId: all[0]!.communeId }));
    expect(one.length).toBeGreaterThan(0);
    expect(one.length).toBeLessThan(all.length);
    expect(one.every((h) => h.communeId === all[0]!.communeId)).toBe(true);
  });

  it('the language choice is stored and survives a reset of the demo data', async () => {
    expect(valueOf<{ language: string }>(await app.rpc('app.info')).language).toBe('vi');
    await app.rpc('app.setLanguage', { language: 'en' });
    expect(valueOf<{ language: string }>(await app.rpc('app.info')).language).toBe('en');
    const reset = valueOf<{ hamlets: number }>(await app.rpc('demo.reset', { confirm: true }));
    expect(reset.hamlets).toBeGreaterThan(120);
    expect(valueOf<{ language: string }>(await app.rpc('app.info')).language).toBe('en');
  });

  it('reset restores edited data', async () => {
    app.ctx.db.prepare('UPDATE backlogs SET remaining_eid = 0, homebound_eid = 0').run();
    expect(valueOf<Overview>(await app.rpc('overview.get')).backlog.eid).toBe(0);
    await app.rpc('demo.reset', { confirm: true });
    expect(valueOf<Overview>(await app.rpc('overview.get')).backlog.eid).toBe(65_720);
  });
});

describe('bad params are rejected by the contract and change nothing', () => {
  const bad: Record<string, unknown[]> = Object.fromEntries(
    Object.keys(contract).map((m) => [m, [{ unexpected: 1 }, 'not an object', [1, 2]]]),
  );
  bad['app.setLanguage']!.push({ language: 'fr' }, {});
  bad['demo.reset']!.push({}, { confirm: false }, { confirm: 'yes' });
  bad['hamlets.list']!.push({ communeId: -1 }, { communeId: 'x' }, { communeId: 1.5 });

  for (const [method, cases] of Object.entries(bad)) {
    it(method, async () => {
      const before = snapshot(app.ctx);
      for (const params of cases) {
        const env = await app.rpc(method, params);
        expect(env.ok, `${method} accepted ${JSON.stringify(params)}`).toBe(false);
        if (!env.ok) {
          expect(env.error.code).toBe('BAD_PARAMS');
          expect(env.error.message).toContain(method);
        }
      }
      expect(snapshot(app.ctx)).toEqual(before);
    });
  }

  it('an unknown method is refused by name', async () => {
    const env = await app.rpc('db.dropEverything', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_METHOD' } });
  });
});
