import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntryDto, PlanDetail, PlanRun, ProgressReport, RegisterList, ResultVisit } from '../../src-main/api/contract';
import { route } from '../../src-main/core/model';
import { savePlan } from '../../src-main/db';
import { listAudit } from '../../src-main/db/repos/audit';
import { loadScenarioInstance } from '../../src-main/db/repos/scenarios';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { saveSamplePlan, sampleReport, sampleRoutes, SAMPLE_COMMUNE_CODE, SAMPLE_OTHER_COMMUNE_CODE } from '../helpers/sample-plan';
import { domain, type App } from './register-helpers';

// Issue 14: results from the field lower the backlog; actual against plan.
let app: App;
let planId: number;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
  planId = saveSamplePlan(app.ctx.db, { name: 'Kế hoạch tuần 48', status: 'published' });
});
afterAll(() => app.close());

const communeId = (code: string): number => (app.ctx.db.prepare('SELECT id FROM communes WHERE code = ?').get(code) as { id: number }).id;
const day = async (date: string, scope: Record<string, number> = {}) =>
  valueOf<{ visits: ResultVisit[] }>(await app.rpc('results.day', { date, ...scope })).visits;
const hamletRecord = async (hamletId: number) => {
  const list = valueOf<RegisterList>(await app.rpc('register.list', { list: 'hamlets' }));
  return list.rows.find((r) => r.key === String(hamletId))!;
};
const ps = (cccd: number, eid: number) => ({ cccd, eid });

describe('the day to record', () => {
  it("shows the published plan's visits of the day for a commune, with their quotas and no result yet", async () => {
    const visits = await day('2022-11-29', { communeId: communeId(SAMPLE_COMMUNE_CODE) });
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ teamCode: 'LD-01', quota: ps(5, 40), homeVisits: ps(1, 2), result: null });
    expect(visits[0]!.hamletName).not.toBe('');
    // At the hamlet when the roster says so (arrival), working after the team's setup.
    const stored = app.ctx.db.prepare('SELECT arrive_min AS arrive, start_min AS start FROM plan_visits WHERE id = ?').get(visits[0]!.visitId) as { arrive: number; start: number };
    expect([visits[0]!.arriveMin, visits[0]!.startMin]).toEqual([stored.arrive, stored.start]);
    expect(visits[0]!.arriveMin).toBeLessThan(visits[0]!.startMin);
    // The other commune's hamlet on that route is the other commune's.
    expect(await day('2022-11-29', { communeId: communeId(SAMPLE_OTHER_COMMUNE_CODE) })).toHaveLength(1);
    expect(await day('2022-11-29')).toHaveLength(2);
    expect(await day('2022-11-27')).toEqual([]);
  });

  it('takes a commune or a team, not both, and says which field is wrong', async () => {
    const env = await app.rpc('results.day', { date: '2022-11-29', communeId: 1, teamId: 1 });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(!env.ok && env.error.message).toContain('teamId');
    const bad = await app.rpc('results.day', { date: '29/11/2022' });
    expect(!bad.ok && bad.error.message).toContain('date');
  });

  it('has nothing for a draft plan', async () => {
    await app.rpc('demo.reset', { confirm: true });
    saveSamplePlan(app.ctx.db, { status: 'draft' });
    expect(await day('2022-11-29')).toEqual([]);
  });
});

describe('recording a visit', () => {
  it('lowers what is left of the hamlet in the register, audited, and undo takes it back', async () => {
    const [visit] = await day('2022-11-29', { communeId: communeId(SAMPLE_COMMUNE_CODE) });
    const before = await hamletRecord(visit!.hamletId);
    const initial = ps(before.record.remainingCccd as number, before.record.remainingEid as number);
    const overviewBefore = valueOf<{ backlog: { cccd: number; eid: number } }>(await app.rpc('overview.get', {})).backlog;
    expect(before.extra).toMatchObject({ doneCccd: 0, doneEid: 0, leftCccd: initial.cccd, leftEid: initial.eid });
    const recorded = valueOf<{ status: string; remaining: unknown }>(await app.rpc('results.record', {
      visitId: visit!.visitId, enrolled: ps(4, 37), homeVisits: ps(1, 2), note: 'Mưa nhỏ',
    }));
    expect(recorded).toEqual({ status: 'recorded', remaining: ps(initial.cccd - 4, initial.eid - 37), aboveBacklog: null, raised: null });
    const after = await hamletRecord(visit!.hamletId);
    // The editable column keeps the register's figure; done and left are beside it.
    expect(after.record).toMatchObject({ remainingCccd: initial.cccd, remainingEid: initial.eid });
    expect(after.extra).toMatchObject({ doneCccd: 4, doneEid: 37, leftCccd: initial.cccd - 4, leftEid: initial.eid - 37 });
    const [shown] = await day('2022-11-29', { communeId: communeId(SAMPLE_COMMUNE_CODE) });
    expect(shown!.result).toMatchObject({ enrolled: ps(4, 37), homeVisits: ps(1, 2), note: 'Mưa nhỏ', notDone: null });
    expect(shown!.hamletRemaining).toEqual(ps(initial.cccd - 4, initial.eid - 37));
    // The home screen's "still to enrol" counts what is left, not the register's figure.
    expect(valueOf<{ backlog: { cccd: number; eid: number } }>(await app.rpc('overview.get', {})).backlog)
      .toEqual(ps(overviewBefore.cccd - 4, overviewBefore.eid - 37));
    expect(listAudit(app.ctx.db, 1)[0]).toMatchObject({ action: 'record', entity: 'results', entityId: String(visit!.visitId) });

    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    expect(entry).toMatchObject({ list: 'results', summary: { key: 'resultRecorded' } });
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect((await hamletRecord(visit!.hamletId)).extra).toMatchObject({ doneCccd: 0, leftCccd: initial.cccd });
  });

  it('edits a result in place, and a visit not done records its reason and nobody enrolled', async () => {
    const [visit] = await day('2022-12-01');
    await app.rpc('results.record', { visitId: visit!.visitId, enrolled: ps(6, 35) });
    valueOf(await app.rpc('results.record', { visitId: visit!.visitId, enrolled: ps(0, 0), notDone: 'rain_road_cut', note: 'Ngập tràn' }));
    const [shown] = await day('2022-12-01');
    expect(shown!.result).toMatchObject({ enrolled: ps(0, 0), notDone: 'rain_road_cut', note: 'Ngập tràn' });
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM visit_results').get()).toEqual({ n: 1 });
    expect(listAudit(app.ctx.db, 1)[0]).toMatchObject({ action: 'edit', entity: 'results' });
  });

  it.each([
    ['negative counts', { enrolled: ps(-1, 3) }, 'enrolled.cccd'],
    ['text in a number', { enrolled: { cccd: 'mười', eid: 3 } }, 'enrolled.cccd'],
    ['more at home than enrolled', { enrolled: ps(1, 3), homeVisits: ps(2, 0) }, 'homeVisits.cccd'],
    ['people enrolled on a visit not done', { enrolled: ps(0, 3), notDone: 'vehicle_broken' }, 'enrolled.eid'],
    ['a reason not on the list', { enrolled: ps(0, 0), notDone: 'tired' }, 'notDone'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, params, field) => {
    const [visit] = await day('2022-12-01');
    const before = snapshot(app.ctx);
    const env = await app.rpc('results.record', { visitId: visit!.visitId, ...params });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS' } });
    expect(!env.ok && env.error.message).toContain(field);
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('refuses a visit of a draft plan, a visit in the future and an unknown visit, writing nothing', async () => {
    const draftId = saveSamplePlan(app.ctx.db, { name: 'Bản nháp', status: 'draft' });
    const draftVisit = (app.ctx.db.prepare('SELECT v.id FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE r.plan_id = ? LIMIT 1')
      .get(draftId) as { id: number }).id;
    const routes = sampleRoutes(app.ctx.db).map((r) => route.parse({ ...r, date: r.date.replace('2022', '2099') }));
    const futureId = savePlan(app.ctx.db, { name: 'Tương lai', status: 'archived', fromDate: '2099-11-26', seed: 1, routes, report: sampleReport(routes, '2099-11-26') });
    const futureVisit = (app.ctx.db.prepare('SELECT v.id FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id WHERE r.plan_id = ? LIMIT 1')
      .get(futureId) as { id: number }).id;
    const before = snapshot(app.ctx);
    const draft = await app.rpc('results.record', { visitId: draftVisit, enrolled: ps(1, 1) });
    expect(draft).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'draftPlan', field: 'visitId', params: { plan: 'Bản nháp' } } } });
    const future = await app.rpc('results.record', { visitId: futureVisit, enrolled: ps(1, 1) });
    expect(future).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'futureVisit' } } });
    expect(await app.rpc('results.record', { visitId: 999_999, enrolled: ps(1, 1) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(app.ctx)).toEqual(before);
  });
});

describe('a result beyond what is left of the backlog', () => {
  async function nearlyDone() {
    const [visit] = await day('2022-11-26');
    const rec = await hamletRecord(visit!.hamletId);
    return { visit: visit!, initial: ps(rec.record.remainingCccd as number, rec.record.remainingEid as number) };
  }

  it('is refused without the explicit flag, naming the excess, and nothing is written', async () => {
    const { visit, initial } = await nearlyDone();
    const before = snapshot(app.ctx);
    const answer = valueOf(await app.rpc('results.record', { visitId: visit.visitId, enrolled: ps(initial.cccd + 3, 1) }));
    expect(answer).toEqual({ status: 'aboveBacklog', hamlet: visit.hamletName, remaining: initial, excess: ps(3, 0) });
    expect(snapshot(app.ctx)).toEqual(before);
  });

  it('is written with the flag, with a warning, leaving the register as it was', async () => {
    const { visit, initial } = await nearlyDone();
    const answer = valueOf(await app.rpc('results.record', { visitId: visit.visitId, enrolled: ps(initial.cccd + 3, 1), acceptAboveBacklog: true }));
    expect(answer).toEqual({ status: 'recorded', remaining: ps(0, initial.eid - 1), aboveBacklog: { hamlet: visit.hamletName, excess: ps(3, 0) }, raised: null });
    expect((await hamletRecord(visit.hamletId)).record.remainingCccd).toBe(initial.cccd);
  });

  it("raises the register's figure by the people it missed when asked, and one undo puts both back", async () => {
    const { visit, initial } = await nearlyDone();
    const before = domain(app.ctx);
    const answer = valueOf(await app.rpc('results.record', {
      visitId: visit.visitId, enrolled: ps(initial.cccd + 3, 1), acceptAboveBacklog: true, raiseRegister: true,
    }));
    expect(answer).toMatchObject({ status: 'recorded', remaining: ps(0, initial.eid - 1), raised: ps(3, 0) });
    const rec = await hamletRecord(visit.hamletId);
    expect(rec.record.remainingCccd).toBe(initial.cccd + 3);
    expect(rec.extra).toMatchObject({ doneCccd: initial.cccd + 3, leftCccd: 0 });
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect(domain(app.ctx)).toEqual(before);
  });
});

describe('done as planned', () => {
  it("records every unrecorded visit of the day as planned in one change, keeps what was typed, and one undo takes it all back", async () => {
    const [first] = await day('2022-12-03');
    await app.rpc('results.record', { visitId: first!.visitId, enrolled: ps(1, 10) });
    const before = domain(app.ctx);
    const done = valueOf<{ recorded: number; capped: Array<{ visitId: number; hamlet: string; recorded: unknown }> }>(
      await app.rpc('results.doneAsPlanned', { date: '2022-12-03' }));
    expect(done.recorded).toBe(2);
    // A demo hamlet has 5 CCCD left where the plan asks 6: it gets 5, and the answer says so.
    expect(done.capped).toEqual([expect.objectContaining({ hamlet: 'Thôn 3', planned: ps(6, 38), recorded: ps(5, 38) })]);
    const visits = await day('2022-12-03');
    const cappedTo = new Map(done.capped.map((c) => [c.visitId, c.recorded]));
    expect(visits.map((v) => v.result?.enrolled)).toEqual([
      ps(1, 10), ...visits.slice(1).map((v) => cappedTo.get(v.visitId) ?? ps(v.quota.cccd + v.homeVisits.cccd, v.quota.eid + v.homeVisits.eid)),
    ]);
    expect(visits.find((v) => cappedTo.has(v.visitId))!.hamletRemaining).toEqual(ps(0, expect.any(Number) as number));
    // Again: nothing left to record.
    expect(valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-12-03' }))).toEqual({ recorded: 0, capped: [] });
    const { entry } = valueOf<{ entry: JournalEntryDto }>(await app.rpc('undo.peek'));
    expect(entry).toMatchObject({ list: 'results', summary: { key: 'doneAsPlanned', params: { date: '03/12/2022', count: 2 } } });
    valueOf(await app.rpc('undo.last', { id: entry.id }));
    expect(domain(app.ctx)).toEqual(before);
  });

  it('for one team only', async () => {
    const team = (app.ctx.db.prepare("SELECT id FROM teams WHERE code = 'LD-01'").get() as { id: number }).id;
    expect(valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-29', teamId: team }))).toMatchObject({ recorded: 2 });
    expect(valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-28', teamId: team }))).toMatchObject({ recorded: 0 });
  });

  it('clearing a result makes the visit unrecorded again', async () => {
    const [visit] = await day('2022-11-28');
    await app.rpc('results.record', { visitId: visit!.visitId, enrolled: ps(3, 25) });
    expect(valueOf(await app.rpc('results.clear', { visitId: visit!.visitId }))).toEqual({ cleared: true });
    expect((await day('2022-11-28'))[0]!.result).toBeNull();
    expect(valueOf(await app.rpc('results.clear', { visitId: visit!.visitId }))).toEqual({ cleared: false });
  });
});

describe('actual against plan', () => {
  it('is empty before anything is recorded', async () => {
    const p = valueOf<ProgressReport>(await app.rpc('results.progress', {}));
    expect(p).toMatchObject({ planId, planName: 'Kế hoạch tuần 48', asOf: null, figures: null, actualBurndown: [], communes: [], teams: [] });
    expect(p.days.at(-1)!.actualCumulative).toBeNull();
  });

  it('says how far behind plan as of the last day recorded, per commune and team, with the actual burn-down', async () => {
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-26' }));
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-28' }));
    const [a, b] = await day('2022-11-29');
    await app.rpc('results.record', { visitId: a!.visitId, enrolled: ps(2, 20) });
    await app.rpc('results.record', { visitId: b!.visitId, enrolled: ps(0, 0), notDone: 'team_called_away' });
    const p = valueOf<ProgressReport>(await app.rpc('results.progress', {}));
    const planned = 22 + 48 + (6 + 42) + 34;
    const actual = 22 + 48 + 22;
    expect(p.asOf).toBe('2022-11-29');
    expect(p.figures).toMatchObject({ behind: planned - actual, visits: 5, recorded: 5, notDone: 1, unrecorded: 0 });
    expect(p.figures!.behindShare).toBeCloseTo((planned - actual) / planned);
    // LD-01 did both visits of 29/11: furthest behind.
    expect(p.teams[0]).toMatchObject({ behind: planned - actual - 0, notDone: 1 });
    expect(p.teams[0]!.name).toContain('LD-01');
    expect(p.teams[0]!.measuredRate!).toBeLessThan(p.teams[0]!.assumedRate!);
    expect(p.communes.map((c) => c.behind).reduce((s, x) => s + x, 0)).toBe(planned - actual);
    const register = app.ctx.db.prepare('SELECT SUM(remaining_cccd) + SUM(remaining_eid) AS n FROM backlogs').get() as { n: number };
    const last = p.actualBurndown.at(-1)!;
    expect(last.date).toBe('2022-11-29');
    expect(last.remaining.cccd + last.remaining.eid).toBe(register.n - actual);
    expect(p.days.find((d) => d.date === '2022-11-29')).toMatchObject({ plannedCumulative: planned, actualCumulative: actual });
    // Asked as of a later day, the visits not recorded yet count as nothing done.
    const later = valueOf<ProgressReport>(await app.rpc('results.progress', { asOf: '2022-11-30' }));
    expect(later.figures).toMatchObject({ unrecorded: 1, behind: planned - actual + 5 });
  });
});

describe('the backlog follows the results', () => {
  it('a new plan is made on what is left: the register less the recorded results', async () => {
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-29' }));
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-12-01' }));
    const done = app.ctx.db.prepare('SELECT SUM(enrolled_cccd) AS cccd, SUM(enrolled_eid) AS eid FROM visit_results').get() as { cccd: number; eid: number };
    expect(done.cccd + done.eid).toBeGreaterThan(0);
    const register = app.ctx.db.prepare('SELECT SUM(remaining_cccd) AS cccd, SUM(remaining_eid) AS eid FROM backlogs').get() as { cccd: number; eid: number };
    const { runId } = valueOf<{ runId: string }>(await app.rpc('plan.start', { timeLimitSeconds: 1 }));
    let run: PlanRun;
    for (;;) {
      run = valueOf<PlanRun>(await app.rpc('plan.status', { runId }));
      if (run.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.state).toBe('done');
    const plan = valueOf<PlanDetail>(await app.rpc('plans.get', { planId: run.planId! }));
    expect(plan.report.backlog).toEqual({ cccd: register.cccd - done.cccd, eid: register.eid - done.eid });
    // ... and starts the day after the last recorded result, or it would count those days twice.
    expect(plan.summary.fromDate).toBe('2022-12-02');
  });

  it('a plan or a scenario asked to start on a day with results is refused, naming the date; the home screen counts from the day after', async () => {
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-29' }));
    const plans = valueOf<unknown[]>(await app.rpc('plans.list')).length;
    for (const from of ['2022-11-17', '2022-11-29']) {
      const env = await app.rpc('plan.start', { from, timeLimitSeconds: 1 });
      expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS', details: { key: 'fromBeforeResults', field: 'from', params: { lastResult: '2022-11-29', firstOpen: '2022-11-30' } } } });
      expect(!env.ok && env.error.message).toMatch(/^from: .*2022-11-30/);
    }
    expect(valueOf<unknown[]>(await app.rpc('plans.list'))).toHaveLength(plans);
    expect(valueOf<{ asOf: string; lastResult: string }>(await app.rpc('overview.get'))).toMatchObject({ asOf: '2022-11-30', lastResult: '2022-11-29' });
    expect(loadScenarioInstance(app.ctx.db, []).instance.from).toBe('2022-11-30');
    // A scenario that starts on such a day cannot apply: the change and field are named.
    const env = await app.rpc('scenarios.create', { name: 'Bắt đầu lại', changes: [{ kind: 'deadline', deadline: '2023-01-15' }, { kind: 'startDate', from: '2022-11-20' }] });
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_PARAMS', details: { problems: [{ change: 1, field: 'from', key: 'startBeforeResults', params: { firstOpen: '2022-11-30' } }] } } });
    expect(valueOf(await app.rpc('scenarios.create', { name: 'Bắt đầu sau', changes: [{ kind: 'startDate', from: '2022-12-05' }] }))).toMatchObject({ name: 'Bắt đầu sau' });
  });

  it('a draft that starts on or before a day with results is not published (it would take those days over); the published plan stays', async () => {
    const routes = sampleRoutes(app.ctx.db);
    const early = savePlan(app.ctx.db, { name: 'nháp cũ', status: 'draft', fromDate: '2022-11-26', seed: 1, routes, report: sampleReport(routes, '2022-11-26') });
    valueOf(await app.rpc('results.doneAsPlanned', { date: '2022-11-29' }));
    const env = await app.rpc('plans.publish', { planId: early });
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'publishBeforeResults', params: { from: '2022-11-26', lastResult: '2022-11-29' } } } });
    const plans = valueOf<Array<{ id: number; status: string }>>(await app.rpc('plans.list'));
    expect(plans.find((p) => p.id === planId)!.status).toBe('published');
    expect(plans.find((p) => p.id === early)!.status).toBe('draft');
    // The day's results are still those of the plan in force.
    expect((await day('2022-11-29')).every((v) => v.result !== null)).toBe(true);
    const later = routes.filter((r) => r.date >= '2022-12-01');
    const next = savePlan(app.ctx.db, { name: 'nháp mới', status: 'draft', fromDate: '2022-11-30', seed: 1, routes: later, report: sampleReport(later, '2022-11-30') });
    expect(valueOf(await app.rpc('plans.publish', { planId: next }))).toMatchObject({ status: 'published' });
  });
});
