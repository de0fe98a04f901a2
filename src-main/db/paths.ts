import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The same code runs from TypeScript sources (tsx: web mode, CLIs, tests) and from the
 * electron-vite bundle (out/main). Both sit two folders below the repo root.
 */
function firstExisting(candidates: string[], what: string): string {
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${what} not found; looked in: ${candidates.join(', ')}`);
  return found;
}

export function migrationsDir(): string {
  return firstExisting(
    [join(__dirname, 'migrations'), join(__dirname, '../../src-main/db/migrations')],
    'database migrations',
  );
}

export function resourcesDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  return firstExisting(
    [
      join(__dirname, '../../resources'),
      join(__dirname, '../resources'),
      ...(packaged ? [join(packaged, 'resources')] : []),
    ],
    'resources folder',
  );
}
