import { describe, expect, it } from 'vitest';
import { LISTS, readTable, type Cell, type RawSheet } from '../../../src-main/core/register';

const sheet = (name: string | null, rows: Cell[][]): RawSheet => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });

describe('finding the table in a file', () => {
  it('accepts Vietnamese and English headers and aliases, skipping a title row', () => {
    const vi = readTable(LISTS.hamlets, [sheet('Sheet1', [['DANH SÁCH THÔN'], ['Xã', 'Tên thôn', 'Số chưa định danh'], ['Xã Bát Mọt', 'Làng Dùng', '200']])]);
    expect(vi.ok && vi.table.columns).toEqual({ commune: 'Xã', name: 'Tên thôn', remainingEid: 'Số chưa định danh' });
    expect(vi.ok && vi.table.headerRow).toBe(2);
    const en = readTable(LISTS.hamlets, [sheet(null, [['Hamlet code', 'e-ID backlog', 'Notes'], ['15607-01', '200', 'x']])]);
    expect(en.ok && en.table.columns).toEqual({ code: 'Hamlet code', remainingEid: 'e-ID backlog' });
    expect(en.ok && en.table.ignoredColumns).toEqual(['Notes']);
  });

  it('prefers the sheet named after the list over notes and examples', () => {
    const notes = sheet('Ghi chú', [['Mã thôn', 'Giải thích'], ['x', 'y']]);
    const examples = sheet('Ví dụ', [['Mã thôn'], ['15607-01']]);
    const data = sheet('Thôn bản', [['Mã thôn'], ['15607-02']]);
    const r = readTable(LISTS.hamlets, [notes, examples, data]);
    expect(r.ok && r.table.sheet).toBe('Thôn bản');
  });

  it('names what is wrong with the file', () => {
    expect(readTable(LISTS.hamlets, [sheet('S', [[null], ['  ']])])).toMatchObject({ ok: false, problem: { key: 'emptyFile' } });
    expect(readTable(LISTS.hamlets, [sheet('Tổng hợp', [['STT', 'Nội dung']])])).toMatchObject({
      ok: false, problem: { key: 'wrongSheetEither', params: { sheets: 'Tổng hợp', first: 'Mã thôn', second: 'Xã + Tên thôn' } },
    });
    expect(readTable(LISTS.teams, [sheet('Tổng hợp', [['STT', 'Nội dung']])])).toMatchObject({ ok: false, problem: { key: 'wrongSheet', params: { columns: 'Mã' } } });
    expect(readTable(LISTS.hamlets, [sheet('S', [['Xã', 'Dân số'], ['a', 1]])])).toMatchObject({
      ok: false, problem: { key: 'missingColumnsEither', params: { first: 'Mã thôn', second: 'Tên thôn' } },
    });
    expect(readTable(LISTS.teams, [sheet('S', [['Mã', 'Quân số', 'Quân số'], ['LD', 1, 2]])])).toMatchObject({
      ok: false, problem: { key: 'duplicateColumn', params: { column: 'Quân số' } },
    });
    expect(readTable(LISTS.teams, [sheet('S', [['Mã', 'Quân số']])])).toMatchObject({ ok: false, problem: { key: 'noDataRows' } });
  });

  it('reports a bad cell by row number and column header', () => {
    const r = readTable(LISTS.vehicles, [sheet('Xe', [['Mã', 'Số chỗ', 'Ngày không dùng được'], ['A', 'bảy', '01/01/2023'], ['B', 7, '32/01/2023']])]);
    expect(r.ok && r.table.issues).toEqual([
      { row: 2, field: 'seats', column: 'Số chỗ', key: 'notNumber', params: { value: 'bảy' } },
      { row: 3, field: 'unavailable', column: 'Ngày không dùng được', key: 'notDate', params: { value: '32/01/2023' } },
    ]);
  });

  it('reads choices by code, label or alias and keeps them in a canonical order', () => {
    const r = readTable(LISTS.teams, [sheet('S', [['Mã', 'Dịch vụ', 'Loại ca được làm'], ['A', 'định danh điện tử; CCCD', 'cuối tuần, buổi tối']])]);
    expect(r.ok && r.table.rows[0]!.values).toEqual({ code: 'A', services: ['cccd', 'eid'], allowedShiftKinds: ['weekday_evening', 'weekend'] });
    const s = readTable(LISTS.shifts, [sheet('S', [['Mã', 'Ngày trong tuần', 'Bắt đầu'], ['X', 'CN; T2; 3', '18:00']])]);
    expect(s.ok && s.table.rows[0]!.values).toEqual({ code: 'X', weekdays: [1, 3, 7], startMin: 1080 });
  });
});
