import { describe, expect, it } from 'vitest';
import { LISTS, planEdit, planImport, RefIndex, type PlanContext, type RegisterRecord } from '../../../src-main/core/register';

const refs = new RefIndex({
  planningAreaId: 2,
  communes: [{ id: 1, code: '15607', name: 'Xã Bát Mọt' }, { id: 2, code: '15610', name: 'Xã Yên Nhân' }],
  bases: [{ id: 1, name: 'Công an huyện Thường Xuân' }],
  teams: [{ id: 1, code: 'LD-01' }],
  hamlets: [{ id: 1, code: '15607-01', communeId: 1 }],
});
const langDung: RegisterRecord = {
  code: '15607-01', commune: 'Xã Bát Mọt', name: 'Làng Dùng', lat: 20.01, lon: 105.01, population: 308, roadClass: 'dirt', motorbikeOnly: false,
  cutMonths: [], venue: '', contact: '', reachWeekdayDay: 0.1, reachWeekdayEvening: 0.7, reachWeekend: 0.8,
  remainingCccd: 6, remainingEid: 228, homeboundCccd: 0, homeboundEid: 11, countedOn: '2022-11-17',
};
const ctx: PlanContext = { spec: LISTS.hamlets, existing: [{ key: '1', record: langDung }], refs, today: '2022-11-30' };
const newHamlet = { commune: '15610', name: 'Bản Mới', lat: 20, lon: 105.1, population: 100, roadClass: 'paved', reachWeekdayDay: 0.1, reachWeekdayEvening: 0.5, reachWeekend: 0.6 };

describe('planning an import', () => {
  it('matches by commune + name when there is no code, keeps the stored spelling and dates a changed count today', () => {
    const plan = planImport(ctx, [{ row: 2, values: { commune: 'bát mọt', name: 'làng  dùng', remainingEid: 200 } }], {});
    expect(plan.rejects).toEqual([]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ key: '1', changed: ['remainingEid', 'countedOn'], label: 'Làng Dùng (Xã Bát Mọt)' });
    expect(plan.updates[0]!.record).toMatchObject({ name: 'Làng Dùng', commune: 'Xã Bát Mọt', remainingEid: 200, countedOn: '2022-11-30' });
  });

  it('an unchanged row is neither an add nor an update', () => {
    const plan = planImport(ctx, [{ row: 2, values: { ...langDung } }], {});
    expect(plan).toMatchObject({ adds: [], updates: [], unchanged: 1, rejects: [] });
  });

  it('gives new hamlets without a code the next free code of their commune, and names the commune as stored', () => {
    const plan = planImport(ctx, [{ row: 2, values: { ...newHamlet, code: null } }, { row: 3, values: { ...newHamlet, name: 'Bản Khác' } }], {});
    expect(plan.adds.map((a) => [a.record.code, a.record.commune])).toEqual([['15610-01', 'Xã Yên Nhân'], ['15610-02', 'Xã Yên Nhân']]);
  });

  it('a new row needs every column without a default; the issue names the column', () => {
    const plan = planImport(ctx, [{ row: 4, values: { code: '15607-09', commune: 'Xã Bát Mọt', name: 'Bản Thiếu' } }], { code: 'Mã thôn' });
    expect(plan.rejects.map((r) => [r.row, r.key, r.column])).toContainEqual([4, 'requiredForNew', 'Vĩ độ']);
  });

  it('rejects a second row with the same identity and a name already used by another code', () => {
    const plan = planImport(ctx, [
      { row: 2, values: { ...newHamlet, code: 'X-1' } },
      { row: 3, values: { ...newHamlet, code: 'X-1', name: 'Khác' } },
      { row: 4, values: { ...newHamlet, code: 'X-2', commune: 'Xã Bát Mọt', name: 'LÀNG DÙNG' } },
    ], { code: 'Mã thôn' });
    expect(plan.rejects.map((r) => [r.row, r.key, r.column])).toEqual([[3, 'duplicateInFile', 'Mã thôn'], [4, 'alreadyUsed', 'Mã thôn']]);
    // The row it repeats is named by that row's own name, not the repeating row's.
    expect(plan.rejects[0]!.params).toMatchObject({ row: 2, label: expect.stringContaining(newHamlet.name) });
    expect(plan.rejects[0]!.params!.label).not.toContain('Khác');
  });
});

describe('a form edit', () => {
  it('validates with the same schema and reports problems per field', () => {
    const bad = planEdit(ctx, '1', { remainingEid: 999, homeboundCccd: 7 });
    expect(bad.kind === 'invalid' && bad.problems.map((p) => [p.field, p.key]).sort()).toEqual([
      ['homeboundCccd', 'homeboundOverRemaining'], ['remainingEid', 'backlogOverPopulation'],
    ]);
    const ok = planEdit(ctx, '1', { remainingEid: 100, countedOn: '2022-11-25' });
    expect(ok.kind === 'update' && ok.update.changed).toEqual(['remainingEid', 'countedOn']);
    expect(planEdit(ctx, '1', { remainingEid: 228 }).kind).toBe('unchanged');
  });

  it('every demo-like example row of every list is valid', () => {
    for (const spec of Object.values(LISTS)) {
      for (const example of spec.examples) {
        const parsed = spec.schema.safeParse(spec.name === 'hamlets' && example.code === '' ? { ...example, code: 'X' } : example);
        expect(parsed.success, `${spec.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });
});

describe('a form row with several problems', () => {
  it('names the missing fields and the out-of-range values at once, not one save at a time', () => {
    // The form leaves out a field it could not read (population "abc"); the name is empty.
    const { population: _unread, ...given } = newHamlet;
    const result = planEdit(ctx, null, { ...given, name: null, lat: 200, reachWeekend: 1.5 });
    expect(result.kind).toBe('invalid');
    const problems = result.kind === 'invalid' ? result.problems : [];
    expect(problems.map((p) => p.field).sort()).toEqual(['lat', 'name', 'population', 'reachWeekend']);
    expect(problems.find((p) => p.field === 'name')!.key).toBe('required');
  });
});
