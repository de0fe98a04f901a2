import { describe, expect, it } from 'vitest';
import { formatDateList, isoToDmy, LISTS, parseCell } from '../../../src-main/core/register';
import { copyOf, newTeamDefaults, nextFreeCode, USUAL_TEAM } from '../../../src-main/core/register/team-defaults';

const daysOff = LISTS.teams.fields.find((f) => f.key === 'daysOff')!;

describe('days off and unavailable days take ranges', () => {
  it('reads a range in the ways people write it, both ends included', () => {
    const week = ['2022-11-20', '2022-11-21', '2022-11-22', '2022-11-23'];
    for (const text of ['20/11/2022 - 23/11/2022', '20/11/2022-23/11/2022', '20/11/2022 đến 23/11/2022', 'từ 20/11/2022 đến 23/11/2022', '2022-11-20 – 2022-11-23', '20/11/2022 to 23/11/2022']) {
      expect(parseCell(daysOff, text), text).toEqual(week);
    }
  });

  it('mixes ranges and single days, sorted, without repeats; across a month end', () => {
    expect(parseCell(daysOff, '05/12/2022; 29/11/2022 - 02/12/2022; 01/12/2022')).toEqual(['2022-11-29', '2022-11-30', '2022-12-01', '2022-12-02', '2022-12-05']);
  });

  it('refuses a range that runs backwards or longer than a year, naming it', () => {
    expect(parseCell(daysOff, '25/11/2022 - 20/11/2022')).toMatchObject({ fail: 'badDateRange', params: { value: '25/11/2022 - 20/11/2022' } });
    expect(parseCell(daysOff, '01/01/2022 - 02/01/2023')).toMatchObject({ fail: 'badDateRange' });
    expect(parseCell(daysOff, '20/11/2022 - 31/02/2022')).toMatchObject({ fail: 'notDate' });
  });

  it('shows runs of three days or more as a range that reads back the same', () => {
    const days = ['2022-11-20', '2022-11-21', '2022-11-22', '2022-11-23', '2022-12-01', '2022-12-02', '2022-12-10'];
    const text = formatDateList(days, isoToDmy);
    expect(text).toBe('20/11/2022 - 23/11/2022; 01/12/2022; 02/12/2022; 10/12/2022');
    expect(parseCell(daysOff, text)).toEqual(days);
  });
});

describe('a new team starts from the usual team', () => {
  it('takes the median of the mobile teams, not 0 per hour and 21 shifts a week', () => {
    const teams = [
      { kind: 'mobile', base: 'CA huyện', size: 4, throughputCccd: 12, throughputEid: 33, homeThroughput: 5, setupMinutes: 15, maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5 },
      { kind: 'mobile', base: 'CA huyện', size: 5, throughputCccd: 10, throughputEid: 30, homeThroughput: 4, setupMinutes: 20, maxShiftsPerWeek: 6, maxConsecutiveEvenings: 4 },
      { kind: 'mobile', base: 'CA xã A', size: 3, throughputCccd: 0, throughputEid: 28, homeThroughput: 6, setupMinutes: 10, maxShiftsPerWeek: 8, maxConsecutiveEvenings: 6 },
      { kind: 'fixed', base: 'CA xã B', size: 2, throughputCccd: 0, throughputEid: 90, homeThroughput: 0, setupMinutes: 0, maxShiftsPerWeek: 21, maxConsecutiveEvenings: 31 },
    ];
    expect(newTeamDefaults(teams)).toMatchObject({
      base: 'CA huyện', size: 4, throughputCccd: 10, throughputEid: 30, homeThroughput: 5, setupMinutes: 15, maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5,
    });
    expect(newTeamDefaults([])).toMatchObject({ throughputCccd: USUAL_TEAM.throughputCccd, maxShiftsPerWeek: 6 });
  });

  it('a copy gets the next free code and a marked name', () => {
    expect(nextFreeCode('LD-05', new Set(['LD-05', 'LD-06']))).toBe('LD-07');
    expect(nextFreeCode('TO-A', new Set())).toBe('');
    const copy = copyOf({ code: 'LD-01', name: 'Tổ lưu động số 1', size: 4, daysOff: ['2022-11-20'] }, [{ code: 'LD-01' }, { code: 'LD-02' }], 'bản sao');
    expect(copy).toEqual({ code: 'LD-03', name: 'Tổ lưu động số 1 (bản sao)', size: 4, daysOff: ['2022-11-20'] });
  });
});
