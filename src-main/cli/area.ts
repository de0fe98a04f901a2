/**
 * A planning area of one's own (issue 17):
 *   npm run area -- template --out area.xlsx
 *   npm run area -- new --name "..." --parent "..." --start yyyy-MM-dd --deadline yyyy-MM-dd --workbook area.xlsx --db <path>
 *   npm run area -- holidays --from yyyy-MM-dd --to yyyy-MM-dd [--json out.json]
 * `new` checks the whole workbook as the screen does: each problem is printed with its sheet,
 * row and column, exit code 1, and no database is left behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { format } from 'date-fns';
import { z } from 'zod';
import { vietnamHolidays } from '../core/calendar/holidays';
import { isoDate } from '../core/model';
import { LISTS, type Problem } from '../core/register';
import { areaTemplateSheets, createAreaDatabase, newArea, type AreaImportReport } from '../db/area';
import { readSpreadsheet } from '../io/read';
import { sheetsToXlsx } from '../io/write';
import { flagsOrExit, runWhenMain } from './flags';
import { writeJson } from './plan';

const USAGE = [
  'Usage: npm run area -- template --out area.xlsx',
  '       npm run area -- new --name "..." --parent "..." --start yyyy-MM-dd --deadline yyyy-MM-dd --workbook area.xlsx --db <path>',
  '       npm run area -- holidays --from yyyy-MM-dd --to yyyy-MM-dd [--json out.json]',
].join('\n');

const templateFlags = z.object({ out: z.string().min(1, 'is needed') }).strict();
const newFlags = z.object({
  name: z.string(), parent: z.string(), start: isoDate, deadline: isoDate, workbook: z.string().min(1), db: z.string().min(1),
}).strict();
const holidayFlags = z.object({ from: isoDate, to: isoDate, json: z.string().min(1).optional() }).strict();

/** The screen's English wording of the register's problems (the renderer's catalogue, read as data). */
const CATALOGUE = join(__dirname, '../../src-renderer/i18n/en.register.json');
const messages: Record<string, string> = existsSync(CATALOGUE)
  ? (JSON.parse(readFileSync(CATALOGUE, 'utf8')) as { register: { err: Record<string, string> } }).register.err : {};
/** A problem in words, as the screen says it (English here). */
export const wordProblem = (p: Problem): string =>
  (messages[p.key] ?? p.key).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(p.params?.[name] ?? `{{${name}}}`));

export function reportLines(report: AreaImportReport): string[] {
  const lines: string[] = [];
  for (const s of report.sheets) {
    const sheet = s.sheet ?? LISTS[s.list].sheet.vi;
    if (s.problem) lines.push(`  ${sheet}: ${wordProblem(s.problem)}`);
    for (const r of s.rejects.slice(0, 50)) lines.push(`  ${sheet}, row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${wordProblem(r)}`);
    if (s.rejects.length > 50) lines.push(`  ${sheet}: … and ${s.rejects.length - 50} more rejected rows`);
    if (!s.problem && !s.rejects.length && s.added > 0) lines.push(`  ${sheet}: ${s.added} rows`);
  }
  return lines;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'template') {
    const flags = flagsOrExit(rest, templateFlags, 'area template', USAGE);
    if (typeof flags === 'number') return flags;
    writeFileSync(resolve(flags.out), await sheetsToXlsx(areaTemplateSheets()));
    console.log(`The blank area workbook: ${resolve(flags.out)}`);
    return 0;
  }
  if (command === 'new') {
    const flags = flagsOrExit(rest, newFlags, 'area new', USAGE);
    if (typeof flags === 'number') return flags;
    const area = newArea.safeParse({ name: flags.name, parent: flags.parent, startDate: flags.start, deadline: flags.deadline });
    if (!area.success) {
      console.error(`area new: ${area.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; ')}`);
      return 2;
    }
    const read = await readSpreadsheet(readFileSync(resolve(flags.workbook)));
    if (!read.ok) {
      console.error(`area new: ${basename(flags.workbook)}: ${wordProblem(read.problem)}`);
      return 1;
    }
    const t0 = Date.now();
    const report = createAreaDatabase(resolve(flags.db), area.data, read.sheets, basename(flags.workbook), format(new Date(), 'yyyy-MM-dd'));
    console.log(report.ok ? `Area "${area.data.name}" created in ${resolve(flags.db)} (${((Date.now() - t0) / 1000).toFixed(1)} s):` : 'Nothing was written:');
    for (const line of reportLines(report)) console.log(line);
    return report.ok ? 0 : 1;
  }
  if (command === 'holidays') {
    const flags = flagsOrExit(rest, holidayFlags, 'area holidays', USAGE);
    if (typeof flags === 'number') return flags;
    const days = vietnamHolidays(flags.from, flags.to).map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
    for (const d of days) console.log(`${d.date}  ${d.kind.padEnd(9)}  ${d.name}`);
    if (flags.json) writeJson(flags.json, days);
    return 0;
  }
  console.error(command ? `area: unknown command "${command}"\n${USAGE}` : USAGE);
  return 2;
}

runWhenMain(module, 'area', main);
