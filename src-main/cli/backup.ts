/**
 * The database's snapshots from a terminal: the same list and restore as the app's
 * "Sao lưu" screen, through the same handlers.
 *
 *   npm run backup -- list [--db <path>]
 *   npm run backup -- restore <file> [--db <path>]
 *
 * Restore snapshots the current database first (before-restore), so it can be undone the
 * same way. Do not restore while the app has the same database open: close it first.
 * Exits 2 on bad usage (the message names the flag or word), 1 when the list or the restore fails.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, parseISO } from 'date-fns';
import { z } from 'zod';
import { contextFor } from '../api/app-context';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { backupFileName, type BackupInfo, type DatabaseProblem, type Envelope } from '../api/contract';
import { backupsDirOf } from '../db/backups';
import { parseFlags, UsageError } from './flags';

const USAGE = `Usage: npm run backup -- list [--db <path>]
       npm run backup -- restore <file> [--db <path>]`;

const flagsSchema = z.object({ db: z.string().min(1).default('./data/luudong.sqlite') }).strict();

const commandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('list') }),
  z.object({ command: z.literal('restore'), file: backupFileName }),
]);
export type BackupCommand = z.infer<typeof commandSchema> & { db: string };

/** argv -> the command and its flags; every message names the word or flag it is about. */
export function parseBackupArgs(argv: readonly string[]): BackupCommand {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'restore') throw new UsageError(`the first word must be "list" or "restore" (got ${command === undefined ? 'nothing' : `"${command}"`})`);
  let file: string | undefined;
  if (command === 'restore') {
    file = rest.shift();
    if (file === undefined || file.startsWith('--')) throw new UsageError('restore needs the backup file name, as "list" prints it');
  }
  const flags = parseFlags(rest, flagsSchema);
  const parsed = commandSchema.safeParse({ command, file });
  if (!parsed.success) {
    throw new UsageError(`"${file}" is not a backup file name (a name as "list" prints it, e.g. luudong-2026-12-03T08-55-12-345-before-import.sqlite; no folders)`);
  }
  return { ...parsed.data, db: flags.db };
}

const REASON_WORDS: Record<BackupInfo['reason'], string> = {
  'before-import': 'before an import', 'before-publish': 'before publishing a plan', 'before-demo-reset': 'before a demo reset',
  'before-migration': 'before a database upgrade', 'before-restore': 'before a restore', manual: 'by hand',
};

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

function valueOf<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

export async function runBackup(cmd: BackupCommand, out: (line: string) => void = console.log): Promise<void> {
  const dbPath = resolve(cmd.db);
  if (!existsSync(dbPath) && !existsSync(backupsDirOf(dbPath))) throw new Error(`there is no database at ${dbPath} (use --db <path>)`);
  const ctx = contextFor(dbPath, 'desktop', () => undefined, {
    start: () => {
      throw new Error('the backup command does not plan');
    },
  });
  try {
    const call = async <T>(method: string, params: unknown = {}): Promise<T> => valueOf<T>(await dispatch(handlers, method, params, ctx));
    if (cmd.command === 'list') {
      const list = await call<{ folder: string; keep: number; backups: BackupInfo[]; problem: DatabaseProblem | null }>('backups.list');
      if (list.problem) {
        out(`The database ${list.problem.file} cannot be used: ${list.problem.problem}.`);
        out(list.problem.newestGood ? `The newest good backup: ${list.problem.newestGood}` : 'No good backup was found.');
      }
      out(`${list.backups.length} backups in ${list.folder} (the newest ${list.keep} are kept), newest first:`);
      for (const b of list.backups) {
        const holds = b.summary ? `${b.summary.hamlets} hamlets, ${b.summary.plans} plans (${b.summary.publishedPlans} published)` : 'unreadable';
        out(`  ${b.file}  ${format(parseISO(b.takenAt), 'dd/MM/yyyy HH:mm')}  ${REASON_WORDS[b.reason]}  ${size(b.sizeBytes)}  ${holds}`);
      }
      return;
    }
    const done = await call<{ restored: string; undoFile: string | null; hamlets: number; plans: number }>('backups.restore', { file: cmd.file, confirm: true });
    out(`Restored ${done.restored} into ${dbPath}: ${done.hamlets} hamlets, ${done.plans} plans.`);
    if (done.undoFile) out(`The database as it was is kept as ${done.undoFile}: restore that to undo.`);
  } finally {
    ctx.db.close();
  }
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let cmd: BackupCommand;
  try {
    cmd = parseBackupArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`backup: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    await runBackup(cmd);
    return 0;
  } catch (err) {
    console.error(`backup: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
