/**
 * The process the crash suite kills: opens the app's database in a data folder and does one
 * operation through the same handlers the app uses. Prints READY just before the operation's
 * writes begin and DONE when they are committed, then waits to be killed.
 *
 *   node --import tsx tests/crash/victim.ts <plan|import|publish|record|reset|migrate> <dataDir> [arg]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, DB_FILE_NAME } from '../../src-main/api/app-context';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { openDatabase } from '../../src-main/db';
import { startPlanning } from '../../src-main/workers/run-planner';

const [op, dataDir, arg] = process.argv.slice(2) as [string, string, string | undefined];
const say = (word: string): void => { process.stdout.write(`${word}\n`); };

async function call<T>(ctx: ReturnType<typeof createContext>, method: string, params: unknown): Promise<T> {
  const answer = await dispatch(handlers, method, params, ctx) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}

async function main(): Promise<void> {
  if (op === 'migrate') {
    say('READY');
    openDatabase(join(dataDir, DB_FILE_NAME)).close();
    return say('DONE');
  }
  const ctx = createContext(dataDir, 'web', () => undefined, { start: startPlanning });
  if (op === 'plan') {
    say('READY');
    const { runId } = await call<{ runId: string }>(ctx, 'plan.start', { timeLimitSeconds: 1, seed: 1 });
    for (;;) {
      const run = await call<{ state: string; error: unknown }>(ctx, 'plan.status', { runId });
      if (run.state !== 'running') {
        if (run.state !== 'done') throw new Error(`plan ended ${run.state}: ${JSON.stringify(run.error)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } else if (op === 'import') {
    const upload = { list: 'travel', fileName: 'quang-duong.csv', base64: readFileSync(arg!).toString('base64') };
    const preview = await call<{ counts: { adds: number; updates: number }; canConfirm: boolean }>(ctx, 'import.preview', upload);
    if (!preview.canConfirm) throw new Error('the import file does not preview cleanly');
    say('READY');
    await call(ctx, 'import.confirm', { ...upload, expected: { adds: preview.counts.adds, updates: preview.counts.updates } });
  } else if (op === 'record') {
    say('READY');
    await call(ctx, 'results.doneAsPlanned', { date: arg });
  } else if (op === 'reset') {
    say('READY');
    await call(ctx, 'demo.reset', { confirm: true });
  } else if (op === 'publish') {
    say('READY');
    await call(ctx, 'plans.publish', { planId: Number(arg) });
  } else {
    throw new Error(`unknown operation ${op}`);
  }
  say('DONE');
}

main().then(
  () => setInterval(() => undefined, 60_000),
  (err: unknown) => {
    process.stderr.write(`victim: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(3);
  },
);
