/**
 * Score sheet of the routing engine on Solomon VRPTW instances.
 *
 *   npm run vrptw -- <instance dir> [--time-limit s] [--seed n] [--json out.json]
 *                    [--only C101,R201] [--objective vehicles|distance] [--vehicle-cost c]
 *
 * Reads <dir>/*.txt and the best known solutions from <dir>/../solomon_bks.json,
 * solves each instance, re-verifies it with the independent checker and prints
 * one row per instance, a summary per family and a total. --vehicle-cost adds a
 * fixed cost per vehicle to the 'distance' objective. Exits 1 when any
 * solution fails the check, 2 on bad input.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { checkSolution } from '../core/vrptw/check';
import { solveVrptw } from '../core/vrptw/search';
import { parseSolomon, solomonProblem } from '../core/vrptw/solomon';
import type { Objective } from '../core/vrptw/types';

const FOLDER_REQUIRED = 'the folder of Solomon instances (*.txt) is required, e.g. npm run vrptw -- ../shared/benchmarks/vrptw/solomon';

const argsSchema = z.object({
  // Without a folder, say what to give (zod's own words name a type, not the folder).
  dir: z.string({ error: FOLDER_REQUIRED }).min(1, FOLDER_REQUIRED),
  timeLimit: z.number().positive().max(3600).default(2),
  seed: z.number().int().default(1),
  json: z.string().min(1).optional(),
  only: z.array(z.string().min(1)).optional(),
  objective: z.enum(['vehicles', 'distance']).default('vehicles'),
  vehicleCost: z.number().min(0).default(0),
});
type Args = z.infer<typeof argsSchema>;

const bksEntry = z.object({ vehicles: z.number().int(), cost: z.number() });
const bksSchema = z.record(z.string(), z.object({ vehicles_first: bksEntry, distance_first: bksEntry }));
type Bks = z.infer<typeof bksEntry>;

interface Row {
  name: string;
  vehicles: number;
  distance: number;
  bksVehiclesFirst: Bks | null;
  bksDistanceFirst: Bks | null;
  gapDistanceFirstPct: number | null;
  gapVehiclesFirstPct: number | null;
  seconds: number;
  valid: boolean;
}

class UsageError extends Error {}

const CHECK_RESERVE_MS = 5;

function parseArgs(argv: string[]): Args {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--time-limit') raw.timeLimit = Number(value());
    else if (arg === '--seed') raw.seed = Number(value());
    else if (arg === '--json') raw.json = value();
    else if (arg === '--only') raw.only = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (arg === '--objective') raw.objective = value();
    else if (arg === '--vehicle-cost') raw.vehicleCost = Number(value());
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (raw.dir === undefined) raw.dir = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

function loadBks(dir: string): z.infer<typeof bksSchema> {
  const file = join(dirname(resolve(dir)), 'solomon_bks.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`note: ${file} not found; gaps are left blank\n`);
    return {};
  }
  const parsed = bksSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new UsageError(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function gap(ours: number, reference: number | undefined): number | null {
  return reference === undefined || reference <= 0 ? null : (ours / reference - 1) * 100;
}

function summarise(rows: Row[]) {
  const sumOf = (pick: (r: Row) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const distance = sumOf((r) => r.distance);
  const withBks = rows.filter((r) => r.bksDistanceFirst !== null && r.bksVehiclesFirst !== null);
  const bksDistance = withBks.reduce((s, r) => s + (r.bksDistanceFirst?.cost ?? 0), 0);
  const bksVehicles = withBks.reduce((s, r) => s + (r.bksVehiclesFirst?.cost ?? 0), 0);
  const ourWithBks = withBks.reduce((s, r) => s + r.distance, 0);
  return {
    vehicles: sumOf((r) => r.vehicles),
    distance,
    gapDistanceFirstPct: withBks.length > 0 ? gap(ourWithBks, bksDistance) : null,
    gapVehiclesFirstPct: withBks.length > 0 ? gap(ourWithBks, bksVehicles) : null,
    seconds: sumOf((r) => r.seconds),
    allValid: rows.every((r) => r.valid),
    bksVehicles: withBks.reduce((s, r) => s + (r.bksVehiclesFirst?.vehicles ?? 0), 0),
  };
}

const fmt = (v: number | null, digits = 2): string => (v === null ? '-' : v.toFixed(digits));
const pct = (v: number | null): string => {
  if (v === null) return '-';
  const text = Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2);
  return `${v >= 0.005 ? '+' : ''}${text}%`;
};

function printRow(cells: string[]): void {
  const widths = [8, 5, 10, 14, 14, 9, 9, 7, 6];
  process.stdout.write(cells.map((c, i) => c.padStart(widths[i] ?? 8)).join(' ') + '\n');
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  const dir = resolve(args.dir);
  const bks = loadBks(dir);
  let files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort();
  if (args.only !== undefined) {
    const wanted = new Set(args.only.map((s) => s.toUpperCase()));
    files = files.filter((f) => wanted.has(basename(f, '.txt').toUpperCase()));
    const found = new Set(files.map((f) => basename(f, '.txt').toUpperCase()));
    const absent = [...wanted].filter((w) => !found.has(w));
    if (absent.length > 0) throw new UsageError(`not found in ${dir}: ${absent.join(', ')}`);
  }
  if (files.length === 0) throw new UsageError(`no .txt instances in ${dir}`);

  printRow(['instance', 'veh', 'distance', 'BKS veh-first', 'BKS dist-first', 'gap df', 'gap vf', 'sec', 'check']);
  const rows: Row[] = [];
  for (const file of files) {
    const path = join(dir, file);
    // Timed from reading the file to the end of the check: what a user waits for.
    const t0 = performance.now();
    const instance = parseSolomon(readFileSync(path, 'utf8'), path);
    const problem = { ...solomonProblem(instance), vehicleCost: args.vehicleCost };
    const solution = solveVrptw(problem, {
      objective: args.objective as Objective,
      seed: args.seed,
      // Parsing has already used part of the instance's time; keep a little for the check.
      timeLimitMs: Math.max(0, args.timeLimit * 1000 - (performance.now() - t0) - CHECK_RESERVE_MS),
      now: () => performance.now(),
    });
    const check = checkSolution(
      problem,
      solution.routes.map((r) => r.visits),
    );
    const seconds = (performance.now() - t0) / 1000;
    for (const v of check.violations.slice(0, 5)) process.stderr.write(`${instance.name}: ${v.message}\n`);
    const name = basename(file, '.txt');
    const known = bks[name] ?? bks[instance.name];
    const row: Row = {
      name,
      vehicles: check.vehicles,
      distance: check.distance,
      bksVehiclesFirst: known?.vehicles_first ?? null,
      bksDistanceFirst: known?.distance_first ?? null,
      gapDistanceFirstPct: gap(check.distance, known?.distance_first.cost),
      gapVehiclesFirstPct: gap(check.distance, known?.vehicles_first.cost),
      seconds,
      valid: check.valid,
    };
    rows.push(row);
    const ref = (b: Bks | null) => (b === null ? '-' : `${b.vehicles} / ${b.cost.toFixed(2)}`);
    printRow([
      name,
      String(row.vehicles),
      fmt(row.distance),
      ref(row.bksVehiclesFirst),
      ref(row.bksDistanceFirst),
      pct(row.gapDistanceFirstPct),
      pct(row.gapVehiclesFirstPct),
      fmt(seconds),
      row.valid ? 'ok' : 'FAIL',
    ]);
  }

  const families = new Map<string, Row[]>();
  for (const row of rows) {
    const family = row.name.replace(/\d{2}$/, '');
    families.set(family, [...(families.get(family) ?? []), row]);
  }
  process.stdout.write('\n');
  const familySummaries: Record<string, ReturnType<typeof summarise>> = {};
  const printSummary = (label: string, group: Row[]) => {
    const s = summarise(group);
    printRow([
      label,
      String(s.vehicles),
      fmt(s.distance),
      `${s.bksVehicles} veh`,
      '',
      pct(s.gapDistanceFirstPct),
      pct(s.gapVehiclesFirstPct),
      fmt(s.seconds),
      s.allValid ? 'ok' : 'FAIL',
    ]);
    return s;
  };
  for (const [family, group] of families) familySummaries[family] = printSummary(family, group);
  const total = printSummary('TOTAL', rows);

  if (args.json !== undefined) {
    const { bksVehicles: _unused, ...totalOut } = total;
    void _unused;
    const out = {
      instances: rows,
      total: totalOut,
      families: familySummaries,
      settings: {
        timeLimitSeconds: args.timeLimit,
        seed: args.seed,
        objective: args.objective,
        vehicleCost: args.vehicleCost,
      },
    };
    writeFileSync(args.json, JSON.stringify(out, null, 2) + '\n');
  }
  return total.allValid ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vrptw: ${message}\n`);
  process.exitCode = 2;
}
