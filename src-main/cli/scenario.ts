/**
 * A what-if on top of the base data, planned and saved; or the least extra it takes to meet
 * the deadline, with its evidence both ways.
 *
 *   npm run scenario -- [--db path] [--name text] [--deadline yyyy-MM-dd] [--add-teams N[:base]] [--like team]
 *                       [--remove-teams code,...] [--lose-vehicles kind:N] [--add-vehicles kind:N]
 *                       [--add-shift code,...] [--backlog-pct ±N] [--time-limit s] [--json out.json]
 *   npm run scenario -- [changes...] --min-extra teams|vehicles:<kind>|shifts [--max-extra N] --json out.json
 *
 * The base tables never change: the scenario's changes are stored with it and applied at
 * planning time. Exits 2 on a bad flag or a change that cannot apply (naming it), 1 when the
 * verifier rejects the plan or no number of extra units up to --max-extra makes the deadline.
 */
import { resolve } from 'node:path';
import { peopleToMeet, resourceLabel, type ExtraResource } from '../core/scenario';
import type { PlanningInstance, ScenarioChange } from '../core/model';
import { loadPlanningInstance, openDatabase, savePlan, type Db } from '../db';
import { createScenario, loadScenarioInstance } from '../db/repos/scenarios';
import { runMinExtra, trialOf, type PlannedTrial } from '../workers/min-extra-run';
import { startPlanning } from '../workers/run-planner';
import { figuresOf } from './figures';
import { flagsOrExit, runWhenMain, thousands, UsageError } from './flags';
import { summary, writeJson } from './plan';
import { changesFromFlags, extraResource, scenarioFlags, type ScenarioFlags } from './scenario-flags';

const USAGE = `Usage: npm run scenario -- [--db path] [--name text] [--deadline yyyy-MM-dd] [--add-teams N[:base]] [--like team]
  [--remove-teams code,...] [--lose-vehicles kind:N] [--add-vehicles kind:N] [--add-shift code,...] [--backlog-pct ±N]
  [--min-extra teams|vehicles:<kind>|shifts] [--max-extra N] [--time-limit s] [--seed n] [--json out.json]`;

async function planned(instance: PlanningInstance, flags: ScenarioFlags): Promise<PlannedTrial> {
  const { routes, report } = await startPlanning(instance, { seed: flags.seed, timeLimitSeconds: flags['time-limit'] }, () => undefined).result;
  return trialOf(routes, report);
}

function saveTrial(db: Db, scenarioId: number, name: string, trial: PlannedTrial, from: string, seed: number, extra: string | null = null): number {
  return savePlan(db, { name, status: 'draft', fromDate: from, seed, scenarioId, routes: trial.routes, report: trial.report, extra });
}

async function answerMinExtra(db: Db, scenarioId: number, instance: PlanningInstance, resource: ExtraResource, flags: ScenarioFlags, t0: number) {
  const need = peopleToMeet(instance);
  const { answer, nothingAdded, proposedBase } = await runMinExtra(instance, resource, {
    start: (inst, options) => startPlanning(inst, options, () => undefined),
    options: { seed: flags.seed, timeLimitSeconds: flags['time-limit'] },
    maxExtra: flags['max-extra'],
    onStep: (s) => process.stderr.write(s.what === 'bound'
      ? `  bound with ${s.k} extra: ${thousands(s.people)} (the deadline needs ${thousands(need)})${s.possible === false ? '; no plan can do every hamlet' : ''}\n`
      : `  ${s.k} extra: enrolled ${thousands(s.people)}, deadline ${s.enough ? 'met (verified)' : 'missed'}\n`),
  });
  const extra = `${resourceLabel(resource)} +${answer.minimum}`;
  const planId = answer.plan && answer.minimum !== null ? saveTrial(db, scenarioId, extra, answer.plan as PlannedTrial, instance.from, flags.seed, extra) : null;
  return {
    scenarioId,
    resource: resourceLabel(resource),
    minimum: answer.minimum,
    planMeetsDeadline: answer.plan?.deadlineMet ?? false,
    checkerValid: answer.plan?.verifierValid ?? false,
    boundForOneFewer: answer.boundForOneFewer,
    possibleWithOneFewer: answer.possibleWithOneFewer,
    backlog: figuresOf(nothingAdded.report).backlog,
    need: answer.need,
    provenMinimal: answer.provenMinimal,
    boundAllows: answer.boundAllows,
    planId,
    clearanceDateWithNothingAdded: nothingAdded.clearanceDate,
    proposedBase,
    deadline: instance.campaign.deadline,
    steps: answer.steps,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

function describeAnswer(a: Awaited<ReturnType<typeof answerMinExtra>>): string[] {
  const lines = [`Least extra ${a.resource} to meet ${a.deadline}: ${a.minimum ?? 'not found'}`];
  if (a.proposedBase) {
    const b = a.proposedBase;
    lines.push(`  based at ${b.baseName}, the base nearest the ${thousands(b.missing)} people short with nothing added (most in ${b.communeName}: ${thousands(b.communeMissing)}; ${b.meanKm} km away on average)`);
  }
  if (a.minimum !== null) {
    lines.push(`  evidence: a plan with ${a.minimum} extra meets the deadline, verifier ${a.checkerValid ? 'valid' : 'INVALID'} (saved as plan #${a.planId})`);
    lines.push(a.minimum === 0 ? '  nothing needs adding'
      : a.provenMinimal ? (a.possibleWithOneFewer === false && (a.boundForOneFewer ?? 0) >= a.need
        ? `  proven minimal: with ${a.minimum - 1} no plan can bring every hamlet within its residual (the LP that must is infeasible), though the upper bound ${thousands(a.boundForOneFewer ?? 0)} reaches the ${thousands(a.need)} needed`
        : `  proven minimal: with ${a.minimum - 1} the upper bound is ${thousands(a.boundForOneFewer ?? 0)} < ${thousands(a.need)} the deadline needs`)
        : `  not proven minimal: with ${a.minimum - 1} the upper bound is ${thousands(a.boundForOneFewer ?? 0)}, enough on paper (${thousands(a.need)} needed)`);
  } else if (a.boundAllows === null) {
    lines.push(`  even ${a.resource} up to the limit cannot: the upper bound stays below the ${thousands(a.need)} people the deadline needs`);
  }
  lines.push(`With nothing added the backlog clears on ${a.clearanceDateWithNothingAdded ?? 'no date within a year'} (deadline ${a.deadline})`);
  lines.push(`Seconds: ${a.seconds}`);
  return lines;
}

const describe = (changes: readonly ScenarioChange[]): string => changes.map((c) => c.kind).join(', ') || 'no change';

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, scenarioFlags, 'scenario', USAGE);
  if (typeof flags === 'number') return flags;
  const t0 = performance.now();
  const db = openDatabase(resolve(flags.db));
  try {
    let changes: ScenarioChange[];
    let resource: ExtraResource | null;
    try {
      const base = loadPlanningInstance(db, { from: flags.from, keepPinned: false });
      changes = changesFromFlags(base, flags);
      resource = extraResource(base, flags);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(`scenario: ${err.message}`);
      return 2;
    }
    const { instance, problems } = loadScenarioInstance(db, changes, { from: flags.from });
    if (problems.length > 0) {
      for (const p of problems) console.error(`scenario: change ${p.change + 1} (${changes[p.change]?.kind}), ${p.field}: ${p.message}`);
      console.error('Nothing was saved.');
      return 2;
    }
    const scenarioId = createScenario(db, { name: flags.name ?? `Kịch bản: ${describe(changes)}`, note: flags.note, changes });
    console.log(`Scenario #${scenarioId}: ${describe(changes)}`);
    if (resource) {
      const answer = await answerMinExtra(db, scenarioId, instance, resource, flags, t0);
      for (const line of describeAnswer(answer)) console.log(line);
      if (flags.json) writeJson(flags.json, answer);
      return answer.minimum !== null && answer.checkerValid ? 0 : 1;
    }
    const trial = await planned(instance, flags);
    for (const line of summary(instance, trial.report)) console.log(line);
    const planId = saveTrial(db, scenarioId, flags.name ?? 'Kịch bản', trial, instance.from, flags.seed);
    const f = figuresOf(trial.report);
    if (flags.json) {
      writeJson(flags.json, {
        scenarioId, planId, deadlineMet: f.deadlineMet, enrolled: f.enrolled, backlog: f.backlog, upperBound: f.upperBound,
        clearanceDate: f.clearanceDate, checkerValid: f.verifierValid, seconds: Math.round((performance.now() - t0) / 100) / 10,
        changes, hamletsShort: f.hamletsShort, residual: f.residual, byService: f.byService,
      });
    }
    return f.verifierValid ? 0 : 1;
  } finally {
    db.close();
  }
}

runWhenMain(module, 'scenario', main);
