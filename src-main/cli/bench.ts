/**
 * Measures the planner on the demo district and on a province.
 *
 *   npm run bench -- [--json file] [--time-limit s] [--district-time-limit s] [--workers n]
 *
 * (a) the demo district (resources/demo/thuong-xuan.json), alone, with --time-limit
 *     (default 5 s); (b) the province-scale instance of the demo generator (Thanh Hóa: 27
 *     districts, ~5,000 hamlets, ~500 teams, 120 days), districts solved side by side in a
 *     pool of worker threads (default 2), each with --district-time-limit (default 3 s).
 * Prints per instance the time, enrolled against the LP upper bound, the verifier's verdict
 * and the clearance date, then the process's peak memory. Exits 1 if any plan fails the
 * verifier, 2 on a bad flag.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { datasetInstance, demoDataset, generateThanhHoa, parseCentroidsCsv } from '../core/demo';
import type { PlanningInstance } from '../core/model';
import { planOnWorker, WorkerPool } from '../workers/run-planner';
import { figuresOf, type PlanFigures } from './figures';
import { flagsOrExit, percent, runWhenMain, thousands } from './flags';

const USAGE = 'Usage: npm run bench -- [--json file] [--time-limit s] [--district-time-limit s] [--workers n]';
const ROOT = resolve(__dirname, '..', '..');

const flagsSchema = z
  .object({
    json: z.string().min(1).optional(),
    'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.1).max(3600).default(5),
    'district-time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.1).max(3600).default(3),
    workers: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(16).default(2),
  })
  .strict();

export type BenchInstance = PlanFigures & { name: string };


interface Task {
  name: string;
  instance: PlanningInstance;
  timeLimitSeconds: number;
}

/** Runs tasks on a pool of planner workers; results come back in task order. */
async function runPool(tasks: readonly Task[], size: number, onDone: (r: BenchInstance) => void): Promise<BenchInstance[]> {
  const pool = new WorkerPool(Math.min(size, tasks.length));
  // With a core to spare (the demo, alone), each plan solves its bound's LP on it.
  const lpThread = availableParallelism() > pool.workers.length;
  try {
    return await pool.map(tasks, async (worker, task) => {
      const t0 = performance.now();
      const options = { seed: 1, timeLimitSeconds: task.timeLimitSeconds };
      const { report } = await planOnWorker(worker, task.instance, options, undefined, lpThread).catch((err: Error) => {
        throw new Error(`${task.name}: ${err.message}`);
      });
      const result = { name: task.name, ...figuresOf(report), seconds: Math.round((performance.now() - t0) / 10) / 100 };
      onDone(result);
      return result;
    });
  } finally {
    await pool.terminate();
  }
}

function line(r: BenchInstance): string {
  return `${r.name.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s  enrolled ${thousands(r.enrolled).padStart(9)} / bound ${thousands(r.upperBound).padStart(9)}${r.upperBoundSource === 'capacity' ? ' (rough where an LP ran out of time)' : ''}`
    + ` (${percent(r.enrolled, r.upperBound).padStart(6)}) of ${thousands(r.backlog).padStart(9)}  verifier ${r.verifierValid ? 'ok ' : 'BAD'}`
    + `  clears ${r.clearanceDate ?? 'never'}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'bench', USAGE);
  if (typeof flags === 'number') return flags;
  let peakRss = process.memoryUsage().rss;
  const poll = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  try {
    const demo = demoDataset.parse(JSON.parse(readFileSync(join(ROOT, 'resources/demo/thuong-xuan.json'), 'utf8')));
    console.log(`(a) demo district, time limit ${flags['time-limit']} s`);
    const [demoResult] = await runPool([{ name: 'thuong-xuan', instance: datasetInstance(demo), timeLimitSeconds: flags['time-limit'] }], 1, (r) => console.log(line(r)));

    const rows = parseCentroidsCsv(readFileSync(join(ROOT, 'resources/geo/thanh-hoa-communes-centroids.csv'), 'utf8'));
    const districts = generateThanhHoa(rows);
    const hamlets = districts.reduce((s, d) => s + d.hamlets.length, 0);
    const teams = districts.reduce((s, d) => s + d.teams.length, 0);
    console.log(`(b) province: ${districts.length} districts, ${thousands(hamlets)} hamlets, ${teams} teams; `
      + `${flags.workers} workers, ${flags['district-time-limit']} s per district`);
    const p0 = performance.now();
    const tasks = districts.map((d) => ({
      name: d.areas.find((a) => a.level === 'district')?.name ?? d.meta.label, instance: datasetInstance(d), timeLimitSeconds: flags['district-time-limit'],
    }));
    const results = await runPool(tasks, flags.workers, (r) => console.log(line(r)));
    const provinceSeconds = Math.round(performance.now() - p0) / 1000;
    const sum = (f: (r: BenchInstance) => number): number => results.reduce((s, r) => s + f(r), 0);
    const province: BenchInstance = {
      name: `province (${districts.length} districts)`,
      enrolled: sum((r) => r.enrolled), backlog: sum((r) => r.backlog), upperBound: sum((r) => r.upperBound),
      upperBoundSource: results.every((r) => r.upperBoundSource === 'lp') ? 'lp' : 'capacity',
      clearanceDate: results.some((r) => r.clearanceDate === null) ? null : results.map((r) => r.clearanceDate!).sort().at(-1)!,
      deadlineMet: results.every((r) => r.deadlineMet), verifierValid: results.every((r) => r.verifierValid),
      hamletsShort: sum((r) => r.hamletsShort),
      residual: { people: sum((r) => r.residual.people), hamlets: sum((r) => r.residual.hamlets) },
      byService: {
        cccd: { enrolled: sum((r) => r.byService.cccd.enrolled), backlog: sum((r) => r.byService.cccd.backlog) },
        eid: { enrolled: sum((r) => r.byService.eid.enrolled), backlog: sum((r) => r.byService.eid.backlog) },
      },
      verifierSeconds: sum((r) => r.verifierSeconds), seconds: provinceSeconds,
    };
    clearInterval(poll);
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const peakRssMb = Math.round(peakRss / 1048576);
    const seconds = Math.round(performance.now() - t0) / 1000;
    console.log(line(province));
    console.log(`verifier on the province plan: ${province.verifierSeconds.toFixed(1)} s over ${results.length} districts (in the workers)`);
    console.log(`peak RSS ${peakRssMb} MB; total ${seconds.toFixed(1)} s`);
    const instances = [demoResult!, ...results, province];
    if (flags.json) {
      const file = resolve(flags.json);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ instances, peakRssMb, seconds }, null, 2)}\n`);
    }
    return instances.every((r) => r.verifierValid) ? 0 : 1;
  } finally {
    clearInterval(poll);
  }
}

runWhenMain(module, 'bench', main);
