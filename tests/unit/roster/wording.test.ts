import { describe, expect, it } from 'vitest';
import {
  bareName, countText, dateText, isoWeekCode, isoWeekOf, parseIsoWeek, placeDateLine, slug, timeText, weekdayName, WEEKDAY_NAMES,
} from '../../../src-main/core/roster';

describe('Vietnamese date wording (decree 30/2020)', () => {
  it.each([
    ['2022-12-05', 'Thường Xuân, ngày 05 tháng 12 năm 2022'],
    ['2022-11-25', 'Thường Xuân, ngày 25 tháng 11 năm 2022'],
    ['2023-01-15', 'Thường Xuân, ngày 15 tháng 01 năm 2023'],
    ['2023-02-09', 'Thường Xuân, ngày 09 tháng 02 năm 2023'],
    // Months from March on take no leading zero.
    ['2023-03-09', 'Thường Xuân, ngày 09 tháng 3 năm 2023'],
    ['2022-09-30', 'Thường Xuân, ngày 30 tháng 9 năm 2022'],
    ['2022-10-01', 'Thường Xuân, ngày 01 tháng 10 năm 2022'],
  ])('%s -> %s', (iso, line) => {
    expect(placeDateLine('Thường Xuân', iso)).toBe(line);
  });

  it('without a place the line starts with "Ngày"', () => {
    expect(placeDateLine('  ', '2022-12-05')).toBe('Ngày 05 tháng 12 năm 2022');
  });

  it('names the weekdays of week 48 of 2022 from Thứ Hai to Chủ nhật', () => {
    const week = parseIsoWeek('2022-W48');
    expect(week.dates.map(weekdayName)).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
    expect(WEEKDAY_NAMES).toHaveLength(7);
    expect(week.dates.map(dateText)).toEqual(['28/11/2022', '29/11/2022', '30/11/2022', '01/12/2022', '02/12/2022', '03/12/2022', '04/12/2022']);
  });
});

describe('ISO weeks', () => {
  it('2022-W48 runs Monday 28/11 to Sunday 04/12/2022', () => {
    expect(parseIsoWeek('2022-W48')).toMatchObject({ from: '2022-11-28', to: '2022-12-04', number: 48, year: 2022 });
  });

  it('crosses the year like the calendar does', () => {
    expect(parseIsoWeek('2026-W01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(isoWeekOf('2023-01-01')).toBe('2022-W52');
    expect(isoWeekOf('2022-11-28')).toBe('2022-W48');
    expect(isoWeekOf('2022-12-04')).toBe('2022-W48');
  });

  it('accepts week 53 only in years that have one', () => {
    expect(isoWeekCode.safeParse('2020-W53').success).toBe(true);
    expect(isoWeekCode.safeParse('2021-W53').success).toBe(false);
    expect(isoWeekCode.safeParse('2022-W00').success).toBe(false);
    expect(isoWeekCode.safeParse('2022-48').success).toBe(false);
  });
});

describe('numbers, times and names', () => {
  it('writes counts with the Vietnamese thousands separator', () => {
    expect(countText(0)).toBe('0');
    expect(countText(999)).toBe('999');
    expect(countText(65_720)).toBe('65.720');
    expect(countText(1_234_567)).toBe('1.234.567');
  });

  it('writes times as HH:mm, midnight at the end of a shift as 24:00', () => {
    expect(timeText(450)).toBe('07:30');
    expect(timeText(1320)).toBe('22:00');
    expect(timeText(1440)).toBe('24:00');
  });

  it('makes ASCII file names and bare place names', () => {
    expect(slug('Thị trấn Thường Xuân')).toBe('thi-tran-thuong-xuan');
    expect(slug('Xã Đồng Lương')).toBe('xa-dong-luong');
    expect(bareName('Xã Xuân Cao')).toBe('Xuân Cao');
    expect(bareName('Thị trấn Thường Xuân')).toBe('Thường Xuân');
  });
});
