/**
 * Issue 14: re-plan from today keeping the published plan (`npm run plan -- --from --keep-published`),
 * and the campaign simulator (`npm run simulate`), on real SQLite files through their CLIs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, format, parseISO } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src-main/core/planner';
import { loadPlanningInstance, openDatabase, publishPlan, savePlan, type Db } from '../../src-main/db';
import { followedVisits, recordAsPlanned } from '../../src-main/db/repos/results';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const day = (date: string, n: number): string => format(addDays(parseISO(date), n), 'yyyy-MM-dd');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('luudong-replan-');
});
afterAll(() => tmp.cleanup());

function run(cli: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src-main/cli', cli), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDb<T>(file: string, use: (db: Db) => T): T {
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

describe('re-plan from today', () => {
  it('keeps the published visits that still hold, the first day untouched, and reports what changed', async () => {
    const file = join(tmp.dir, 'replan.sqlite');
    const db = openDatabase(file);
    const { start, firstDay } = await (async () => {
      const instance = loadPlanningInstance(db);
      const made = await plan(instance, { seed: 1, timeLimitSeconds: 2 });
      publishPlan(db, savePlan(db, { name: 'Tuần 1', status: 'draft', fromDate: instance.from, seed: 1, routes: made.routes, report: made.report }));
      // A week of results exactly as planned.
      for (let date = instance.from; date < day(instance.from, 7); date = day(date, 1)) recordAsPlanned(db, followedVisits(db, { from: date, to: date }), { date }, date);
      const from = day(instance.from, 7);
      return { start: from, firstDay: followedVisits(db, { from, to: from }).length };
    })().finally(() => db.close());
    expect(firstDay).toBeGreaterThan(0);
    const out = join(tmp.dir, 'replan.json');
    const r = run('plan.ts', '--db', file, '--from', start, '--keep-published', '--time-limit', '2', '--json', out);
    expect(r.stderr + r.stdout).toContain('Against the published plan from');
    expect(r.status).toBe(0);
    const figures = JSON.parse(readFileSync(out, 'utf8')) as {
      kept: number; moved: number; added: number; dropped: number; keptShare: number; verifierValid: boolean; backlog: number;
      changes: { droppedVisits: Array<{ date: string }>; movedVisits: Array<{ from: { date: string } }> };
    };
    expect(figures.verifierValid).toBe(true);
    expect(figures.keptShare).toBeGreaterThanOrEqual(0.9);
    expect(figures.kept + figures.moved + figures.dropped).toBeGreaterThan(firstDay);
    // Today's published visits are kept as they are.
    expect(figures.changes.droppedVisits.filter((v) => v.date === start)).toEqual([]);
    expect(figures.changes.movedVisits.filter((v) => v.from.date === start)).toEqual([]);
    // The backlog planned is what the week of results left.
    const initial = withDb(file, (db) => db.prepare('SELECT SUM(remaining_cccd + remaining_eid) AS n FROM backlogs').get() as { n: number });
    expect(figures.backlog).toBeLessThan(initial.n);
  });

  it('names a bad flag', () => {
    const r = run('plan.ts', '--db', join(tmp.dir, 'x.sqlite'), '--keep-published=yes');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--keep-published takes no value');
  });
});

describe('campaign simulator', () => {
  it('plays the demo campaign week by week with weekly re-plans, on a copy: the database is unchanged', () => {
    const file = join(tmp.dir, 'sim.sqlite');
    const out = join(tmp.dir, 'sim.json');
    const r = run('simulate.ts', '--db', file, '--seed', '3', '--replan', 'weekly', '--time-limit', '1', '--json', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      weeks: Array<{ planned: number; actual: number; visits: number; notDone: number; left: number }>;
      enrolledByDeadline: number; backlog: number; left: number; replans: number; clearanceDate: string | null;
    };
    expect(result.weeks.length).toBeGreaterThanOrEqual(6);
    expect(result.replans).toBe(result.weeks.length - 1);
    expect(result.weeks.reduce((s, w) => s + w.actual, 0)).toBe(result.enrolledByDeadline);
    expect(result.enrolledByDeadline + result.left).toBe(result.backlog);
    expect(result.weeks.at(-1)!.left).toBe(result.left);
    // The world loses some visits (rain, a team away) and the turnout varies around the plan.
    expect(result.weeks.reduce((s, w) => s + w.notDone, 0)).toBeGreaterThan(0);
    expect(result.weeks.some((w) => w.actual !== w.planned)).toBe(true);
    expect(r.stdout).toMatch(/Weekly re-planning: [\d,]+ of [\d,]+ enrolled by the deadline/);
    const stored = withDb(file, (db) => db.prepare('SELECT (SELECT COUNT(*) FROM visit_results) AS results, (SELECT COUNT(*) FROM plans) AS plans').get());
    expect(stored).toEqual({ results: 0, plans: 0 });
  });

  it('names a bad flag', () => {
    const r = run('simulate.ts', '--db', join(tmp.dir, 'y.sqlite'), '--replan', 'daily');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--replan: must be weekly, afresh or never');
  });
});
