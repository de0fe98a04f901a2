/**
 * Plans the campaign from the database and saves the plan as a new draft.
 *
 *   npm run plan -- [--db path] [--from yyyy-MM-dd] [--keep-published] [--measured-rates]
 *                   [--time-limit s] [--seed n] [--out plan.json] [--json figures.json]
 *
 * Prints enrolled by the deadline against the backlog and the LP upper bound, the
 * clearance date, whether the deadline holds, shifts, km, vehicle cost, the verifier's
 * verdict and the seconds taken. With a published plan and --from, a re-plan: the backlog is
 * what results left, --keep-published keeps that day's published visits as they are, and what
 * changed against the published plan is printed (kept, moved, added, dropped; per commune). A database of several districts (a merged province) is
 * planned district by district on two worker threads, within the one time limit. Exits 2
 * on a bad flag (the message names it), 1 when the verifier rejects the plan.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate, type PlanReport, type PlanningInstance } from '../core/model';
import { loadPlanningInstance, openDatabase, savePlan } from '../db';
import { publishedRoutesFrom } from '../db/instance';
import { startPlanning } from '../workers/run-planner';
import { changeReport } from '../core/replan';
import { changeFigures, changeLines, figuresOf } from './figures';
import { parseFlags, percent, runWhenMain, thousands, UsageError } from './flags';

const USAGE = 'Usage: npm run plan -- [--db path] [--from yyyy-MM-dd] [--keep-published] [--measured-rates] [--time-limit s] [--seed n] '
  + '[--out plan.json] [--json figures.json]';
const BOOLEANS = new Set(['keep-published', 'measured-rates']);

const flagsSchema = z
  .object({
    db: z.string().min(1).default('./data/luudong.sqlite'),
    from: isoDate.optional(),
    'keep-published': z.literal(true).optional(),
    'measured-rates': z.literal(true).optional(),
    'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.1).max(3600).default(10),
    seed: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(1),
    out: z.string().min(1).optional(),
    json: z.string().min(1).optional(),
  })
  .strict();
export type PlanFlags = z.infer<typeof flagsSchema>;

export function parsePlanFlags(argv: readonly string[]): PlanFlags {
  return parseFlags(argv, flagsSchema, BOOLEANS);
}

export function summary(instance: PlanningInstance, report: PlanReport): string[] {
  const f = figuresOf(report);
  return [
    `Plan ${instance.from} → deadline ${report.deadline} (${instance.hamlets.length} hamlets, ${instance.teams.length} teams, seed ${report.seed})`,
    `Enrolled by the deadline: ${thousands(f.enrolled)} of ${thousands(f.backlog)} backlog (${percent(f.enrolled, f.backlog)}); `
      + `${f.upperBoundSource === 'capacity' ? 'capacity bound (the LP ran out of time)' : 'LP upper bound'} ${thousands(f.upperBound)} (${percent(f.enrolled, f.upperBound)} of it)`,
    `  CCCD ${thousands(report.enrolled.cccd)} / ${thousands(report.backlog.cccd)}, e-ID ${thousands(report.enrolled.eid)} / ${thousands(report.backlog.eid)}`
      + ` (service priority: ${({ cccd: 'CCCD first', eid: 'e-ID first', equal: 'alike' } as const)[instance.campaign.servicePriority ?? 'cccd']})`,
    `Clearance date: ${f.clearanceDate ?? 'not within a year past the deadline'}; deadline met: ${f.deadlineMet ? 'yes' : 'no'}`,
    `Shifts: ${thousands(report.shifts)}; distance ${thousands(report.objectives.distanceM / 1000)} km; vehicle cost ${thousands(report.objectives.cost)} đ`,
    `Short at the deadline: ${f.hamletsShort} hamlets, ${thousands(report.shortfall.reduce((s, h) => s + h.missing.cccd + h.missing.eid, 0))} people`
      + `; left for the commune posts: ${thousands(f.residual.people)} people in ${f.residual.hamlets} hamlets`,
    `Verifier: ${f.verifierValid ? 'valid' : report.checker.source === 'verifier' ? `INVALID, ${report.checker.violations.length} violations` : 'not run'} (${f.verifierSeconds.toFixed(2)} s)`,
    ...report.checker.violations.slice(0, 10).map((v) => `  - ${v.code}: ${v.message}`),
    `Seconds: ${f.seconds.toFixed(1)}`,
  ];
}

export function writeJson(file: string, data: unknown): void {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let flags: PlanFlags;
  try {
    flags = parsePlanFlags(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`plan: ${err.message}\n${USAGE}`);
    return 2;
  }
  const db = openDatabase(resolve(flags.db));
  try {
    const instance = loadPlanningInstance(db, { from: flags.from, keepPublished: flags['keep-published'], measuredRates: flags['measured-rates'] });
    let lastShown = -Infinity;
    const { routes, report } = await startPlanning(instance, { seed: flags.seed, timeLimitSeconds: flags['time-limit'] }, (p) => {
      if (p.elapsedSeconds - lastShown < 1) return;
      lastShown = p.elapsedSeconds;
      process.stderr.write(`  … ${(100 * p.placedShare).toFixed(1)}% placed, ${p.elapsedSeconds.toFixed(1)} s\n`);
    }).result;
    for (const line of summary(instance, report)) console.log(line);
    const published = publishedRoutesFrom(db, instance.from);
    const changes = published.length ? changeReport(published, routes, instance.from, new Map(instance.hamlets.map((h) => [h.id, h.communeId]))) : null;
    if (changes) for (const line of changeLines(changes, instance)) console.log(line);
    const planId = savePlan(db, { name: `Kế hoạch (CLI, seed ${flags.seed})`, status: 'draft', fromDate: instance.from, seed: flags.seed, routes, report });
    console.log(`Saved as draft plan #${planId} in ${resolve(flags.db)}`);
    if (flags.out) writeJson(flags.out, { routes, report });
    if (flags.json) writeJson(flags.json, { ...figuresOf(report), ...(changes ? changeFigures(changes) : {}) });
    return figuresOf(report).verifierValid ? 0 : 1;
  } finally {
    db.close();
  }
}

runWhenMain(module, 'plan', main);
