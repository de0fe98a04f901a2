import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../src-renderer/i18n');

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  const files = readdirSync(dir).filter((f) => f.startsWith('vi') && f.endsWith('.json'));
  it.each(files)('%s and its English twin have the same keys', (viFile) => {
    const vi = JSON.parse(readFileSync(join(dir, viFile), 'utf8')) as unknown;
    const en = JSON.parse(readFileSync(join(dir, viFile.replace(/^vi/, 'en')), 'utf8')) as unknown;
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('feature files do not override each other', () => {
    const seen = new Map<string, string>();
    for (const f of files) {
      const top = Object.keys(JSON.parse(readFileSync(join(dir, f), 'utf8')) as object);
      for (const k of top) {
        expect(seen.get(k), `${k} in ${f} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, f);
      }
    }
  });
});
