/**
 * Where the demo's gap to its LP bound goes: the plan (5 s, seed 3, frozen clock) beside the
 * bound's LP solution, minute by minute of team time; the plan's routes by the minutes they leave
 * unused; the bound with whole visits to each hamlet (a mixed-integer program); and how far the
 * bound falls when the teams are a little slower (how much slack the LP holds).
 *
 * Then the same plan and bound on three changed demos, to show which part of the problem the gap
 * lives in: without the homebound, without CCCD, and with every team at one speed.
 *
 *   npx tsx scripts/bound-split.ts [--service-priority equal|cccd|eid]
 */
import type { PlanningInstance } from '../src-main/core/model';
import { plan } from '../src-main/core/planner';
import { teamCapacity } from '../src-main/core/planner/bound/bound-capacity';
import { geometry } from '../src-main/core/planner/bound/bound-geometry';
import { buildBoundModel } from '../src-main/core/planner/bound/bound-model';
import { loadHighs } from '../src-main/core/planner/bound/highs';
import { PlanState } from '../src-main/core/planner/construct/state';
import { prepare } from '../src-main/core/planner/prepare/prepare';
import { demoInstance } from '../tests/unit/planner/fixtures';

type Columns = Record<string, { Primal: number }>;

async function solveBound(instance: PlanningInstance): Promise<{ value: number; columns: Columns; prepared: ReturnType<typeof prepare>; lp: string }> {
  const prepared = prepare(instance);
  // What is left to enrol, as the planner's bound starts from it (upperBoundOf).
  const { nonHomebound, homebound } = new PlanState(prepared);
  const model = buildBoundModel(prepared, nonHomebound, homebound);
  const result = (await loadHighs()).solve(model.lp, { output_flag: false, presolve: 'off', simplex_strategy: 1 }) as unknown as { ObjectiveValue: number; Columns: Columns };
  return { value: result.ObjectiveValue, columns: result.Columns, prepared, lp: model.lp };
}

/** The same model with each hamlet's venue visits (v<hamlet>) whole: a mixed-integer program. */
async function wholeVisits(lp: string): Promise<string> {
  const visits = [...new Set([...lp.matchAll(/\b(v\d+)\b/g)].map((m) => m[1]!))];
  const mip = lp.replace(/\nEnd\n$/, `\nGeneral\n ${visits.join(' ')}\nEnd\n`);
  const result = (await loadHighs()).solve(mip, { output_flag: false, time_limit: 60 });
  return `${result.Status}, ${result.ObjectiveValue.toFixed(1)}`;
}

const sum = (columns: Columns, pattern: RegExp, weight: (m: RegExpExecArray) => number): number => {
  let total = 0;
  for (const [name, column] of Object.entries(columns)) {
    const m = pattern.exec(name);
    if (m) total += column.Primal * weight(m);
  }
  return total;
};

/** The demo without its homebound (they leave the backlog), without CCCD, and with every team at one speed. */
function variants(instance: PlanningInstance): [string, PlanningInstance][] {
  const backlogs = (map: (b: PlanningInstance['backlogs'][number]) => PlanningInstance['backlogs'][number]): PlanningInstance => ({ ...instance, backlogs: instance.backlogs.map(map) });
  return [
    ['without the homebound', backlogs((b) => ({ ...b, remaining: { cccd: b.remaining.cccd - b.homebound.cccd, eid: b.remaining.eid - b.homebound.eid }, homebound: { cccd: 0, eid: 0 } }))],
    ['without CCCD', backlogs((b) => ({ ...b, remaining: { cccd: 0, eid: b.remaining.eid }, homebound: { cccd: 0, eid: b.homebound.eid } }))],
    ['every team at one speed', { ...instance, teams: instance.teams.map((t) => ({ ...t, throughputPerHour: { cccd: t.throughputPerHour.cccd > 0 ? 10 : 0, eid: 22 }, homeThroughputPerHour: 5 })) }],
  ];
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--service-priority');
  const priority = (i >= 0 ? process.argv[i + 1] : 'equal') as NonNullable<PlanningInstance['campaign']['servicePriority']>;
  const demo = demoInstance();
  const instance: PlanningInstance = { ...demo, campaign: { ...demo.campaign, servicePriority: priority } };
  const result = await plan(instance, { seed: 3, timeLimitSeconds: 5 }, { now: () => 0 });
  const people = result.report.enrolled.cccd + result.report.enrolled.eid;
  let minutes = 0; let setup = 0; let work = 0; let visits = 0; let home = 0;
  for (const route of result.routes) {
    minutes += route.returnMin - route.departMin;
    for (const stop of route.stops) {
      setup += stop.startMin - stop.arriveMin; work += stop.endMin - stop.startMin; visits++;
      home += stop.homeVisits.cccd + stop.homeVisits.eid;
    }
  }
  const { value, columns, prepared, lp } = await solveBound(instance);
  const capacity = prepared.teams.reduce((total, _, team) => total + teamCapacity(prepared, team).minutes, 0);
  const geo = geometry(prepared);
  const roundTrip = (team: number, cell: number): number => Math.min(...geo.cells[cell]!.map((h) => geo.roundTrip(prepared.teams[team]!.node, prepared.hamlets[h]!.node)));
  const lpTravel = sum(columns, /^p[vh](\d+)_(\d+)$/, (m) => roundTrip(Number(m[1]), Number(m[2])));
  const lpSetup = sum(columns, /^n[vh](\d+)_\d+$/, (m) => prepared.teams[Number(m[1])]!.setup);
  const lpVisits = sum(columns, /^n[vh]\d+_\d+$/, () => 1);
  const lpWork = sum(columns, /^x[vh](\d+)_\d+_(\d)$/, (m) => 60 / prepared.teams[Number(m[1])]!.tp[Number(m[2]) as 0 | 1])
    + sum(columns, /^y[vh](\d+)_\d+_\d$/, (m) => 60 / prepared.teams[Number(m[1])]!.htp);
  const lpHome = sum(columns, /^y[vh]\d+_\d+_\d$/, () => 1);
  const row = (label: string, planned: number, lp: number): string => `${label.padEnd(26)}${String(Math.round(planned)).padStart(10)}${String(Math.round(lp)).padStart(10)}`;
  console.log(`demo, ${priority}, 5 s: ${people} enrolled, bound ${result.report.upperBound} (${((100 * people) / result.report.upperBound).toFixed(2)} %); LP optimum ${value.toFixed(1)}`);
  console.log(`team time the caps allow: ${capacity} min`);
  console.log(`${''.padEnd(26)}${'plan'.padStart(10)}${'LP'.padStart(10)}`);
  console.log(row('travel (LP: round trips)', minutes - setup - work, lpTravel));
  console.log(row('setup', setup, lpSetup));
  console.log(row('work', work, lpWork));
  console.log(row('unused', capacity - minutes, capacity - lpTravel - lpSetup - lpWork));
  console.log(row('visits', visits, lpVisits));
  console.log(row('home visits (people)', home, lpHome));
  const byUnused = new Map<string, [number, number]>();
  for (const route of result.routes) {
    const slot = prepared.slots.find((x) => x.date === route.date && x.templateId === route.templateId)!;
    const unused = slot.end - slot.start - (route.returnMin - route.departMin);
    const label = unused === 0 ? '0' : unused <= 2 ? '1-2' : unused <= 5 ? '3-5' : unused <= 11 ? '6-11' : '12+';
    const [routes, total] = byUnused.get(label) ?? [0, 0];
    byUnused.set(label, [routes + 1, total + unused]);
  }
  console.log(`plan's routes by minutes unused: ${['0', '1-2', '3-5', '6-11', '12+'].map((l) => `${l}: ${byUnused.get(l)?.[0] ?? 0} routes, ${byUnused.get(l)?.[1] ?? 0} min`).join('; ')}`);
  console.log(`bound with whole visits to each hamlet (mixed-integer): ${await wholeVisits(lp)}`);
  for (const factor of [0.99, 0.97, 0.95]) {
    const slower = { ...instance, teams: instance.teams.map((t) => ({ ...t, throughputPerHour: { cccd: t.throughputPerHour.cccd * factor, eid: t.throughputPerHour.eid * factor }, homeThroughputPerHour: t.homeThroughputPerHour * factor })) };
    console.log(`bound with every team ${Math.round(100 * (1 - factor))} % slower: ${(await solveBound(slower)).value.toFixed(0)}`);
  }
  for (const [label, changed] of variants(instance)) {
    const planned = await plan(changed, { seed: 3, timeLimitSeconds: 5 }, { now: () => 0 });
    const got = planned.report.enrolled.cccd + planned.report.enrolled.eid;
    console.log(`${label.padEnd(26)}${String(got).padStart(10)} of ${planned.report.upperBound} (${((100 * got) / planned.report.upperBound).toFixed(2)} %)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
