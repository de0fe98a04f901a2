/**
 * Issue 13's province figure: for each of the province bench's 27 districts, the least extra
 * teams that make its deadline, each answer with its evidence (a verified plan with that many;
 * for one fewer the bound, or "not proven minimal"), the base proposed for them (nearest the
 * people still short) and how far the deadline slips with nothing added. Printed as a table a
 * provincial manager could act on; figures, not asserted:
 *   npm run bench:province-extra -- [--district-time-limit s] [--max-extra n] [--parallel n] [--only name] [--json file]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { datasetInstance, generateThanhHoa, parseCentroidsCsv } from '../core/demo';
import type { PlanOptions, PlanningInstance, Team } from '../core/model';
import { peopleToMeet, type BaseProposal } from '../core/scenario';
import { inLanes } from '../workers/lanes';
import { runMinExtra } from '../workers/min-extra-run';
import { startPlanning } from '../workers/run-planner';
import { flagsOrExit, runWhenMain, thousands } from './flags';

const USAGE = 'Usage: npm run bench:province-extra -- [--district-time-limit s] [--max-extra n] [--parallel n] [--only name] [--json file]';
const flagsSchema = z.object({
  'district-time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.5).max(600).default(3),
  'max-extra': z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100).default(12),
  parallel: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(8).default(2),
  only: z.string().min(1).optional(),
  json: z.string().min(1).optional(),
}).strict();
type Flags = z.infer<typeof flagsSchema>;

export interface DistrictAnswer {
  district: string;
  backlog: number;
  need: number;
  likeTeam: string;
  /** Where the extra teams were based: the base nearest the people short with nothing added. */
  base: BaseProposal | null;
  enrolledWithNothingAdded: number;
  clearanceWithNothingAdded: string | null;
  deadline: string;
  minimum: number | null;
  provenMinimal: boolean;
  boundForOneFewer: number | null;
  planVerifierValid: boolean;
  seconds: number;
}

/** The district's own team to copy: a mobile team with a CCCD kit (the scarce service), else its first team. */
function likeTeamOf(instance: PlanningInstance): Team {
  const kit = (t: Team): boolean => t.kits > 0 && t.services.includes('cccd');
  return instance.teams.find((t) => t.kind === 'mobile' && kit(t)) ?? instance.teams.find(kit) ?? instance.teams[0]!;
}

async function answerDistrict(district: string, instance: PlanningInstance, flags: Flags): Promise<DistrictAnswer> {
  const t0 = performance.now();
  const options: PlanOptions = { seed: 1, timeLimitSeconds: flags['district-time-limit'] };
  const start = (inst: PlanningInstance, o: PlanOptions) => startPlanning(inst, o, () => undefined);
  const like = likeTeamOf(instance);
  const { answer, nothingAdded, proposedBase: base } = await runMinExtra(instance, { kind: 'teams', likeTeam: like.code }, { start, options, maxExtra: flags['max-extra'] });
  return {
    district, backlog: nothingAdded.report.backlog.cccd + nothingAdded.report.backlog.eid, need: peopleToMeet(instance), likeTeam: like.code, base,
    enrolledWithNothingAdded: nothingAdded.enrolled, clearanceWithNothingAdded: nothingAdded.clearanceDate, deadline: instance.campaign.deadline,
    minimum: answer.minimum, provenMinimal: answer.provenMinimal, boundForOneFewer: answer.boundForOneFewer,
    planVerifierValid: answer.plan?.verifierValid ?? false, seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

const dmy = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

function row(a: DistrictAnswer): string {
  const evidence = a.minimum === null ? 'none found within the limit'
    : a.minimum === 0 ? 'deadline met as it is'
      : `${a.provenMinimal ? 'proven minimal' : 'not proven minimal'}; bound with ${a.minimum - 1}: ${thousands(a.boundForOneFewer ?? 0)} of ${thousands(a.need)} needed`;
  return `${a.district.padEnd(24)} ${String(a.minimum ?? '?').padStart(3)} extra  `
    + `nothing added: ${thousands(a.enrolledWithNothingAdded).padStart(7)} of ${thousands(a.backlog).padStart(7)}, clears ${dmy(a.clearanceWithNothingAdded)}  `
    + `[${evidence}${a.minimum ? `, plan verifier ${a.planVerifierValid ? 'valid' : 'INVALID'}` : ''}] ${a.seconds.toFixed(1)} s`;
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'bench:province-extra', USAGE);
  if (typeof flags === 'number') return flags;
  const rows = parseCentroidsCsv(readFileSync(join(__dirname, '../../resources/geo/thanh-hoa-communes-centroids.csv'), 'utf8'));
  const districts = generateThanhHoa(rows)
    .map((d) => ({ name: d.areas.find((a) => a.level === 'district')?.name ?? d.meta.label, instance: datasetInstance(d) }))
    .filter((d) => !flags.only || d.name.toLowerCase().includes(flags.only.toLowerCase()));
  console.log(`Least extra teams per district (each like the district's kit team, at the base nearest its people short), `
    + `${districts.length} districts, ${flags['district-time-limit']} s per plan, ${flags.parallel} at a time`);
  const t0 = performance.now();
  const lanes = Array.from({ length: Math.min(flags.parallel, districts.length) }, (_, k) => k);
  const answers = await inLanes(lanes, districts, async (_lane, d) => {
    const a = await answerDistrict(d.name, d.instance, flags);
    console.log(row(a));
    return a;
  });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const short = answers.filter((a) => a.minimum !== 0);
  const teams = answers.reduce((s, a) => s + (a.minimum ?? 0), 0);
  console.log(`\n${answers.length - short.length} districts meet ${answers[0]?.deadline ?? 'the deadline'} as they are; ${short.length} need more: `
    + `${teams} ${teams === 1 ? 'team' : 'teams'} in all (${short.filter((a) => a.provenMinimal).length} answers proven minimal, ${short.filter((a) => a.minimum === null).length} not found); ${seconds} s`);
  for (const a of short) {
    if (a.minimum) console.log(`  ${a.district}: ${a.minimum} ${a.minimum === 1 ? 'team' : 'teams'} like ${a.likeTeam} at ${a.base?.baseName ?? 'its base'} (the most short: ${a.base?.communeName ?? '—'}, ${thousands(a.base?.communeMissing ?? 0)} people)`);
  }
  if (flags.json) writeFileSync(resolve(flags.json), JSON.stringify({ seconds, districts: answers }, null, 2));
  return answers.every((a) => a.minimum === 0 || a.planVerifierValid) ? 0 : 1;
}

runWhenMain(module, 'bench:province-extra', main);
