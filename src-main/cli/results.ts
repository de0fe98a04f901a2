/**
 * Field results through the Excel roster (issue 14):
 *   npm run results -- export --week yyyy-Www [--commune code] [--out file.xlsx] [--db path]
 *   npm run results -- import <roster.xlsx> [--db path] [--yes] [--today yyyy-MM-dd]
 * `export` writes the published plan's rosters of the week (all communes, or one) with the
 * "Kết quả thực hiện" block to fill and each visit carried in hidden columns. `import` reads a
 * filled one back: every rejected row named by sheet, row and column, exit 1 and nothing written;
 * rows recording more than the hamlet has left need --yes. A --db path that does not exist yet is
 * created with the demo district.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { format } from 'date-fns';
import { z } from 'zod';
import { isoDate } from '../core/model';
import { buildRosterBundle, isoWeekCode } from '../core/roster';
import { readRosterResults, type RosterRowIssue } from '../core/results/roster-import';
import { openDatabase, publishedPlanId } from '../db';
import { loadRosterSource } from '../db/roster-data';
import { applyRosterResults, checkRosterResults } from '../db/repos/results-import';
import { readSpreadsheet } from '../io/read';
import { rosterToXlsx } from '../render/roster-xlsx';
import { flagsOrExit, parseFlags, runWhenMain, UsageError } from './flags';

const USAGE = [
  'Usage: npm run results -- export --week yyyy-Www [--commune code] [--out file.xlsx] [--db path]',
  '       npm run results -- import <roster.xlsx> [--db path] [--yes] [--today yyyy-MM-dd]',
].join('\n');

const exportFlags = z.object({
  db: z.string().min(1).default('./data/luudong.sqlite'),
  week: isoWeekCode,
  commune: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
}).strict();
const importFlags = z.object({
  db: z.string().min(1).default('./data/luudong.sqlite'),
  yes: z.literal(true).optional(),
  today: isoDate.optional(),
}).strict();

/** English words for the row problems, for the terminal. */
const WORDS: Record<string, string> = {
  resultNoVisit: 'the row has no visit identity (hidden columns): use a roster exported by the app',
  resultTwice: 'the same visit is already filled in on {{sheet}} row {{row}}',
  resultNotANumber: '"{{value}}" is not a number',
  resultNegative: 'a count cannot be negative ({{value}})',
  resultNotWhole: 'a count is a whole number of people ({{value}})',
  resultTooLarge: 'too many people for one visit ({{value}})',
  resultUnknownReason: '"{{value}}" is not one of: {{choices}}',
  resultNoteTooLong: 'the note is longer than {{max}} characters',
  resultNotDoneWithPeople: 'a visit marked not done cannot have people enrolled',
  resultHomeAboveEnrolled: 'more at home than enrolled',
  resultOtherPlan: 'the visit is not in this database\'s plans (a file from another plan or area)',
  resultRowMoved: 'the row was moved: its visit is {{hamlet}} on {{date}}',
  resultHamletChanged: 'the hamlet was changed: the visit is at {{hamlet}}, the row says "{{written}}"',
  resultPlanNotInForce: 'the plan is not the one in force on {{date}} (a draft, or replaced since)',
  resultFuture: 'the visit on {{date}} is in the future',
};
const word = (i: RosterRowIssue): string => (WORDS[i.key] ?? i.key).replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(i.params?.[k] ?? ''));

async function exportWeek(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, exportFlags, 'results export', USAGE);
  if (typeof flags === 'number') return flags;
  const db = openDatabase(resolve(flags.db));
  try {
    const planId = publishedPlanId(db);
    if (planId === null) {
      console.error('results export: no plan is published yet: publish one first.');
      return 1;
    }
    const source = loadRosterSource(db, planId)!;
    const commune = flags.commune ? source.communes.find((c) => c.code === flags.commune) : undefined;
    if (flags.commune && !commune) {
      console.error(`results export: --commune: no commune with code ${flags.commune}`);
      return 2;
    }
    const bundle = buildRosterBundle(source, { week: flags.week, scope: commune ? { kind: 'commune', communeId: commune.id } : { kind: 'allCommunes' } });
    const out = resolve(flags.out ?? `${bundle.fileStem}.xlsx`);
    writeFileSync(out, await rosterToXlsx(bundle));
    console.log(`${bundle.documents.length} commune rosters of week ${flags.week} (plan "${bundle.plan.name}") with the result block: ${out}`);
    return 0;
  } finally {
    db.close();
  }
}

async function importFile(argv: readonly string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--')) {
    console.error(`results import: the roster file is needed\n${USAGE}`);
    return 2;
  }
  let flags: z.infer<typeof importFlags>;
  try {
    flags = parseFlags(rest, importFlags, new Set(['yes']));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`results import: ${err.message}\n${USAGE}`);
    return 2;
  }
  const read = await readSpreadsheet(readFileSync(resolve(file)));
  if (!read.ok) {
    console.error(`results import: ${file}: not a readable workbook (${read.problem.key}); nothing was recorded.`);
    return 1;
  }
  const db = openDatabase(resolve(flags.db));
  try {
    const today = flags.today ?? format(new Date(), 'yyyy-MM-dd');
    const check = checkRosterResults(db, readRosterResults(read.sheets), today);
    if (check.sheets === 0) {
      console.error(`results import: ${file} has no roster with the "Kết quả thực hiện" block; nothing was recorded.`);
      return 1;
    }
    if (check.rejects.length) {
      console.error(`Nothing was recorded: ${check.rejects.length} rejected rows.`);
      for (const r of check.rejects.slice(0, 100)) console.error(`  ${r.sheet}, row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${word(r)}`);
      return 1;
    }
    if (check.aboveBacklog.length && !flags.yes) {
      console.error(`Nothing was recorded: ${check.aboveBacklog.length} rows record more people than their hamlet has left (people the register missed?). Check them, then run again with --yes:`);
      for (const a of check.aboveBacklog) console.error(`  ${a.sheet}, row ${a.row}: ${a.hamlet}, ${a.excess.cccd} CCCD and ${a.excess.eid} e-ID above what is left`);
      return 1;
    }
    const { recorded } = applyRosterResults(db, check, { acceptAboveBacklog: flags.yes === true, today, fileName: basename(file) });
    const replaced = check.updates.filter((u) => u.replaces).length;
    console.log(`Recorded the results of ${recorded} visits (${replaced} replaced an earlier entry) from ${file}.`);
    return 0;
  } finally {
    db.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'export') return exportWeek(rest);
  if (command === 'import') return importFile(rest);
  console.error(command && command !== '--help' ? `results: unknown command "${command}"\n${USAGE}` : USAGE);
  return command === '--help' ? 0 : 2;
}

runWhenMain(module, 'results', main);
