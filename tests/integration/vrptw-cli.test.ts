import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src-main', 'cli', 'vrptw.ts');
// Two Solomon instances and the best-known table ship with the tests (BSD-2, see LICENSE-vroom-scripts).
const instances = join(root, 'tests', 'fixtures', 'vrptw', 'solomon');
const work = mkdtempSync(join(tmpdir(), 'vrptw-cli-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

const bks = z.object({ vehicles: z.number().int(), cost: z.number() });
const reportSchema = z.object({
  instances: z.array(
    z.object({
      name: z.string(),
      vehicles: z.number().int().positive(),
      distance: z.number().positive(),
      bksVehiclesFirst: bks,
      bksDistanceFirst: bks,
      gapDistanceFirstPct: z.number(),
      gapVehiclesFirstPct: z.number(),
      seconds: z.number().nonnegative(),
      valid: z.boolean(),
    }),
  ),
  total: z.object({
    vehicles: z.number().int(),
    distance: z.number(),
    gapDistanceFirstPct: z.number(),
    gapVehiclesFirstPct: z.number(),
    seconds: z.number(),
    allValid: z.boolean(),
  }),
});

describe('vrptw CLI', () => {
  it('scores two instances and writes a valid JSON report', () => {
    const out = join(work, 'report.json');
    const result = run([instances, '--only', 'C101,R201', '--time-limit', '0.5', '--seed', '3', '--json', out]);
    expect(result.stderr).not.toMatch(/vrptw:/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/C101/);
    expect(result.stdout).toMatch(/TOTAL/);
    const report = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.instances.map((i) => i.name)).toEqual(['C101', 'R201']);
    expect(report.total.allValid).toBe(true);
    expect(report.instances.every((i) => i.valid)).toBe(true);
    const c101 = report.instances[0];
    expect(c101?.bksVehiclesFirst).toEqual({ vehicles: 10, cost: 828.94 });
    expect(report.total.vehicles).toBe(report.instances.reduce((s, i) => s + i.vehicles, 0));
    const bksDistance = report.instances.reduce((s, i) => s + i.bksDistanceFirst.cost, 0);
    expect(report.total.gapDistanceFirstPct).toBeCloseTo((report.total.distance / bksDistance - 1) * 100, 6);
  });

  it('names the file and line of a malformed instance and exits with 2', () => {
    const dir = join(work, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'X1.txt'),
      ['X1', 'VEHICLE', 'NUMBER CAPACITY', '2 10', 'CUSTOMER', '0 0 0 0 0 100 0', '1 5 five 1 0 50 0'].join('\n'),
    );
    const result = run([dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'X1.txt')}:7: expected 7 numbers`);
  });

  it('without a folder, says which folder to give and exits with 2', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the folder of Solomon instances (*.txt) is required');
  });

  it('rejects bad options', () => {
    const result = run([work, '--time-limit', '-1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/timeLimit/);
  });
});
