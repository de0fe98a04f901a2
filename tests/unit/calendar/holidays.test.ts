import { describe, expect, it } from 'vitest';
import { hungKingsDate, tetDate, vietnamHolidays, vietnamHolidaysOfYear } from '../../../src-main/core/calendar/holidays';

describe('Vietnamese lunar holidays, from the library', () => {
  it('puts Tết on the dates Vietnam kept, 2023-2027', () => {
    expect([2023, 2024, 2025, 2026, 2027].map(tetDate)).toEqual(['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06']);
  });

  it('reckons at UTC+7: the years Vietnam and China differ (Tết 1985, 2007; Hùng Kings 2009)', () => {
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 20/02/1985
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 18/02/2007
    expect(hungKingsDate(2009)).toBe('2009-04-04'); // China's 10/3: 05/04/2009
  });

  it('puts the Hùng Kings day on 10/3 lunar', () => {
    expect(hungKingsDate(2025)).toBe('2025-04-07');
    expect(hungKingsDate(2026)).toBe('2026-04-26');
  });

  it('proposes Tết 2026 as eve to mùng 3 blackout and mùng 4 holiday', () => {
    const tet = vietnamHolidaysOfYear(2026).filter((d) => d.name.startsWith('Tết Nguyên đán'));
    expect(tet.map((d) => [d.date, d.kind])).toEqual([
      ['2026-02-16', 'blackout'], ['2026-02-17', 'blackout'], ['2026-02-18', 'blackout'], ['2026-02-19', 'blackout'], ['2026-02-20', 'holiday'],
    ]);
  });

  it('adds the day that joins 2/9 to a weekend, and compensatory days for weekend holidays', () => {
    const y2025 = vietnamHolidays('2025-08-25', '2025-09-10').map((d) => d.date);
    expect(y2025).toEqual(['2025-09-01', '2025-09-02']); // 2/9/2025 is a Tuesday
    const y2024 = vietnamHolidays('2024-08-25', '2024-09-10').map((d) => d.date);
    expect(y2024).toEqual(['2024-09-02', '2024-09-03']); // Monday
    // 30/4/2022 Saturday, 1/5/2022 Sunday: off on Monday 2/5 and Tuesday 3/5.
    const may2022 = vietnamHolidays('2022-04-29', '2022-05-06');
    expect(may2022.map((d) => d.date)).toEqual(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
    expect(may2022[2]?.name).toMatch(/^Nghỉ bù/);
  });

  it('keeps to the range, sorted, one entry per date', () => {
    const list = vietnamHolidays('2022-11-17', '2023-12-31');
    expect(list[0]?.date).toBe('2023-01-01');
    expect(list.every((d) => d.date >= '2022-11-17' && d.date <= '2023-12-31')).toBe(true);
    const dates = list.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(vietnamHolidays('2023-05-02', '2023-05-01')).toEqual([]);
  });
});
