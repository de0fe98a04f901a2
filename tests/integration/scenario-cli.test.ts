/**
 * Issue 13: `npm run scenario` plans a what-if on top of the base data and answers "what is the
 * least we must add", with the evidence; the base tables never change.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlan, listPlans, openDatabase, publishPlan, type Db } from '../../src-main/db';
import { deleteScenario, listScenarios } from '../../src-main/db/repos/scenarios';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src-main/cli/scenario.ts');
/** What a scenario may add to; everything else is the base data. */
const SCENARIO_TABLES = new Set(['scenarios', 'plans', 'plan_routes', 'plan_visits', 'audit_log']);

let tmp: ReturnType<typeof tempDir>;
let dbFile: string;
beforeAll(() => {
  tmp = tempDir('luudong-scenario-cli-');
  dbFile = join(tmp.dir, 'luudong.sqlite');
});
afterAll(() => tmp.cleanup());

function scenario(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, '--db', dbFile, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDb<T>(read: (db: Db) => T): T {
  const db = openDatabase(dbFile);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every base table's rows, as text. */
const baseTables = (): Record<string, string> => withDb((db) => {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>)
    .map((r) => r.name).filter((n) => !SCENARIO_TABLES.has(n));
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT * FROM ${n}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort().join('\n')]));
});

const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('npm run scenario', () => {
  it('"Mất 2 xe ô tô": planned, verified and saved as the scenario\'s plan; the base data untouched', () => {
    withDb(() => undefined); // the demo district, created as `npm run plan` does
    const before = baseTables();
    const out = join(tmp.dir, 'lose.json');
    const run = scenario('--name', 'Mất 2 xe ô tô', '--lose-vehicles', 'car:2', '--time-limit', '1', '--json', out);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const f = json(out);
    expect(f).toMatchObject({ scenarioId: expect.any(Number), checkerValid: true, backlog: 66_943, deadlineMet: expect.any(Boolean) });
    for (const key of ['enrolled', 'upperBound', 'clearanceDate', 'seconds']) expect(f).toHaveProperty(key);
    expect(f.enrolled as number).toBeLessThanOrEqual(f.upperBound as number);
    expect(baseTables()).toEqual(before);
    withDb((db) => {
      const [s] = listScenarios(db);
      expect(s).toMatchObject({ name: 'Mất 2 xe ô tô', changes: [{ kind: 'loseVehicles', vehicleKind: 'car', count: 2 }] });
      const plan = getPlan(db, f.planId as number)!;
      expect(plan.summary.scenarioId).toBe(s!.id);
      expect(plan.routes.length).toBeGreaterThan(0);
      // A what-if plan is never published: its changes are not in the data.
      expect(() => publishPlan(db, plan.summary.id)).toThrow(/not a draft of the base data/);
    });
  });

  it('ten teams borrowed (like LD-01, with their cars): nearly everyone enrolled', () => {
    const out = join(tmp.dir, 'more.json');
    const run = scenario('--add-teams', '10', '--time-limit', '5', '--json', out);
    expect(run.status).toBe(0);
    const more = json(out);
    expect(more).toMatchObject({ checkerValid: true });
    // The deadline is met on a quiet machine (README); on a busy one the search may stop a few people short.
    expect(more.enrolled as number).toBeGreaterThan(0.99 * (more.backlog as number));
  });

  it('--min-extra teams: a number with its evidence both ways, or none', () => {
    const out = join(tmp.dir, 'min.json');
    const run = scenario('--min-extra', 'teams', '--max-extra', '6', '--time-limit', '1', '--json', out);
    const a = json(out);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['resource', 'minimum', 'planMeetsDeadline', 'checkerValid', 'boundForOneFewer', 'backlog', 'provenMinimal', 'seconds']));
    expect(a.resource).toBe('teams');
    if (a.minimum === null) {
      expect(run.status).toBe(1);
      return;
    }
    expect(run.status).toBe(0);
    expect(a).toMatchObject({ planMeetsDeadline: true, checkerValid: true });
    expect(run.stdout).toMatch(a.provenMinimal ? /proven minimal: with \d+ the upper bound is/ : /not proven minimal: with \d+ the upper bound is/);
    withDb((db) => expect(getPlan(db, a.planId as number)?.report.deadlineMet).toBe(true));
  });

  it.each([
    [['--lose-vehicles', 'car:9'], /change 1 \(loseVehicles\), count: only 2 vehicles of kind car/],
    [['--add-teams', '2:99999'], /--add-teams: no base "99999"/],
    [['--deadline', '2022-01-01'], /deadline: the deadline 2022-01-01 is before the start/],
    [['--add-vehicles', 'tank:2'], /--add-vehicles: must be kind:N/],
    [['--backlog-pct', '-150'], /--backlog-pct/],
  ])('%j is refused naming what is wrong; nothing is saved', (args, message) => {
    const before = withDb((db) => listScenarios(db).length);
    const run = scenario(...args, '--time-limit', '1');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(withDb((db) => listScenarios(db).length)).toBe(before);
  });

  it('deleting a scenario takes its plans with it, never a base plan', () => {
    withDb((db) => {
      const plansBefore = listPlans(db);
      const [s] = listScenarios(db);
      const own = plansBefore.filter((p) => p.scenarioId === s!.id).length;
      expect(own).toBeGreaterThan(0);
      expect(deleteScenario(db, s!.id)).toBe('deleted');
      expect(listPlans(db).length).toBe(plansBefore.length - own);
      expect(deleteScenario(db, s!.id)).toBe('missing');
    });
  });
});
