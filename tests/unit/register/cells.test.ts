import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso, isoToExcelSerial, normalizeText, parseBool, parseDate, parseNumber, parseTime, sameName, splitList,
} from '../../../src-main/core/register';

describe('numbers the way offices type them', () => {
  it.each([
    ['19,90226', false, 19.90226],
    ['19.90226', false, 19.90226],
    ['1.234,5', false, 1234.5],
    ['1,234.5', false, 1234.5],
    ['1.250', true, 1250],
    ['1,250', true, 1250],
    ['12 500', true, 12500],
    ['1.234.567', true, 1234567],
    ['75%', false, 0.75],
    ['0,85', false, 0.85],
    ['-5', true, -5],
    [42, true, 42],
  ] as const)('%s -> %s', (cell, integer, expected) => {
    expect(parseNumber(cell, integer)).toBe(expected);
  });

  it('a single comma in a whole-number column is still a decimal comma (then the schema says "not an integer")', () => {
    expect(parseNumber('1,5', true)).toBe(1.5);
  });

  it.each(['ba trăm', '12a', 'abc', '1-2', '', '.', true])('refuses %s', (cell) => {
    expect(parseNumber(cell as string, false)).toMatchObject({ fail: 'notNumber' });
  });

  it('round-trips any decimal written with a comma', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => d + 0), (n) => {
      const text = String(n);
      if (/e/i.test(text)) return;
      expect(parseNumber(text.replace(".", ","), false)).toEqual(n);
    }));
  });
});

describe('dates', () => {
  it.each([
    ['2022-11-17', '2022-11-17'],
    ['17/11/2022', '2022-11-17'],
    ['7/1/2023', '2023-01-07'],
    ['17-11-2022', '2022-11-17'],
    ['17.11.2022', '2022-11-17'],
    [44882, '2022-11-17'],
    ['44882', '2022-11-17'],
    ['2022-11-17T00:00:00.000Z', '2022-11-17'],
  ] as const)('%s', (cell, iso) => expect(parseDate(cell)).toBe(iso));

  it.each(['31/02/2022', '2022-13-01', 'hôm qua', '11/17/2022', 12, 3_000_000])('refuses %s', (cell) => {
    expect(parseDate(cell)).toMatchObject({ fail: 'notDate' });
  });

  it('Excel serials and ISO dates are inverses (1900 system)', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(isoToExcelSerial('2022-12-31')).toBe(44926);
    fc.assert(fc.property(fc.integer({ min: 61, max: 109_000 }), (n) => {
      expect(isoToExcelSerial(excelSerialToIso(n)!)).toBe(n);
    }));
  });
});

describe('times, booleans, lists, names', () => {
  it.each([['18:00', 1080], ['7:30', 450], ['18h30', 1110], ['22h', 1320], ['24:00', 1440], [0.75, 1080]] as const)('time %s', (cell, min) => {
    expect(parseTime(cell)).toBe(min);
  });
  it.each(['25:00', '18:75', 'tối', 2])('refuses time %s', (cell) => expect(parseTime(cell)).toMatchObject({ fail: 'notTime' }));

  it.each([['Có', true], ['có', true], ['x', true], ['Yes', true], ['Không', false], ['no', false], [0, false], [true, true]] as const)(
    'bool %s', (cell, b) => expect(parseBool(cell)).toBe(b),
  );
  it('refuses an unknown yes/no word', () => expect(parseBool('có lẽ')).toMatchObject({ fail: 'notBool' }));

  it('splits lists on ; , and new lines', () => {
    expect(splitList('7; 8,9\n10')).toEqual(['7', '8', '9', '10']);
    expect(splitList(7)).toEqual(['7']);
    expect(splitList(null)).toEqual([]);
  });

  it('compares headers without diacritics and names without case', () => {
    expect(normalizeText('Quãng đường (km)')).toBe('quang duong km');
    expect(normalizeText('ĐDĐT còn phải làm')).toBe('ddđt con phai lam'.replace('đ', 'd'));
    expect(sameName('  Bản   Pùng ')).toBe(sameName('bản pùng'));
    expect(sameName('Thôn Na')).not.toBe(sameName('Thôn Nà'));
  });
});
