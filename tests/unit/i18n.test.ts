import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.plan.json';
import enRegister from '../../src-renderer/i18n/en.register.json';
import { countedWords } from '../../src-renderer/features/data/format';

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

  it.each(files)('%s: plural keys come in pairs (_one and _other)', (viFile) => {
    for (const file of [viFile, viFile.replace(/^vi/, 'en')]) {
      const all = new Set(keys(JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown));
      for (const k of all) {
        if (k.endsWith('_one')) expect(all.has(k.replace(/_one$/, '_other')), `${k} in ${file}`).toBe(true);
        if (k.endsWith('_other') && !all.has(k.replace(/_other$/, ''))) expect(all.has(k.replace(/_other$/, '_one')), `${k} in ${file}`).toBe(true);
      }
    }
  });

  it('the English verdict says "1 hamlet" and "1 person", and the plural otherwise', () => {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: 'en', initAsync: false, interpolation: { escapeValue: false }, resources: { en: { translation: en } } });
    const missed = (people: number, hamlets: number): string => i18n.t('plan.verdict.missed', {
      count: hamlets, deadline: '31/12/2022', hamlets: String(hamlets), pct: '0.1',
      people: i18n.t('plan.verdict.people', { count: people, n: String(people) }),
    });
    expect(missed(1, 1)).toBe('Deadline 31/12/2022: missed, 1 person short in 1 hamlet (0.1%).');
    expect(missed(1285, 67)).toBe('Deadline 31/12/2022: missed, 1285 people short in 67 hamlets (0.1%).');
  });

  it('an English delete warning with two counts gives each its own plural', () => {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: 'en', initAsync: false, interpolation: { escapeValue: false }, resources: { en: { translation: enRegister } } });
    const warn = (visits: number, plans: number): string => {
      const params = { visits, plans, names: 'A' };
      return i18n.t('register.deps.visitsInDrafts', { ...params, ...countedWords(i18n.t, params, 'en') });
    };
    expect(warn(1, 1)).toBe('1 visit to this hamlet in 1 draft plan (A) will be removed from the drafts.');
    expect(warn(1500, 2)).toBe('1,500 visits to this hamlet in 2 draft plans (A) will be removed from the drafts.');
  });
});
