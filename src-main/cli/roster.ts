/**
 * Prints the week's duty rosters to files, the same documents as the app's "Lịch trực" screen.
 *
 *   npm run roster -- --plan <id|published> --week 2022-W48
 *                     (--commune <code> | --team <id|code> | --all | --all-teams)
 *                     [--format pdf|xlsx] [--out <dir>] [--db <path>]
 *                     [--orientation auto|portrait|landscape] [--issued yyyy-MM-dd]
 *
 * One file per commune (or team). Prints each file written and the time taken.
 * Exits 2 on a bad flag (the message names it), 1 when the plan, commune or team is not found.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { parseFlags } from './flags';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../core/model';
import { buildRosterBundle, isoWeekCode, type RosterScope, type RosterSource } from '../core/roster';
import { openDatabase } from '../db';
import { loadRosterSource, resolvePlanRef } from '../db/roster-data';
import { renderRoster } from '../render/roster';
import { ROSTER_FORMATS, ROSTER_ORIENTATIONS } from '../api/methods/roster';

const USAGE = `Usage: npm run roster -- --plan <id|published> --week yyyy-Www (--commune <code> | --team <id|code> | --all | --all-teams)
       [--format pdf|xlsx] [--out <dir>] [--db <path>] [--orientation auto|portrait|landscape] [--issued yyyy-MM-dd]`;

const BOOLEAN_FLAGS = new Set(['all', 'all-teams']);

const flagsSchema = z
  .object({
    plan: z.union([z.literal('published'), z.coerce.number().int().positive()], {
      error: 'must be a plan id (a positive number) or "published"',
    }),
    week: isoWeekCode,
    commune: z.string().trim().min(1).optional(),
    team: z.string().trim().min(1).optional(),
    all: z.literal(true).optional(),
    'all-teams': z.literal(true).optional(),
    format: z.enum(ROSTER_FORMATS).default('pdf'),
    out: z.string().min(1).default('.'),
    db: z.string().min(1).default('./data/luudong.sqlite'),
    orientation: z.enum(ROSTER_ORIENTATIONS).default('auto'),
    issued: isoDate.optional(),
  })
  .strict()
  .refine((f) => [f.commune, f.team, f.all, f['all-teams']].filter((v) => v !== undefined).length === 1, {
    message: 'choose exactly one of --commune <code>, --team <id|code>, --all, --all-teams',
  });
export type RosterFlags = z.infer<typeof flagsSchema>;

/** argv -> validated flags; every message names the flag it is about. */
export const parseRosterFlags = (argv: string[]): RosterFlags => parseFlags(argv, flagsSchema, BOOLEAN_FLAGS);

export class NotFoundError extends Error {}

/** The scopes to write, one file each. */
function scopesOf(flags: RosterFlags, source: RosterSource): RosterScope[] {
  if (flags.all) return source.communes.map((c) => ({ kind: 'commune', communeId: c.id }));
  if (flags['all-teams']) {
    const week = buildRosterBundle(source, { week: flags.week, scope: { kind: 'allTeams' } });
    return week.documents.flatMap((d) => (d.kind === 'team' ? [{ kind: 'team' as const, teamId: d.teamId }] : []));
  }
  if (flags.commune !== undefined) {
    const code = flags.commune;
    const commune = source.communes.find((c) => c.code === code || String(c.id) === code);
    if (!commune) {
      throw new NotFoundError(`--commune: no commune with code ${code} (codes: ${source.communes.map((c) => c.code).join(', ')})`);
    }
    return [{ kind: 'commune', communeId: commune.id }];
  }
  const ref = flags.team ?? '';
  const team = source.teams.find((t) => t.code.toLowerCase() === ref.toLowerCase()) ?? source.teams.find((t) => String(t.id) === ref);
  if (!team) throw new NotFoundError(`--team: no team with id or code ${ref}`);
  return [{ kind: 'team', teamId: team.id }];
}

export interface WrittenFile {
  path: string;
  bytes: number;
}

export async function runRoster(flags: RosterFlags, log: (line: string) => void = console.log): Promise<WrittenFile[]> {
  const started = performance.now();
  const dbPath = resolve(flags.db);
  if (!existsSync(dbPath) || !statSync(dbPath).isFile()) throw new NotFoundError(`--db: no database at ${dbPath}`);
  const db = openDatabase(dbPath);
  try {
    const planId = resolvePlanRef(db, flags.plan);
    if (planId === null) {
      throw new NotFoundError(flags.plan === 'published' ? '--plan: there is no published plan' : `--plan: no plan with id ${flags.plan}`);
    }
    const source = loadRosterSource(db, planId)!;
    const scopes = scopesOf(flags, source);
    const outDir = resolve(flags.out);
    mkdirSync(outDir, { recursive: true });
    const written: WrittenFile[] = [];
    for (const scope of scopes) {
      const bundle = buildRosterBundle(source, { week: flags.week, scope, issuedOn: flags.issued });
      const file = await renderRoster(bundle, flags.format, flags.orientation);
      const path = join(outDir, file.fileName);
      writeFileSync(path, file.bytes);
      written.push({ path, bytes: file.bytes.length });
      log(`wrote ${path} (${(file.bytes.length / 1024).toFixed(1)} kB)`);
    }
    const seconds = (performance.now() - started) / 1000;
    log(`${written.length} ${written.length === 1 ? 'file' : 'files'} for plan ${planId} "${source.plan.name}", week ${flags.week}, in ${seconds.toFixed(2)} s`);
    if (written.length === 0) log('No team has a shift that week: nothing to write.');
    return written;
  } finally {
    db.close();
  }
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let flags: RosterFlags;
  try {
    flags = parseRosterFlags(process.argv.slice(2));
  } catch (err) {
    console.error(`roster: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    await runRoster(flags);
    return 0;
  } catch (err) {
    console.error(`roster: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
