/**
 * Plays the campaign day by day in a seeded world (turnout per visit ±25 %, about 5 % of
 * hamlet-days lost to rain or cut roads, one team called away for a week), records the
 * results, and re-plans every Monday (keeping the published visits where they hold, or afresh),
 * or follows the first plan blindly; without --replan, all three on the same days, side by side.
 *
 *   npm run simulate -- [--db path] [--seed n] [--replan weekly|afresh|never] [--time-limit s] [--json out.json]
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

const USAGE = 'Usage: npm run simulate -- [--db path] [--seed n] [--replan weekly|afresh|never] [--time-limit s] [--json out.json]';

const flagsSchema = z
  .object({
    db: z.string().min(1).default('./data/luudong.sqlite'),
    seed: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(2 ** 31 - 1).default(1),
    replan: z.enum(['weekly', 'afresh', 'never'], { error: 'must be weekly, afresh or never' }).optional(),
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
    console.log(`Simulating seed ${seed}, ${MODE[replan]}:`);
    return await simulateCampaign(db, { seed, replan, timeLimitSeconds, onWeek: (w) => console.log(weekLine(w)) });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const MODE: Record<Replan, string> = {
  weekly: 're-planned every Monday, keeping the published visits where they hold',
  afresh: 're-planned every Monday from scratch',
  never: 'the first plan followed blindly',
};
const LABEL: Record<Replan, string> = { weekly: 'Weekly re-planning', afresh: 'Weekly re-planning afresh', never: 'First plan, blindly' };

const outcomeLine = (r: SimulationResult): string =>
  `${LABEL[r.replan]}: ${thousands(r.enrolledByDeadline)} of ${thousands(r.backlog)} enrolled by the deadline `
  + `(${percent(r.enrolledByDeadline, r.backlog)}), ${thousands(r.left)} left, clearance ${r.clearanceDate ?? 'beyond a year'}; ${r.replans} re-plans, `
  + `${r.planningSeconds.toFixed(1)} s planning`;

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'simulate', USAGE);
  if (typeof flags === 'number') return flags;
  const dbFile = resolve(flags.db);
  openDatabase(dbFile).close(); // creates it with the demo district when it does not exist
  const modes: Replan[] = flags.replan ? [flags.replan] : ['weekly', 'afresh', 'never'];
  const results: SimulationResult[] = [];
  for (const mode of modes) results.push(await simulateOnCopy(dbFile, flags.seed, mode, flags['time-limit']));
  for (const r of results) console.log(outcomeLine(r));
  const blind = results.find((r) => r.replan === 'never');
  for (const r of results) {
    if (!blind || r === blind) continue;
    const gain = r.enrolledByDeadline - blind.enrolledByDeadline;
    console.log(`${LABEL[r.replan]} enrolled ${thousands(Math.abs(gain))} ${gain >= 0 ? 'more' : 'fewer'} people by the deadline than following the first plan.`);
  }
  if (flags.json) writeJson(flags.json, results.length === 1 ? results[0] : Object.fromEntries(results.map((r) => [r.replan, r])));
  return 0;
}

runWhenMain(module, 'simulate', main);
