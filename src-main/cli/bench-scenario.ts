/**
 * Issue 13's speed figure: the base plan and four scenarios of the demo district planned side by
 * side on a pool of planner workers, as a manager compares them. Printed, not asserted:
 *   npm run bench:scenario -- [--time-limit s] [--workers n]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { applyScenario } from '../core/scenario';
import type { ScenarioChange } from '../core/model';
import { datasetInstance, demoDataset } from '../core/demo';
import { planOnWorker, WorkerPool } from '../workers/run-planner';
import { figuresOf } from './figures';
import { flagsOrExit, percent, runWhenMain, thousands } from './flags';

const USAGE = 'Usage: npm run bench:scenario -- [--time-limit s] [--workers n]';
const flagsSchema = z.object({
  'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.5).max(600).default(5),
  workers: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(8).default(2),
}).strict();

/** The questions of the issue: two cars lost, the deadline a week earlier, three teams borrowed, kits for two teams. */
const SCENARIOS: Array<{ name: string; changes: ScenarioChange[] }> = [
  { name: 'Dữ liệu gốc', changes: [] },
  { name: 'Mất 2 xe ô tô', changes: [{ kind: 'loseVehicles', vehicleKind: 'car', count: 2 }] },
  { name: 'Hạn sớm 1 tuần', changes: [{ kind: 'deadline', deadline: '2022-12-24' }] },
  { name: 'Mượn 3 tổ', changes: [{ kind: 'addTeams', count: 3, likeTeam: 'LD-01', withVehicles: true }] },
  { name: 'Cấp máy CCCD cho 2 tổ', changes: [{ kind: 'giveKits', teams: ['CT-15622', 'CT-15628'] }] },
];

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'bench:scenario', USAGE);
  if (typeof flags === 'number') return flags;
  const base = datasetInstance(demoDataset.parse(JSON.parse(readFileSync(join(__dirname, '../../resources/demo/thuong-xuan.json'), 'utf8'))));
  const tasks = SCENARIOS.map((s) => {
    const applied = applyScenario(base, s.changes);
    if (applied.problems.length) throw new Error(`${s.name}: ${applied.problems.map((p) => p.message).join('; ')}`);
    return { name: s.name, instance: applied.instance };
  });
  const pool = new WorkerPool(Math.min(flags.workers, tasks.length));
  const t0 = performance.now();
  try {
    const results = await pool.map(tasks, async (worker, task) => {
      const started = performance.now();
      const { report } = await planOnWorker(worker, task.instance, { seed: 1, timeLimitSeconds: flags['time-limit'] });
      const f = figuresOf(report);
      console.log(`${task.name.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  enrolled ${thousands(f.enrolled).padStart(7)} of ${thousands(f.backlog)}`
        + ` (${percent(f.enrolled, f.backlog)}), bound ${thousands(f.upperBound)}, ${f.deadlineMet ? 'deadline met' : `${f.hamletsShort} hamlets short`}, verifier ${f.verifierValid ? 'valid' : 'INVALID'}`);
      return f;
    });
    console.log(`${results.length} plans (the base and ${results.length - 1} scenarios) on ${pool.workers.length} workers at ${flags['time-limit']} s each: ${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
    return results.every((r) => r.verifierValid) ? 0 : 1;
  } finally {
    await pool.terminate();
  }
}

runWhenMain(module, 'bench:scenario', main);
