/**
 * Mutation check of the verifier: turns off each violation code in turn (its `f.add('code', …)`
 * calls become `void ('code', …)`), runs the verifier's tests, and says whether some test
 * failed (the mutant was caught). Restores every file however it ends.
 *
 *   npx tsx scripts/mutate-verify.ts [vitest paths...]   (default: tests/unit/verify)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIOLATION_CODES } from '../src-main/core/verify';

const dir = join(__dirname, '../src-main/core/verify');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
const originals = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const restore = (): void => { for (const [f, text] of originals) writeFileSync(f, text); };
process.on('SIGINT', () => { restore(); process.exit(130); });

const tests = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['tests/unit/verify'];
let caught = 0;
const survivors: string[] = [];
try {
  for (const code of VIOLATION_CODES) {
    const call = `f.add('${code}',`;
    let sites = 0;
    for (const [f, text] of originals) {
      sites += text.split(call).length - 1;
      writeFileSync(f, text.split(call).join(`void ('${code}',`));
    }
    let killed: boolean;
    try {
      execFileSync('npx', ['vitest', 'run', ...tests], { stdio: 'ignore' });
      killed = false;
    } catch {
      killed = true;
    }
    restore();
    if (killed) caught++;
    else survivors.push(code);
    console.log(`${code.padEnd(32)} ${String(sites).padStart(2)} site(s)  ${killed ? 'caught' : 'SURVIVED'}`);
  }
} finally {
  restore();
}
console.log(`\n${caught} of ${VIOLATION_CODES.length} codes turned off were caught by a failing test${survivors.length ? `; survived: ${survivors.join(', ')}` : ''}`);
process.exitCode = survivors.length === 0 ? 0 : 1;
