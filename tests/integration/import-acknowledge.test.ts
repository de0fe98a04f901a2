import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, RegisterList } from '../../src-main/api/contract';
import { snapshot, testApp, valueOf } from '../helpers/app';
import { preview, type App } from './register-helpers';

// Issue 16: a misspelt e-ID column was only listed, in grey, as ignored, and 5 new hamlets got an
// e-ID backlog of 0; a hamlet code that belongs to another commune moved and renamed that hamlet
// without a word. Both now need an explicit yes that the confirm call carries.
let app: App;
beforeEach(async () => {
  app ??= testApp();
  await app.rpc('demo.reset', { confirm: true });
});
afterAll(() => app.close());

const csv = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const confirmWith = (p: ImportPreview, base64: string, acknowledged?: unknown) =>
  app.rpc('import.confirm', {
    list: 'hamlets', fileName: p.fileName, base64, expected: { adds: p.counts.adds, updates: p.counts.updates },
    ...(acknowledged === undefined ? {} : { acknowledged }),
  });
const hamlet = async (code: string) =>
  valueOf<RegisterList>(await app.rpc('register.list', { list: 'hamlets' })).rows.find((r) => r.record.code === code)?.record;

const HEADER = 'Mã thôn,Xã,Tên thôn,Dân số,CCCD còn phải cấp,ĐDĐT chưa làm,Vĩ độ,Kinh độ,Loại đường,Tỷ lệ gặp ban ngày,Tỷ lệ gặp buổi tối,Tỷ lệ gặp cuối tuần';
const NEW_HAMLETS = [HEADER, ...[1, 2, 3, 4, 5].map((n) => `15607-2${n},Xã Bát Mọt,Bản Mới ${n},300,4,180,20.0${n},105.01,Đường đất,0.1,0.7,0.8`)].join('\n');

describe('an import asks before it ignores a column or moves a hamlet', () => {
  it('a misspelt e-ID column: the preview names it and what new rows get instead; confirm without a yes is refused', async () => {
    const base64 = csv(NEW_HAMLETS);
    const p = await preview(app, 'hamlets', 'moi.csv', base64);
    expect(p.ignoredColumns).toEqual(['ĐDĐT chưa làm']);
    expect(p.counts).toMatchObject({ adds: 5, rejects: 0 });
    expect(p.defaultedFields).toContainEqual({ field: 'remainingEid', value: 0 });
    expect(p.defaultedFields.map((d) => d.field)).not.toContain('remainingCccd');
    const before = snapshot(app.ctx);
    const refused = await confirmWith(p, base64);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'ignoredColumnsNotAcknowledged', params: { columns: 'ĐDĐT chưa làm' } } } });
    expect(!refused.ok && refused.error.message).toContain('ĐDĐT chưa làm');
    // A yes to other columns is not a yes to this one.
    expect(await confirmWith(p, base64, { ignoredColumns: ['Ghi chú'], moves: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(app.ctx)).toEqual(before);
    expect(valueOf(await confirmWith(p, base64, { ignoredColumns: ['ĐDĐT chưa làm'], moves: 0 }))).toEqual({ added: 5, updated: 0 });
    expect(await hamlet('15607-21')).toMatchObject({ remainingCccd: 4, remainingEid: 0 });
  });

  it('a code of another commune\'s hamlet: the preview shows the move; confirm without a yes is refused and changes nothing', async () => {
    const base64 = csv('Mã thôn,Xã,Tên thôn\n15607-01,Xã Yên Nhân,Bản Lạ\n15607-02,Xã Bát Mọt,Bản Pha Ùa\n');
    const p = await preview(app, 'hamlets', 'doi.csv', base64);
    expect(p.ignoredColumns).toEqual([]);
    expect(p.moves).toEqual({ count: 1, rows: [{ row: 2, key: expect.any(String), before: 'Làng Dùng (Xã Bát Mọt)', after: 'Bản Lạ (Xã Yên Nhân)' }] });
    const before = snapshot(app.ctx);
    const refused = await confirmWith(p, base64);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'movesNotAcknowledged', params: { count: 1 } } } });
    expect(snapshot(app.ctx)).toEqual(before);
    expect(valueOf(await confirmWith(p, base64, { ignoredColumns: [], moves: 1 }))).toEqual({ added: 0, updated: 2 });
    expect(await hamlet('15607-01')).toMatchObject({ commune: 'Xã Yên Nhân', name: 'Bản Lạ' });
  });

  it('a file with every column known and no move needs no acknowledgement', async () => {
    const base64 = csv('Mã thôn,ĐDĐT còn phải làm\n15607-01,150\n');
    const p = await preview(app, 'hamlets', 'ok.csv', base64);
    expect(p.ignoredColumns).toEqual([]);
    expect(p.moves).toEqual({ count: 0, rows: [] });
    expect(p.defaultedFields).toEqual([]);
    expect(valueOf(await confirmWith(p, base64))).toEqual({ added: 0, updated: 1 });
  });
});
