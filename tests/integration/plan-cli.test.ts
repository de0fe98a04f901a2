import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReport, route } from '../../src-main/core/model';
import { getPlan, listPlans, openDatabase } from '../../src-main/db';
import { tempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src-main/cli/plan.ts');

let tmp: ReturnType<typeof tempDir>;

function planCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  tmp = tempDir('luudong-plan-cli-');
});
afterAll(() => tmp.cleanup());

describe('npm run plan', () => {
  it('plans the demo district, saves a draft and writes the figures and the plan', () => {
    const db = join(tmp.dir, 'luudong.sqlite');
    const figures = join(tmp.dir, 'out', 'figures.json');
    const out = join(tmp.dir, 'out', 'plan.json');
    const run = planCli('--db', db, '--time-limit', '2', '--seed', '3', '--json', figures, '--out', out);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Enrolled by the deadline: [\d,]+ of [\d,]+ backlog/);
    // Under a 2 s limit on a busy machine the LP may run out of time: the line then says the
    // rough bound stood in, as the figures do.
    expect(run.stdout).toMatch(/(LP upper bound|capacity bound \(the LP ran out of time\)) [\d,]+/);
    expect(run.stdout).toMatch(/Verifier: valid/);

    const f = JSON.parse(readFileSync(figures, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(f).sort()).toEqual(['backlog', 'byService', 'clearanceDate', 'deadlineMet', 'enrolled', 'hamletsShort', 'residual', 'seconds', 'upperBound', 'upperBoundSource', 'verifierSeconds', 'verifierValid']);
    expect(f.verifierValid).toBe(true);
    expect(run.stdout.includes('LP upper bound')).toBe(f.upperBoundSource === 'lp');
    expect(f.backlog).toBe(66_943);
    expect(typeof f.enrolled).toBe('number');
    expect(f.enrolled as number).toBeGreaterThan(0.9 * (f.backlog as number));
    expect(f.enrolled as number).toBeLessThanOrEqual(f.upperBound as number);
    expect(f.upperBound as number).toBeLessThanOrEqual(f.backlog as number);
    expect(f.clearanceDate === null || /^\d{4}-\d{2}-\d{2}$/.test(f.clearanceDate as string)).toBe(true);
    expect(typeof f.deadlineMet).toBe('boolean');
    expect(typeof f.seconds).toBe('number');

    const saved = JSON.parse(readFileSync(out, 'utf8')) as { routes: unknown[]; report: unknown };
    const report = planReport.parse(saved.report);
    saved.routes.forEach((r) => route.parse(r));
    expect(report.enrolled.cccd + report.enrolled.eid).toBe(f.enrolled);

    const handle = openDatabase(db);
    try {
      const plans = listPlans(handle);
      expect(plans).toHaveLength(1);
      expect(plans[0]!.status).toBe('draft');
      expect(getPlan(handle, plans[0]!.id)!.routes).toHaveLength(saved.routes.length);
    } finally {
      handle.close();
    }
  });

  it('rejects a bad flag with a message naming it, and changes nothing', () => {
    const db = join(tmp.dir, 'untouched.sqlite');
    const bad = planCli('--db', db, '--time-limit', 'soon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--time-limit');
    const unknown = planCli('--db', db, '--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--colour');
    expect(existsSync(db)).toBe(false);
  });
});
