/**
 * Plays the campaign day by day in a seeded world (turnout per visit ±25 %, about 5 % of
 * hamlet-days lost to rain or cut roads, one team called away for a week), records the
 * results, and re-plans every Monday, or follows the first plan blindly; without --replan,
 * both, on the same days, side by side.
 *
 *   npm run simulate -- [--db path] [--seed n] [--replan weekly|never] [--time-limit s] [--json out.json]
 *
 * The database is never changed: each run plays on a copy (a --db path that does not exist
 * yet is created with the demo district first).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../db';
import { flagsOrExit, percent, runWhenMain, thousands } from './flags';
import { writeJson } from './plan';
import { simulateCampaign, type Replan, type SimulatedWeek, type SimulationResult } from './simulate-campaign';

const USAGE = 'Usage: npm run simulate -- [--db path] [--seed n] [--replan weekly|never] [--time-limit s] [--json out.json]';

const flagsSchema = z
  .object({
    db: z.string().min(1).default('./data/luudong.sqlite'),
    seed: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(2 ** 31 - 1).default(1),
    replan: z.enum(['weekly', 'never'], { error: 'must be weekly or never' }).optional(),
    'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.5).max(600).default(5),
    json: z.string().min(1).optional(),
  })
  .strict();

const weekLine = (w: SimulatedWeek): string =>
  `  ${w.week} ${w.from}..${w.to}: planned ${thousands(w.planned)}, actual ${thousands(w.actual)} (${percent(w.actual, w.planned)}), `
  + `${w.notDone}/${w.visits} visits not done, left ${thousands(w.left)}, projected clearance ${w.projectedClearance ?? 'beyond a year'}`;

/** One run on a fresh copy of the database file. */
export async function simulateOnCopy(dbFile: string, seed: number, replan: Replan, timeLimitSeconds: number): Promise<SimulationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'luudong-sim-'));
  const copy = join(dir, 'campaign.sqlite');
  copyFileSync(dbFile, copy);
  const db = openDatabase(copy);
  try {
    console.log(`Simulating seed ${seed}, ${replan === 'weekly' ? 're-planned every Monday' : 'the first plan followed blindly'}:`);
    return await simulateCampaign(db, { seed, replan, timeLimitSeconds, onWeek: (w) => console.log(weekLine(w)) });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const outcomeLine = (r: SimulationResult): string =>
  `${r.replan === 'weekly' ? 'Weekly re-planning' : 'First plan, blindly'}: ${thousands(r.enrolledByDeadline)} of ${thousands(r.backlog)} enrolled by the deadline `
  + `(${percent(r.enrolledByDeadline, r.backlog)}), ${thousands(r.left)} left, clearance ${r.clearanceDate ?? 'beyond a year'}; ${r.replans} re-plans, `
  + `${r.planningSeconds.toFixed(1)} s planning`;

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'simulate', USAGE);
  if (typeof flags === 'number') return flags;
  const dbFile = resolve(flags.db);
  openDatabase(dbFile).close(); // creates it with the demo district when it does not exist
  const modes: Replan[] = flags.replan ? [flags.replan] : ['weekly', 'never'];
  const results: SimulationResult[] = [];
  for (const mode of modes) results.push(await simulateOnCopy(dbFile, flags.seed, mode, flags['time-limit']));
  for (const r of results) console.log(outcomeLine(r));
  if (results.length === 2) {
    const gain = results[0]!.enrolledByDeadline - results[1]!.enrolledByDeadline;
    console.log(`Re-planning weekly enrolled ${thousands(Math.abs(gain))} ${gain >= 0 ? 'more' : 'fewer'} people by the deadline than following the first plan.`);
  }
  if (flags.json) writeJson(flags.json, results.length === 1 ? results[0] : { weekly: results[0], never: results[1] });
  return 0;
}

runWhenMain(module, 'simulate', main);
