import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRosterBundle, EMPTY_COMMUNE_NOTE, EMPTY_TEAM_NOTE, listRosterOptions, MOTTO, NATIONAL_TITLE, resolveRosterSettings, rosterBundle,
  RosterScopeError, type CommuneRoster, type TeamSchedule,
} from '../../../src-main/core/roster';
import { fixture, ps, route, stop } from './fixture';

const WEEK = '2022-W48';
const routes = [
  route('2022-11-27', 2, 2, [stop(1, 480, ps(9, 9))]), // Sunday of week 47
  route('2022-11-28', 2, 1, [stop(1, 1110, ps(3, 25)), stop(2, 1215, ps(2, 18), ps(0, 1))], [2]),
  // District team: a Xuân Cao hamlet, then the town.
  route('2022-11-29', 1, 1, [stop(2, 1110, ps(5, 40), ps(1, 2)), stop(3, 1215, ps(4, 30))]),
  route('2022-12-03', 1, 2, [stop(1, 480, ps(6, 38))]),
  route('2022-11-30', 2, 3, [stop(1, 510, ps(0, 0), ps(1, 4))], [2]),
  route('2022-12-05', 2, 1, [stop(1, 1110, ps(7, 7))], [2]), // Monday of week 49
];
const source = fixture(routes);

const communeDoc = (communeId: number): CommuneRoster => {
  const doc = buildRosterBundle(source, { week: WEEK, scope: { kind: 'commune', communeId } }).documents[0];
  if (doc?.kind !== 'commune') throw new Error('not a commune roster');
  return doc;
};

describe('commune roster', () => {
  const doc = communeDoc(1);

  it('lists every visit to the commune in the week, in date and time order', () => {
    expect(doc.rows.map((r) => [r.dateText, r.hamletName.slice(0, 10), r.atHamlet])).toEqual([
      ['28/11/2022', 'Thôn 1', '18:30 - 20:00'],
      ['28/11/2022', 'Bản Nà Tao', '20:15 - 21:45'],
      ['29/11/2022', 'Bản Nà Tao', '18:30 - 20:00'],
      ['30/11/2022', 'Thôn 1', '08:30 - 10:00'],
      ['03/12/2022', 'Thôn 1', '08:00 - 09:30'],
    ]);
    expect(doc.rows.map((r) => r.weekday)).toEqual(['Thứ Hai', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Bảy']);
  });

  it('totals equal the plan quotas for that commune and week', () => {
    const inWeek = routes.filter((r) => r.date >= '2022-11-28' && r.date <= '2022-12-04');
    const stops = inWeek.flatMap((r) => r.stops).filter((s) => s.hamletId === 1 || s.hamletId === 2);
    const sum = (pick: (s: (typeof stops)[number]) => number): number => stops.reduce((n, s) => n + pick(s), 0);
    expect(doc.totals).toEqual({
      visits: 5, shifts: 4, hamlets: 2,
      quota: { cccd: sum((s) => s.quota.cccd), eid: sum((s) => s.quota.eid) },
      homeVisits: { cccd: sum((s) => s.homeVisits.cccd), eid: sum((s) => s.homeVisits.eid) },
    });
    expect(doc.totals.quota).toEqual({ cccd: 16, eid: 121 });
  });

  it('writes shift, team, officers with ranks and vehicles', () => {
    const [first, , third, fourth] = doc.rows;
    expect(first).toMatchObject({ shiftLabel: 'Ca tối', shiftHours: '18:00 - 22:00', teamName: 'Tổ công tác xã Xuân Cao' });
    expect(first?.officers).toEqual(['Thượng úy Lữ Văn Ón', 'Thiếu úy Vi Văn Tâm']);
    expect(first?.vehicles).toEqual(['Xe máy 36B1-185.47']);
    expect(third?.officers).toEqual(['Đại úy Trần Trung Hiếu', 'Bùi Thị Thơm (ĐVTN)']);
    expect(third?.vehicles).toEqual(['Ô tô 36A-919.90']);
    expect(fourth?.shiftLabel).toBe('Ca sáng (tại nhà)');
  });

  it('has the official header, title and signers from the data', () => {
    expect(doc.header).toEqual({
      superiorUnit: 'CÔNG AN HUYỆN THƯỜNG XUÂN', issuingUnit: 'CÔNG AN XÃ XUÂN CAO', documentNumber: 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/LT-CAX',
      nationalTitle: NATIONAL_TITLE, motto: MOTTO, placeDate: 'Xuân Cao, ngày 25 tháng 11 năm 2022',
    });
    expect(MOTTO).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(doc.title.join(' ')).toContain('TUẦN 48 NĂM 2022');
    expect(doc.subtitle).toBe('(Từ ngày 28/11/2022 đến ngày 04/12/2022, trên địa bàn xã Xuân Cao)');
    expect(doc.signatures).toEqual({ left: { title: 'NGƯỜI LẬP BIỂU', name: 'Vi Văn Tâm' }, right: { title: 'TRƯỞNG CÔNG AN XÃ', name: 'Lữ Văn Ón' } });
    expect(doc.recipients[0]).toBe('Công an huyện Thường Xuân (để b/c);');
    expect(doc.fileStem).toBe('lich-truc_2022-W48_15631_xa-xuan-cao');
  });

  it('a commune without visits still gets its roster, with the "no duty" line', () => {
    const empty = buildRosterBundle(source, { week: '2022-W50', scope: { kind: 'commune', communeId: 2 } }).documents[0] as CommuneRoster;
    expect(empty.rows).toEqual([]);
    expect(empty.emptyNote).toBe(EMPTY_COMMUNE_NOTE);
    expect(EMPTY_COMMUNE_NOTE).toBe('Không có lịch trực trong tuần này');
    expect(empty.totals).toEqual({ visits: 0, shifts: 0, hamlets: 0, quota: ps(0, 0), homeVisits: ps(0, 0) });
    // A thị trấn signs as such.
    expect(empty.header.issuingUnit).toBe('CÔNG AN THỊ TRẤN THƯỜNG XUÂN');
    expect(empty.header.documentNumber).toContain('/LT-CATT');
    expect(empty.signatures.right.title).toBe('TRƯỞNG CÔNG AN THỊ TRẤN');
  });

  it('saved settings override the defaults field by field; the issue date can be chosen', () => {
    const custom = {
      ...source,
      settings: resolveRosterSettings(
        { area: { province: 'Tỉnh Thanh Hóa', district: 'Huyện Thường Xuân' }, communes: source.communes, bases: source.bases, teams: source.teams, members: source.members },
        { general: { recipients: ['Như trên;'] }, communes: new Map([['15631', { documentNumber: '12', chiefName: 'Nguyễn Văn A', bogus: 1 }]]) },
      ),
    };
    const doc2 = buildRosterBundle(custom, { week: WEEK, scope: { kind: 'commune', communeId: 1 }, issuedOn: '2022-12-05' }).documents[0] as CommuneRoster;
    expect(doc2.header.documentNumber).toBe('Số: 12/LT-CAX');
    expect(doc2.header.placeDate).toBe('Xuân Cao, ngày 05 tháng 12 năm 2022');
    expect(doc2.signatures.right.name).toBe('Nguyễn Văn A');
    expect(doc2.signatures.left?.name).toBe('Vi Văn Tâm');
    expect(doc2.recipients).toEqual(['Như trên;']);
  });
});

describe('team schedule', () => {
  it('lists each shift with departure, arrival at each hamlet, venue, contact and return', () => {
    const bundle = buildRosterBundle(source, { week: WEEK, scope: { kind: 'team', teamId: 1 } });
    const doc = bundle.documents[0] as TeamSchedule;
    expect(doc.shifts.map((s) => [s.weekday, s.departTime, s.returnTime, s.stops.map((st) => st.arriveTime)])).toEqual([
      ['Thứ Ba', '18:00', '22:15', ['18:30', '20:15']],
      ['Thứ Bảy', '07:30', '10:00', ['08:00']],
    ]);
    expect(doc.shifts[0]?.stops[1]).toMatchObject({ hamletName: 'Khu phố 1', communeName: 'Thị trấn Thường Xuân', venue: 'Nhà văn hóa khu phố 1' });
    expect(doc.shifts[0]?.stops[1]?.contact).toContain('0900');
    expect(doc.totals.quota).toEqual({ cccd: 15, eid: 108 });
    // A district team is issued by the district, under the province.
    expect(doc.header.superiorUnit).toBe('CÔNG AN TỈNH THANH HÓA');
    expect(doc.header.issuingUnit).toBe('CÔNG AN HUYỆN THƯỜNG XUÂN');
    expect(doc.signatures.right).toEqual({ title: 'TỔ TRƯỞNG', name: 'Trần Trung Hiếu' });
    expect(rosterBundle.safeParse(bundle).success).toBe(true);
  });

  it('all teams: one document per team with a shift that week; an idle team alone says so', () => {
    expect(buildRosterBundle(source, { week: WEEK, scope: { kind: 'allTeams' } }).documents.map((d) => d.fileStem))
      .toEqual(['lich-cong-tac_2022-W48_ld-01', 'lich-cong-tac_2022-W48_ct-15631']);
    const idle = buildRosterBundle(source, { week: '2022-W50', scope: { kind: 'team', teamId: 2 } }).documents[0] as TeamSchedule;
    expect(idle.emptyNote).toBe(EMPTY_TEAM_NOTE);
  });

  it('unknown communes and teams are refused', () => {
    expect(() => buildRosterBundle(source, { week: WEEK, scope: { kind: 'commune', communeId: 99 } })).toThrow(RosterScopeError);
    expect(() => buildRosterBundle(source, { week: WEEK, scope: { kind: 'team', teamId: 99 } })).toThrow(RosterScopeError);
  });
});

describe('options', () => {
  it('lists the weeks with visits and counts per commune and team', () => {
    const options = listRosterOptions(source);
    expect(options.weeks.map((w) => [w.code, w.shifts, w.visits])).toEqual([['2022-W47', 1, 1], ['2022-W48', 4, 6], ['2022-W49', 1, 1]]);
    expect(options.communes.find((c) => c.code === '15631')?.visitsByWeek).toEqual({ '2022-W47': 1, '2022-W48': 5, '2022-W49': 1 });
    expect(options.teams.find((t) => t.code === 'LD-01')?.shiftsByWeek).toEqual({ '2022-W48': 2 });
  });
});

describe('property: the all-communes rosters account for every quota of the week', () => {
  it('sum over communes = sum over stops in the week', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.constantFrom('2022-11-27', '2022-11-28', '2022-11-30', '2022-12-02', '2022-12-04', '2022-12-05'),
            teamId: fc.constantFrom(1, 2),
            stops: fc.array(fc.record({ hamletId: fc.constantFrom(1, 2, 3), cccd: fc.nat(50), eid: fc.nat(200), home: fc.nat(5) }), { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const rs = specs.map((s) => route(s.date, s.teamId, 1, s.stops.map((st, i) => stop(st.hamletId, 1100 + i * 100, ps(st.cccd, st.eid), ps(0, st.home)))));
          const bundle = buildRosterBundle(fixture(rs), { week: WEEK, scope: { kind: 'allCommunes' } });
          const inWeek = rs.filter((r) => r.date >= '2022-11-28' && r.date <= '2022-12-04').flatMap((r) => r.stops);
          const total = bundle.documents.reduce((n, d) => n + d.totals.quota.eid + d.totals.homeVisits.eid, 0);
          expect(bundle.documents).toHaveLength(2);
          expect(total).toBe(inWeek.reduce((n, s) => n + s.quota.eid + s.homeVisits.eid, 0));
          expect(bundle.documents.reduce((n, d) => n + d.totals.visits, 0)).toBe(inWeek.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
