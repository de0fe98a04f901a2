import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src-main/web/cli.ts');
const web = (...args: string[]) => spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('npm run web, asked for its options', () => {
  it('--help lists the flags and exits 0 without starting; a wrong flag is named, with the usage, and exits 2', () => {
    const help = web('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--port');
    expect(help.stdout).toContain('--data-dir');
    expect(help.stdout).not.toContain('is running');
    const wrong = web('--colour', 'red');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('web: unknown flag --colour');
    expect(wrong.stderr).toContain('Usage: npm run web');
  });
});
