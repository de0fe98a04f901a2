import type { z } from 'zod';

export class UsageError extends Error {}

/**
 * argv (`--name value`, `--name=value`, or a bare `--name` for booleans) -> an object
 * validated by `schema`; every message names the flag it is about.
 */
export function parseFlags<S extends z.ZodType>(argv: readonly string[], schema: S, booleans: ReadonlySet<string> = new Set()): z.infer<S> {
  const raw: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (flags start with --)`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (key in raw) throw new UsageError(`--${key} is given twice`);
    if (booleans.has(key)) {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value`);
      raw[key] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${key} needs a value`);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown flag ${issue.keys.map((k) => `--${k}`).join(', ')}`
            : issue.path.length ? `--${issue.path.join('.')}: ${issue.message}` : issue.message)
        .join('; '),
    );
  }
  return parsed.data;
}

/**
 * A command's flags, or the exit code it should stop with: 0 after printing the usage for
 * --help, 2 after naming the bad flag.
 */
export function flagsOrExit<S extends z.ZodType>(argv: readonly string[], schema: S, command: string, usage: string): z.infer<S> | number {
  if (argv.includes('--help')) {
    console.log(usage);
    return 0;
  }
  try {
    return parseFlags(argv, schema);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${command}: ${err.message}\n${usage}`);
    return 2;
  }
}

export const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');
export const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

/**
 * Runs a command's main when its file is the program (not when a test imports it): exits
 * with main's code, or 1 after one line naming the command when it throws.
 */
export function runWhenMain(mod: NodeModule, command: string, main: (argv: readonly string[]) => Promise<number>): void {
  if (require.main !== mod) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`${command}: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
