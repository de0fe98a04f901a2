/**
 * The planner's LP upper bound against exact optima on tiny districts short of capacity.
 *
 *   npm run bench:exact -- [--cases n] [--first-seed n] [--plan-time-limit s] [--exact-time-limit s] [--homebound-share x] [--json file] [--dump-dir dir]
 *
 * For each seed, a tiny instance (core/exact/generate.ts: 2-5 hamlets, 1-3 teams, 3-7 days),
 * planned by the planner and solved exactly by HiGHS on the exact model (core/exact). Prints
 * each case, then over the cases HiGHS proved: the bound's slack (bound − optimum) and the
 * planner's gap (optimum − planned), absolute and as % of the optimum (median, p90, max),
 * and how often each is zero. Any bound below an optimum, planner above it or plan the
 * verifier rejects is listed with its seed (and the instance, with --dump-dir); exits 1 then,
 * 2 on a bad flag. With --homebound-share, every hamlet's homebound is that share of its backlog
 * (0-15 % as generated), where home visits fill the time the rest leaves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { boundCaseInstance, runBoundCase, type BoundCase } from '../core/exact';
import { flagsOrExit, runWhenMain } from './flags';

const USAGE = 'Usage: npm run bench:exact -- [--cases n] [--first-seed n] [--plan-time-limit s] [--exact-time-limit s] [--homebound-share x] [--json file] [--dump-dir dir]';

const SHARE = 'must be a number from 0 to 1';

const flagsSchema = z
  .object({
    cases: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100_000).default(200),
    'first-seed': z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(1),
    'plan-time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.1).max(3600).default(0.5),
    'exact-time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(36_000).default(60),
    'homebound-share': z.coerce.number({ error: SHARE }).min(0, SHARE).max(1, SHARE).optional(),
    json: z.string().min(1).optional(),
    'dump-dir': z.string().min(1).optional(),
  })
  .strict();

/** Nearest-rank quantile of sorted numbers. */
function quantile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function spread(label: string, values: readonly number[], optima: readonly number[]): string {
  const abs = [...values].sort((a, b) => a - b);
  // Percentages over the cases with people to enrol at all (an optimum of 0 has no %).
  const pct = values.flatMap((v, i) => (optima[i]! > 0 ? [(100 * v) / optima[i]!] : [])).sort((a, b) => a - b);
  const zero = values.filter((v) => v === 0).length;
  const f = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  return `${label.padEnd(32)} median ${f(quantile(abs, 0.5))} (${quantile(pct, 0.5).toFixed(2)}%)`
    + `  p90 ${f(quantile(abs, 0.9))} (${quantile(pct, 0.9).toFixed(2)}%)  max ${f(quantile(abs, 1))} (${quantile(pct, 1).toFixed(2)}%)`
    + `  zero in ${zero} of ${values.length} (${((100 * zero) / Math.max(1, values.length)).toFixed(0)}%)`;
}

function line(c: BoundCase): string {
  const { hamlets, teams, days } = c.size;
  const solved = c.optimum !== null;
  return `seed ${String(c.seed).padStart(5)}  ${hamlets}h ${teams}t ${days}d  backlog ${String(c.backlog).padStart(5)}`
    + `  bound ${String(c.upperBound).padStart(5)}  optimum ${solved ? String(c.optimum).padStart(5) : '    ?'}`
    + `  planned ${String(c.planned).padStart(5)}  ${solved ? `slack ${String(c.upperBound - c.optimum!).padStart(3)}  gap ${String(c.optimum! - c.planned).padStart(3)}` : c.status.padEnd(17)}`
    + `  ${c.exactSeconds.toFixed(1).padStart(6)} s`;
}

/** What must never happen, per case. */
function problemsOf(c: BoundCase): string[] {
  const out: string[] = [];
  if (c.optimum !== null && c.upperBound < c.optimum) out.push(`bound ${c.upperBound} below the optimum ${c.optimum}`);
  if (c.optimum !== null && c.planned > c.optimum) out.push(`planner ${c.planned} above the optimum ${c.optimum}`);
  if (c.plannerViolations.length > 0) out.push(`planner's plan rejected: ${c.plannerViolations.map((v) => v.message).join('; ')}`);
  if (c.optimumViolations.length > 0) out.push(`optimal plan rejected: ${c.optimumViolations.map((v) => v.message).join('; ')}`);
  return out;
}

function summary(cases: readonly BoundCase[], seconds: number): string[] {
  const solved = cases.filter((c) => c.optimum !== null);
  const optima = solved.map((c) => c.optimum!);
  const unsolved = cases.filter((c) => c.optimum === null);
  const times = cases.map((c) => c.exactSeconds).sort((a, b) => a - b);
  return [
    `cases ${cases.length}; optimum proven in ${solved.length}${unsolved.length ? ` (not within the time limit: seeds ${unsolved.map((c) => c.seed).join(', ')})` : ''}`
      + `; optimum 0 (no plan can enrol anyone) in ${solved.filter((c) => c.optimum === 0).length}`,
    spread('bound slack (bound − optimum)', solved.map((c) => c.upperBound - c.optimum!), optima),
    spread('planner gap (optimum − planned)', solved.map((c) => c.optimum! - c.planned), optima),
    `exact solve time: median ${quantile(times, 0.5).toFixed(2)} s, p90 ${quantile(times, 0.9).toFixed(2)} s, max ${quantile(times, 1).toFixed(2)} s; total ${seconds.toFixed(0)} s`,
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'bench:exact', USAGE);
  if (typeof flags === 'number') return flags;
  const t0 = performance.now();
  const cases: BoundCase[] = [];
  const bad: { c: BoundCase; problems: string[] }[] = [];
  for (let seed = flags['first-seed']; seed < flags['first-seed'] + flags.cases; seed++) {
    const c = await runBoundCase(seed, {
      planSeconds: flags['plan-time-limit'], exactSeconds: flags['exact-time-limit'], homeboundShare: flags['homebound-share'], now: () => performance.now(),
    });
    cases.push(c);
    console.log(line(c));
    const problems = problemsOf(c);
    if (problems.length === 0) continue;
    bad.push({ c, problems });
    console.log(`  !! ${problems.join('\n  !! ')}`);
    if (flags['dump-dir']) {
      const file = join(resolve(flags['dump-dir']), `tiny-${seed}.json`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(boundCaseInstance(seed, { homeboundShare: flags['homebound-share'] }), null, 1)}\n`);
      console.log(`  instance written to ${file}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log('');
  for (const s of summary(cases, seconds)) console.log(s);
  console.log(bad.length === 0 ? 'no bound below an optimum, no planner above one, every plan valid'
    : `${bad.length} case(s) with problems: seeds ${bad.map((b) => b.c.seed).join(', ')}`);
  if (flags.json) {
    const file = resolve(flags.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ cases, seconds }, null, 1)}\n`);
  }
  return bad.length === 0 ? 0 : 1;
}

runWhenMain(module, 'bench:exact', main);
