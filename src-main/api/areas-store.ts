import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the areas live: the first database in the data folder itself (`default`, the demo
 * until replaced), every other area in its own folder under areas/ (its snapshots beside it,
 * so one area's backups can never be restored into another).
 */
export const DB_FILE = 'luudong.sqlite';
const AREAS_DIR = 'areas';
const LAST_FILE = 'last-area.json';

export const areaDir = (dataDir: string, id: string): string => (id === 'default' ? dataDir : join(dataDir, AREAS_DIR, id));
export const areaDbPath = (dataDir: string, id: string): string => join(areaDir(dataDir, id), DB_FILE);

/** The ids of the areas on disk, the default first. */
export function areaIds(dataDir: string): string[] {
  const root = join(dataDir, AREAS_DIR);
  const others = existsSync(root)
    ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[a-z0-9][a-z0-9-]{0,59}$/.test(d.name) && existsSync(join(root, d.name, DB_FILE)))
      .map((d) => d.name).sort()
    : [];
  return ['default', ...others];
}

/** The area open when the app last closed (the default when none, or when it is gone). */
export function lastAreaId(dataDir: string): string {
  try {
    const id = (JSON.parse(readFileSync(join(dataDir, LAST_FILE), 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' && id !== 'default' && areaIds(dataDir).includes(id) ? id : 'default';
  } catch {
    return 'default';
  }
}

export function rememberArea(dataDir: string, id: string): void {
  writeFileSync(join(dataDir, LAST_FILE), JSON.stringify({ id }), { mode: 0o600 });
}

/** A folder name from the area's name: Vietnamese letters without their marks, dashes, unique. */
export function newAreaId(dataDir: string, name: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'khu-vuc';
  const taken = new Set(areaIds(dataDir));
  if (!taken.has(base) && base !== 'default') return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
