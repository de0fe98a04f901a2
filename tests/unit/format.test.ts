import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import enBackup from '../../src-renderer/i18n/en.backup.json';
import enPlan from '../../src-renderer/i18n/en.plan.json';
import viBackup from '../../src-renderer/i18n/vi.backup.json';
import viPlan from '../../src-renderer/i18n/vi.plan.json';
import { formatDecimal, formatNumber, formatPercentOf, formatShare } from '../../src-renderer/lib/format';

describe('numbers on screen in the user language', () => {
  it('writes a decimal comma in Vietnamese and a decimal point in English', () => {
    expect(formatDecimal(2, 'vi')).toBe('2,0');
    expect(formatDecimal(2, 'en')).toBe('2.0');
    expect(formatDecimal(4.94, 'vi')).toBe('4,9');
    expect(formatDecimal(4.96, 'en')).toBe('5.0');
  });

  it('groups thousands with a point in Vietnamese and a comma in English', () => {
    expect(formatNumber(64979, 'vi')).toBe('64.979');
    expect(formatNumber(64979, 'en')).toBe('64,979');
    expect(formatDecimal(1234.56, 'vi')).toBe('1.234,6');
    expect(formatDecimal(1234.56, 'en')).toBe('1,234.6');
  });

  it('keeps the decimal count asked for, apart from the plain number format', () => {
    expect(formatDecimal(3, 'vi', 2)).toBe('3,00');
    expect(formatNumber(3, 'vi')).toBe('3');
    expect(formatNumber(2.5, 'vi')).toBe('2,5');
  });

  it('gives shares and parts of a whole as percentage numbers', () => {
    expect(formatShare(0.274, 'vi')).toBe('27,4');
    expect(formatShare(0.02, 'en')).toBe('2.0');
    expect(formatPercentOf(64979, 66918, 'vi')).toBe('97,1');
    expect(formatPercentOf(64979, 66918, 'en')).toBe('97.1');
    expect(formatPercentOf(1, 0, 'vi')).toBe('—');
    expect(formatPercentOf(0, 0, 'en', '100')).toBe('100');
  });
});

describe('counted words', () => {
  const make = async (lng: 'vi' | 'en') => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng, interpolation: { escapeValue: false },
      resources: { vi: { translation: { ...viBackup, ...viPlan } }, en: { translation: { ...enBackup, ...enPlan } } },
    });
    return i18n.t;
  };

  it('says "1 plan" and "2 plans" in English, one form in Vietnamese', async () => {
    const en = await make('en');
    expect(en('backup.planCount', { count: 1, n: '1' })).toBe('1 plan');
    expect(en('backup.planCount', { count: 2, n: '2' })).toBe('2 plans');
    expect(en('backup.hamletCount', { count: 152, n: '152' })).toBe('152 hamlets');
    const vi = await make('vi');
    expect(vi('backup.planCount', { count: 1, n: '1' })).toBe('1 kế hoạch');
    expect(vi('backup.planCount', { count: 2, n: '2' })).toBe('2 kế hoạch');
  });

  it('names a deleted team in words, not by a bare id', async () => {
    expect((await make('vi'))('plan.changes.deletedTeam', { id: 22 })).toBe('tổ đã xóa (mã 22)');
    expect((await make('en'))('plan.changes.deletedTeam', { id: 22 })).toBe('deleted team (id 22)');
  });
});
