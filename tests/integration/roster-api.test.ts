import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/app-context';
import type { HandlerContext } from '../../src-main/api/context';
import type { Envelope, RosterBundle, RosterOptions, RosterSettings } from '../../src-main/api/contract';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { getSetting } from '../../src-main/db/repos/settings';
import { saveSamplePlan, SAMPLE_COMMUNE_CODE, SAMPLE_WEEK } from '../helpers/sample-plan';
import { tempDir } from '../helpers/tmp';

// The roster methods do not plan: a context without a planner is enough (and keeps this
// test independent of the planner worker).
let tmp: ReturnType<typeof tempDir>;
let ctx: HandlerContext;
let planId: number;
const rpc = (method: string, params: unknown): Promise<Envelope<unknown>> => dispatch(handlers, method, params, ctx);
const valueOf = <T,>(env: Envelope<unknown>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
};

beforeAll(() => {
  tmp = tempDir('luudong-roster-api-');
  ctx = createContext(tmp.dir, 'web', () => undefined, { start: () => { throw new Error('no planner in this test'); } });
  planId = saveSamplePlan(ctx.db);
});
afterAll(() => {
  ctx.db.close();
  tmp.cleanup();
});

describe('roster methods', () => {
  it('roster.options lists the weeks with visits and which communes have visits', async () => {
    const o = valueOf<RosterOptions>(await rpc('roster.options', { planId }));
    expect(o.weeks.map((w) => w.code)).toEqual(['2022-W47', '2022-W48', '2022-W49']);
    expect(o.communes).toHaveLength(16);
    expect(o.communes.find((c) => c.code === SAMPLE_COMMUNE_CODE)?.visitsByWeek[SAMPLE_WEEK]).toBe(8);
    expect(o.teams.length).toBeGreaterThanOrEqual(20);
  });

  it('roster.preview gives the documents as data', async () => {
    const communeId = (await commune()).id;
    const b = valueOf<RosterBundle>(await rpc('roster.preview', { planId, week: SAMPLE_WEEK, scope: { kind: 'commune', communeId } }));
    expect(b.documents).toHaveLength(1);
    const doc = b.documents[0]!;
    expect(doc.kind).toBe('commune');
    expect(doc.totals.visits).toBe(8);
    expect(doc.title[0]).toBe('LỊCH TRỰC (DỰ THẢO)');
    const all = valueOf<RosterBundle>(await rpc('roster.preview', { planId, week: SAMPLE_WEEK, scope: { kind: 'allCommunes' } }));
    expect(all.documents).toHaveLength(16);
    expect(all.documents.filter((d) => d.emptyNote !== null)).toHaveLength(14);
  });

  it('roster.export returns a PDF or a workbook as base64', async () => {
    const communeId = (await commune()).id;
    const pdf = valueOf<{ fileName: string; mimeType: string; base64: string }>(
      await rpc('roster.export', { planId, week: SAMPLE_WEEK, scope: { kind: 'commune', communeId }, format: 'pdf', orientation: 'portrait' }));
    // The sample plan is a draft: its files say so in their names (and their titles, below).
    expect(pdf.fileName).toBe('lich-truc_2022-W48_15631_xa-xuan-cao_du-thao.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = valueOf<{ fileName: string; base64: string }>(
      await rpc('roster.export', { planId, week: SAMPLE_WEEK, scope: { kind: 'allTeams' }, format: 'xlsx' }));
    expect(xlsx.fileName).toBe('lich-cong-tac_2022-W48_tat-ca-to_du-thao.xlsx');
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('a published plan\'s rosters carry no draft mark; a scenario\'s what-if has none at all', async () => {
    const published = saveSamplePlan(ctx.db, { status: 'published' });
    const b = valueOf<RosterBundle>(await rpc('roster.preview', { planId: published, week: SAMPLE_WEEK, scope: { kind: 'allTeams' } }));
    expect(b.fileStem).toBe('lich-cong-tac_2022-W48_tat-ca-to');
    expect(b.documents.every((d) => !d.title.join(' ').includes('DỰ THẢO'))).toBe(true);
    ctx.db.prepare("INSERT INTO scenarios (id, name, created_at) VALUES (900, 'Thêm tổ', '2022-11-20T00:00:00Z')").run();
    const whatIf = saveSamplePlan(ctx.db, { name: 'Thêm tổ: kế hoạch', scenarioId: 900 });
    const asked = { planId: whatIf, week: SAMPLE_WEEK, scope: { kind: 'allTeams' } };
    for (const [method, params] of [['roster.options', { planId: whatIf }], ['roster.preview', asked], ['roster.export', { ...asked, format: 'pdf' }]] as const) {
      const env = await rpc(method, params);
      expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'rosterOfWhatIf', params: { name: 'Thêm tổ: kế hoạch' } } } });
    }
  });

  it('refuses unknown plans, communes and bad weeks with a code the UI can translate', async () => {
    const noPlan = await rpc('roster.preview', { planId: 999, week: SAMPLE_WEEK, scope: { kind: 'allCommunes' } });
    expect(noPlan.ok ? null : noPlan.error.code).toBe('NOT_FOUND');
    const noCommune = await rpc('roster.preview', { planId, week: SAMPLE_WEEK, scope: { kind: 'commune', communeId: 999 } });
    expect(noCommune.ok ? null : noCommune.error.code).toBe('NOT_FOUND');
    const badWeek = await rpc('roster.preview', { planId, week: '2022-W60', scope: { kind: 'allCommunes' } });
    expect(badWeek.ok ? null : badWeek.error.message).toContain('week');
  });

  it('settings: defaults from the data, saved under roster.* keys, used by the next roster', async () => {
    const before = valueOf<RosterSettings>(await rpc('roster.settings.get', {}));
    expect(before.general.districtUnit).toBe('CÔNG AN HUYỆN THƯỜNG XUÂN');
    const mine = before.communes.find((c) => c.communeCode === SAMPLE_COMMUNE_CODE)!;
    expect(mine).toMatchObject({ unitName: 'CÔNG AN XÃ XUÂN CAO', place: 'Xuân Cao', documentSymbol: 'LT-CAX', chiefTitle: 'TRƯỞNG CÔNG AN XÃ' });
    const saved = valueOf<RosterSettings>(await rpc('roster.settings.set', {
      general: { ...before.general, recipients: ['Như trên;', 'Lưu: VT.'] },
      communes: [{ ...mine, documentNumber: '15', chiefName: 'Nguyễn Văn An', place: 'Xuân Cao' }],
    }));
    expect(saved.general.recipients).toEqual(['Như trên;', 'Lưu: VT.']);
    expect(getSetting(ctx.db, `roster.commune.${SAMPLE_COMMUNE_CODE}`)).toMatchObject({ documentNumber: '15', chiefName: 'Nguyễn Văn An' });
    const communeId = (await commune()).id;
    const doc = valueOf<RosterBundle>(await rpc('roster.preview', { planId, week: SAMPLE_WEEK, scope: { kind: 'commune', communeId } })).documents[0]!;
    expect(doc.header.documentNumber).toBe('Số: 15/LT-CAX');
    expect(doc.signatures.right.name).toBe('Nguyễn Văn An');

    const unknown = await rpc('roster.settings.set', { communes: [{ ...mine, communeCode: '00000' }] });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    const tooLong = await rpc('roster.settings.set', { communes: [{ ...mine, place: 'x'.repeat(100) }] });
    expect(tooLong.ok ? null : tooLong.error.code).toBe('BAD_PARAMS');
    // Nothing of a refused update is kept.
    expect(valueOf<RosterSettings>(await rpc('roster.settings.get', {})).communes.find((c) => c.communeCode === SAMPLE_COMMUNE_CODE)?.place).toBe('Xuân Cao');
  });
});

async function commune(): Promise<{ id: number }> {
  const list = valueOf<{ communes: Array<{ id: number; code: string }> }>(await rpc('map.get', {})).communes;
  return list.find((c) => c.code === SAMPLE_COMMUNE_CODE)!;
}
