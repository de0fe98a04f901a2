/**
 * Fingerprints of the planner's output: one sha256 per case of
 * JSON.stringify({ routes, report }) with the report's seconds left out, so a refactor of
 * core/planner can show that it changed no plan, byte for byte, on the same seed.
 *
 *   npx tsx scripts/plan-fingerprint.ts [--no-demo] [--only name-prefix] [--real-clock] [--service-priority cccd|eid|equal] [--save dir | --saved dir]
 *
 * Cases: the demo district (resources/demo) at a 60 s time limit, where the search ends on
 * its deterministic work budget (~20 s), the same at 5 s (seed 3; quicker, for steps), and 30 random small districts (the property
 * tests' generator) at 1, 3 and 5 s (3 s and more also builds the planning guide); each
 * random plan with routes is planned again with itself as the previous plan and its middle
 * route pinned ("+replan": the pinned and keep-what-was-published paths). The clock
 * is frozen unless --real-clock, so a busy machine cannot cut a run short. --save writes
 * the instances as JSON and --saved plans those instead, so edits elsewhere (model, demo
 * data) between a BEFORE and an AFTER run cannot move the fingerprints. Each line also
 * carries a hash of the instance, to tell "the input changed" from "the planner changed".
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PlanningInstance } from '../src-main/core/model';
import { plan, type PlanResult } from '../src-main/core/planner';
import { demoInstance } from '../tests/unit/planner/fixtures';
import { smallInstance } from '../tests/unit/planner/random';

interface Case {
  name: string;
  instance: PlanningInstance;
  seed: number;
  timeLimitSeconds: number;
}

const RANDOM_CASES = 30;
const RANDOM_SAMPLE_SEED = 20260514;
const RANDOM_LIMITS = [1, 3, 5];
const DEMO_LIMIT = 60;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function flag(name: string): boolean {
  return process.argv.includes(name);
}

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? null : null;
}

function buildCases(withDemo: boolean): Case[] {
  const cases: Case[] = [];
  if (withDemo) {
    const demo = demoInstance();
    cases.push({ name: 'demo', instance: demo, seed: 1, timeLimitSeconds: DEMO_LIMIT });
    cases.push({ name: 'demo-5s', instance: demo, seed: 3, timeLimitSeconds: 5 });
  }
  fc.sample(smallInstance, { numRuns: RANDOM_CASES, seed: RANDOM_SAMPLE_SEED }).forEach((instance, k) => {
    cases.push({ name: `random-${String(k).padStart(2, '0')}`, instance, seed: 1 + k, timeLimitSeconds: RANDOM_LIMITS[k % RANDOM_LIMITS.length]! });
  });
  return cases;
}

function loadCases(dir: string, withDemo: boolean): Case[] {
  const index = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Omit<Case, 'instance'>[];
  return index
    .filter((c) => withDemo || !c.name.startsWith('demo'))
    .map((c) => ({ ...c, instance: JSON.parse(readFileSync(join(dir, `${c.name}.json`), 'utf8')) as PlanningInstance }));
}

function saveCases(dir: string, cases: readonly Case[]): void {
  mkdirSync(dir, { recursive: true });
  for (const c of cases) writeFileSync(join(dir, `${c.name}.json`), JSON.stringify(c.instance));
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases.map(({ name, seed, timeLimitSeconds }) => ({ name, seed, timeLimitSeconds }))));
}

/** The output without what depends on the clock. */
function fingerprint(result: PlanResult): string {
  const { seconds: _seconds, checker, ...report } = result.report;
  const { seconds: _checkerSeconds, ...verdict } = checker;
  return sha(JSON.stringify({ routes: result.routes, report: { ...report, checker: verdict } }));
}

async function main(): Promise<void> {
  const withDemo = !flag('--no-demo');
  const saved = option('--saved');
  const only = option('--only');
  // --service-priority sets the campaign's priority on every case (equal must give the plans of before it existed).
  const priority = option('--service-priority') as PlanningInstance['campaign']['servicePriority'] | null;
  const cases = (saved ? loadCases(saved, withDemo) : buildCases(withDemo)).filter((c) => !only || c.name.startsWith(only))
    .map((c) => (priority ? { ...c, instance: { ...c.instance, campaign: { ...c.instance.campaign, servicePriority: priority } } } : c));
  const saveDir = option('--save');
  if (saveDir) saveCases(saveDir, cases);
  const realClock = flag('--real-clock');
  // Replans join the list right after their case, and are planned next.
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const t0 = Date.now();
    const result = await plan(c.instance, { seed: c.seed, timeLimitSeconds: c.timeLimitSeconds }, { now: realClock ? Date.now : () => 0 });
    const enrolled = result.report.enrolled.cccd + result.report.enrolled.eid;
    const took = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${c.name.padEnd(17)} ${fingerprint(result)}  input ${sha(JSON.stringify(c.instance)).slice(0, 12)}  `
      + `enrolled ${enrolled} bound ${result.report.upperBound} routes ${result.routes.length} (${took} s)`);
    if (c.name.startsWith('demo') || c.name.endsWith('+replan') || result.routes.length === 0) continue;
    const middle = result.routes[Math.floor(result.routes.length / 2)]!;
    cases.splice(i + 1, 0, {
      name: `${c.name}+replan`, seed: c.seed + 100, timeLimitSeconds: c.timeLimitSeconds,
      instance: { ...c.instance, previous: result.routes, pinned: [{ ...middle, pinned: true }] },
    });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
