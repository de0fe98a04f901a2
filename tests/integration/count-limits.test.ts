import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListName, RegisterList, SaveResult } from '../../src-main/api/contract';
import { LIMITS, planReport } from '../../src-main/core/model';
import { plan } from '../../src-main/core/planner';
import { loadPlanningInstance } from '../../src-main/db';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { confirm, preview, type App } from './register-helpers';

// Issue 16: a backlog of 3 × 10^9 typed in one cell was accepted; the planner's 32-bit
// per-hamlet counts wrapped it to −1,294,967,296 and the LP bound went negative.
let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const csv = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const save = async (list: ListName, key: string | null, values: Record<string, unknown>) =>
  valueOf<SaveResult>(await app.rpc('register.save', { list, key, values }));
const firstKey = async (list: ListName) => valueOf<RegisterList>(await app.rpc('register.list', { list })).rows[0]!.key;

describe('counts have realistic upper limits at every boundary', () => {
  it('an imported backlog of 3 × 10^9 is a row error naming the row and field; nothing is written', async () => {
    const before = snapshot(app.ctx);
    const base64 = csv('Mã thôn,Dân số,ĐDĐT còn phải làm\n15607-01,3000,200\n15607-02,3000,3000000000\n');
    const p = await preview(app, 'hamlets', 'backlog.csv', base64);
    expect(p.canConfirm).toBe(false);
    expect(p.rejects).toEqual([
      expect.objectContaining({ row: 3, field: 'remainingEid', column: 'ĐDĐT còn phải làm', key: 'tooBig', params: { max: LIMITS.hamletPeople } }),
    ]);
    expect(await confirm(app, 'hamlets', 'backlog.csv', p, base64)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a population of 10^15 or more than 100,000 in one hamlet is refused too; 100,000 itself is accepted', async () => {
    const base64 = csv('Mã thôn,Dân số,CCCD cần đến nhà\n15607-01,1000000000000000,0\n15607-02,100001,0\n15607-03,3000,3000000000\n');
    const p = await preview(app, 'hamlets', 'pop.csv', base64);
    expect(p.rejects.map((r) => [r.row, r.field, r.key])).toEqual([
      [2, 'population', 'tooBig'], [3, 'population', 'tooBig'], [4, 'homeboundCccd', 'tooBig'],
    ]);
    const ok = await preview(app, 'hamlets', 'ok.csv', csv('Mã thôn,Dân số,ĐDĐT còn phải làm\n15607-01,100000,100000\n'));
    expect(ok.rejects).toEqual([]);
    expect(ok.counts.updates).toBe(1);
  });

  it.each([
    ['hamlets', { remainingEid: 3_000_000_000 }, 'remainingEid', 100_000],
    ['hamlets', { population: 3_000_000_000 }, 'population', 100_000],
    ['communes', { population: 3_000_000_000 }, 'population', 2_000_000],
    ['teams', { throughputEid: 1_000_000 }, 'throughputEid', 300],
    ['teams', { homeThroughput: 301 }, 'homeThroughput', 300],
    ['teams', { kits: 21 }, 'kits', 20],
    ['vehicles', { costPerKm: 3_000_000_000 }, 'costPerKm', 1_000_000],
    ['travel', { minutes: 3_000_000_000 }, 'minutes', 1440],
    ['travel', { distanceKm: 3_000_000 }, 'distanceKm', 1000],
  ] as const)('a form saving %s %j gets "at most" on that field and changes nothing', async (list, values, field, max) => {
    const before = snapshot(app.ctx);
    const result = await save(list, await firstKey(list), values);
    expect(result.saved).toBe(false);
    expect(!result.saved && result.problems.map((p) => [p.field, p.key, p.params])).toContainEqual([field, 'tooBig', { max }]);
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('a district with every hamlet at the limits plans with a positive upper bound and a valid report', async () => {
    const db = app.ctx.db;
    const n = LIMITS.hamletPeople;
    db.prepare('UPDATE hamlets SET population = ?').run(n);
    db.prepare('UPDATE backlogs SET remaining_cccd = ?, remaining_eid = ?, homebound_cccd = ?, homebound_eid = ?').run(n, n, n / 10, n / 10);
    db.prepare('UPDATE teams SET throughput_cccd = ?, throughput_eid = ?, home_throughput = ?, kits = ?')
      .run(LIMITS.throughputPerHour, LIMITS.throughputPerHour, LIMITS.throughputPerHour, LIMITS.kits);
    db.prepare('UPDATE vehicles SET cost_per_km = ?').run(LIMITS.costPerKm);
    const instance = loadPlanningInstance(db);
    const hamlets = instance.hamlets.length;
    const { report } = await plan(instance, { timeLimitSeconds: 2, seed: 1 });
    expect(report.backlog).toEqual({ cccd: hamlets * n, eid: hamlets * n });
    expect(report.upperBound).toBeGreaterThan(0);
    expect(report.upperBound).toBeLessThanOrEqual(2 * hamlets * n);
    expect(report.enrolled.cccd + report.enrolled.eid).toBeGreaterThan(0);
    expect(report.enrolled.cccd + report.enrolled.eid).toBeLessThanOrEqual(report.upperBound);
    expect(report.objectives.cost).toBeGreaterThanOrEqual(0);
    expect(Number.isSafeInteger(report.objectives.cost)).toBe(true);
    expect(planReport.safeParse(report).success).toBe(true);
  }, 60_000);
});

describe('a count stored before the limits existed', () => {
  it('does not reach the planner: the run fails with the hamlet and field named', async () => {
    const { startPlanning } = await import('../../src-main/workers/run-planner');
    const instance = loadPlanningInstance(app.ctx.db, {});
    const victim = instance.backlogs[3]!;
    victim.remaining.eid = 3_000_000_000;
    const name = instance.hamlets.find((h) => h.id === victim.hamletId)!.name;
    const job = startPlanning(instance, { seed: 1, timeLimitSeconds: 1 }, () => undefined);
    await expect(job.result).rejects.toThrow(`The data cannot be planned: backlogs "${name}" remaining.eid`);
  });
});
