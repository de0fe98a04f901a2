import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker for a file next to this one: `.js` in the electron-vite bundle (out/main/); `.ts`
 * when running from sources (web mode, CLIs, tests), where a two-line bootstrap registers
 * tsx inside the worker first.
 */
export function spawnSibling(name: string): Worker {
  if (!__filename.endsWith('.ts')) {
    // Entries sit in out/main; this code may have been split into out/main/chunks.
    const file = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)].find((f) => existsSync(f));
    if (!file) throw new Error(`${name}.js not found next to ${__dirname}`);
    return new Worker(file);
  }
  const file = JSON.stringify(join(__dirname, `${name}.ts`));
  return new Worker(`require('tsx/cjs/api').register();\nrequire(${file});`, { eval: true });
}
