import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoDataset, distanceKm, generateThuongXuan, pointInOutline, THUONG_XUAN, type CommuneOutlines, type DemoDataset,
} from '../../../src-main/core/demo';
import { loadCentroids, loadOutlines, readResource } from './fixtures';

let outlines: CommuneOutlines;
let demo: DemoDataset;
const fresh = (seed?: number): DemoDataset => generateThuongXuan(outlines, loadCentroids(), seed);
const sum = <T>(items: readonly T[], f: (x: T) => number): number => items.reduce((s, x) => s + f(x), 0);

beforeAll(() => {
  outlines = loadOutlines();
  demo = fresh();
});

describe('Thường Xuân demo: places and backlog', () => {
  it('has the 16 communes of the GSO list, the town among them', () => {
    expect(demo.communes).toHaveLength(16);
    expect(new Set(demo.communes.map((c) => c.code)).size).toBe(16);
    expect(demo.communes.find((c) => c.code === '15646')?.name).toBe('Thị trấn Thường Xuân');
    expect(demo.communes.map((c) => c.name)).toContain('Xã Bát Mọt');
    expect(demo.areas.map((a) => [a.level, a.name, a.isPlanningArea])).toEqual([
      ['province', 'Tỉnh Thanh Hóa', false],
      ['district', 'Huyện Thường Xuân', true],
    ]);
  });

  it('totals what the district reported: e-ID 65,720 and CCCD 1,223 to go, about 90,000 people', () => {
    expect(sum(demo.backlogs, (b) => b.remaining.eid)).toBe(65_720);
    expect(sum(demo.backlogs, (b) => b.remaining.cccd)).toBe(1_223);
    const population = sum(demo.hamlets, (h) => h.population);
    expect(population).toBeGreaterThanOrEqual(85_000);
    expect(population).toBeLessThanOrEqual(95_000);
    for (const c of demo.communes) {
      expect(c.population).toBe(sum(demo.hamlets.filter((h) => h.communeId === c.id), (h) => h.population));
    }
  });

  it('has 130-170 hamlets, 8-11 per commune, with unique codes and names unique inside a commune', () => {
    expect(demo.hamlets.length).toBeGreaterThanOrEqual(130);
    expect(demo.hamlets.length).toBeLessThanOrEqual(170);
    expect(new Set(demo.hamlets.map((h) => h.code)).size).toBe(demo.hamlets.length);
    for (const c of demo.communes) {
      const names = demo.hamlets.filter((h) => h.communeId === c.id).map((h) => h.name);
      expect(names.length).toBeGreaterThanOrEqual(8);
      expect(names.length).toBeLessThanOrEqual(11);
      expect(new Set(names).size).toBe(names.length);
    }
    const town = demo.communes.find((c) => c.code === THUONG_XUAN.townCode)!;
    expect(demo.hamlets.filter((h) => h.communeId === town.id).every((h) => /^Khu phố \d+$/u.test(h.name))).toBe(true);
    expect(demo.hamlets.some((h) => h.name.startsWith('Bản '))).toBe(true);
    expect(demo.hamlets.every((h) => h.illustrative && h.code.startsWith(`${demo.communes[h.communeId - 1]!.code}-`))).toBe(true);
    expect(demo.hamlets.every((h) => /^Nhà (văn hóa|sinh hoạt cộng đồng) (thôn|bản|làng|khu phố) /u.test(h.venue))).toBe(true);
    expect(demo.hamlets.every((h) => /^(Trưởng (thôn|bản|khu phố)) \S+ .+, 0\d{3} \d{3} \d{3}$/u.test(h.contact))).toBe(true);
  });

  it('puts every hamlet in Vietnam, inside its own commune outline and near its centre', () => {
    const outlineOf = new Map(outlines.features.map((f) => [f.properties.gsoCode, f.geometry]));
    for (const h of demo.hamlets) {
      const commune = demo.communes[h.communeId - 1]!;
      expect(h.lat >= 8 && h.lat <= 23.5 && h.lon >= 102 && h.lon <= 110).toBe(true);
      expect(pointInOutline(outlineOf.get(commune.code)!, h), `${h.code} ${h.name}`).toBe(true);
      expect(distanceKm(h, commune)).toBeLessThan(25);
    }
  });

  it('never has more backlog than people, nor more homebound than backlog', () => {
    expect(demo.backlogs.map((b) => b.hamletId)).toEqual(demo.hamlets.map((h) => h.id));
    demo.backlogs.forEach((b, i) => {
      const h = demo.hamlets[i]!;
      expect(b.remaining.eid + b.remaining.cccd).toBeLessThanOrEqual(h.population);
      expect(b.homebound.eid).toBeLessThanOrEqual(b.remaining.eid);
      expect(b.homebound.cccd).toBeLessThanOrEqual(b.remaining.cccd);
      expect(b.countedOn).toBe('2022-11-17');
    });
    const homebound = sum(demo.backlogs, (b) => b.homebound.eid + b.homebound.cccd);
    const total = 65_720 + 1_223;
    expect(homebound / total).toBeGreaterThan(0.03);
    expect(homebound / total).toBeLessThan(0.06);
  });

  it('meets people in the evening and at weekends, hardly by day', () => {
    for (const { reach } of demo.hamlets) {
      expect(reach.weekday_day).toBeGreaterThanOrEqual(0.1);
      expect(reach.weekday_day).toBeLessThanOrEqual(0.25);
      expect(reach.weekday_evening).toBeGreaterThanOrEqual(0.55);
      expect(reach.weekday_evening).toBeLessThanOrEqual(0.8);
      expect(reach.weekend).toBeGreaterThanOrEqual(0.65);
      expect(reach.weekend).toBeLessThanOrEqual(0.9);
    }
  });

  it('gets harder to reach away from the town: forest tracks, motorbike-only and seasonal cuts', () => {
    const hq = demo.bases.find((b) => b.kind === 'hq')!;
    const meanDist = (cls: string): number => {
      const hs = demo.hamlets.filter((h) => h.roadClass === cls);
      return sum(hs, (h) => distanceKm(hq, h)) / hs.length;
    };
    expect(meanDist('paved')).toBeLessThan(meanDist('dirt'));
    expect(meanDist('dirt')).toBeLessThan(meanDist('forest'));
    const motorbikeOnly = demo.hamlets.filter((h) => h.motorbikeOnly);
    expect(motorbikeOnly.length).toBeGreaterThanOrEqual(8);
    expect(motorbikeOnly.length).toBeLessThanOrEqual(12);
    expect(motorbikeOnly.every((h) => h.roadClass === 'forest')).toBe(true);
    const cut = demo.hamlets.filter((h) => h.cutMonths.length > 0);
    expect(cut.length).toBeGreaterThanOrEqual(4);
    expect(cut.length).toBeLessThanOrEqual(6);
    const inCampaign = cut.filter((h) => h.cutMonths.some((m) => m === 11 || m === 12));
    expect(inCampaign.length).toBeGreaterThanOrEqual(2);
    expect(inCampaign.length).toBeLessThanOrEqual(3);
    // Nothing cut for the whole campaign: every hamlet can be reached some day of it.
    expect(cut.every((h) => !(h.cutMonths.includes(11) && h.cutMonths.includes(12)))).toBe(true);
  });
});

describe('Thường Xuân demo: resources and calendar', () => {
  it('has HQ in the town and one post per commune at its centre', () => {
    const [hq, ...posts] = demo.bases;
    expect(hq).toMatchObject({ id: 1, kind: 'hq', name: 'Công an huyện Thường Xuân' });
    expect(distanceKm(hq!, demo.communes.find((c) => c.code === '15646')!)).toBeLessThan(1);
    expect(posts).toHaveLength(16);
    expect(posts.map((p) => p.name)).toContain('Công an thị trấn Thường Xuân');
    expect(posts.map((p) => p.name)).toContain('Công an xã Bát Mọt');
    for (const p of posts) expect(distanceKm(p, demo.communes[p.communeId! - 1]!)).toBeLessThan(1);
  });

  it('has four mobile teams at HQ and one team per commune post, a few of them with a kit', () => {
    const mobile = demo.teams.filter((t) => t.kind === 'mobile');
    const fixed = demo.teams.filter((t) => t.kind === 'fixed');
    expect(mobile.map((t) => t.name)).toEqual(['Tổ lưu động số 1', 'Tổ lưu động số 2', 'Tổ lưu động số 3', 'Tổ lưu động số 4']);
    expect(mobile.every((t) => t.baseId === 1 && t.kits === 1 && t.services.includes('cccd') && t.size >= 4 && t.size <= 5)).toBe(true);
    expect(mobile.some((t) => t.allowedShiftKinds.includes('weekday_day'))).toBe(true);
    expect(fixed).toHaveLength(16);
    const withKit = fixed.filter((t) => t.kits > 0);
    expect(withKit.length).toBeGreaterThanOrEqual(2);
    expect(withKit.length).toBeLessThanOrEqual(3);
    expect(fixed.filter((t) => t.kits === 0).every((t) => t.services.join() === 'eid' && t.throughputPerHour.cccd === 0)).toBe(true);
    expect(fixed.every((t) => t.throughputPerHour.eid >= 14 && t.throughputPerHour.eid <= 22 && t.size >= 3 && t.size <= 4)).toBe(true);
    expect(demo.teams.every((t) => t.daysOff.length >= 1 && t.daysOff.length <= 2)).toBe(true);
  });

  it('staffs every team with named officers, ranks, roles and phones', () => {
    for (const t of demo.teams) {
      const members = demo.members.filter((m) => m.teamId === t.id);
      expect(members).toHaveLength(t.size);
      expect(members.filter((m) => m.role === 'Tổ trưởng')).toHaveLength(1);
    }
    const ranks = new Set(['Thiếu úy', 'Trung úy', 'Thượng úy', 'Đại úy', 'Thiếu tá']);
    expect(demo.members.every((m) => (m.role === 'Đoàn viên thanh niên' ? m.rank === '' : ranks.has(m.rank)))).toBe(true);
    expect(demo.members.some((m) => m.role === 'Đoàn viên thanh niên')).toBe(true);
    expect(demo.members.every((m) => /^0\d{3} \d{3} \d{3}$/u.test(m.phone))).toBe(true);
    expect(new Set(demo.members.map((m) => m.phone)).size).toBe(demo.members.length);
  });

  it('has cars, pickups and motorbikes at HQ, two motorbikes per post, enough seats for each team', () => {
    const atHq = demo.vehicles.filter((v) => v.baseId === 1);
    const count = (kind: string): number => atHq.filter((v) => v.kind === kind).length;
    expect(count('car')).toBeGreaterThanOrEqual(2);
    expect(count('pickup')).toBeGreaterThanOrEqual(1);
    expect(count('motorbike')).toBeGreaterThanOrEqual(2);
    for (const post of demo.bases.filter((b) => b.kind === 'post')) {
      const bikes = demo.vehicles.filter((v) => v.baseId === post.id);
      expect(bikes.map((v) => v.kind)).toEqual(['motorbike', 'motorbike']);
    }
    for (const t of demo.teams) {
      expect(sum(demo.vehicles.filter((v) => v.baseId === t.baseId), (v) => v.seats)).toBeGreaterThanOrEqual(t.size);
    }
    expect(demo.vehicles.every((v) => /^36(A|C|B1)-\d{3}\.\d{2}$/u.test(v.code))).toBe(true);
    expect(demo.vehicles.some((v) => v.unavailable.length > 0)).toBe(true);
  });

  it('runs the 2022 drive with evening, weekend and home-visit shifts, and Tết 2023 as data', () => {
    expect(demo.campaign).toEqual({ name: 'Cao điểm 90 ngày đêm cấp CCCD và định danh điện tử', startDate: '2022-11-17', deadline: '2022-12-31' });
    const byKind = (kind: string) => demo.shiftTemplates.filter((t) => t.kind === kind);
    expect(byKind('weekday_evening').map((t) => [t.startMin, t.endMin])).toEqual([[1080, 1320]]);
    expect(byKind('weekend').map((t) => [t.startMin, t.endMin])).toEqual([[450, 690], [810, 1020], [1080, 1320]]);
    expect(byKind('weekend').every((t) => t.onHolidays && t.weekdays.join() === '6,7')).toBe(true);
    expect(byKind('weekday_day')).toMatchObject([{ startMin: 480, endMin: 690, homeVisitsOnly: true }]);
    expect(demo.exceptions.filter((e) => e.date >= '2022-11-17' && e.date <= '2022-12-31')).toEqual([]);
    expect(demo.exceptions.filter((e) => e.kind === 'blackout').map((e) => e.date)).toEqual(
      ['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    expect(demo.exceptions).toContainEqual({ date: '2023-01-01', kind: 'holiday', name: 'Tết Dương lịch' });
  });

  it('has measured trips from HQ to each post, each post to its hamlets, and about half the pairs inside a commune', () => {
    const measured = demo.travel.filter((p) => p.source === 'measured');
    expect(measured).toHaveLength(demo.travel.length);
    const has = (from: string, to: string): boolean => measured.some((p) => p.from === from && p.to === to);
    for (const post of demo.bases.filter((b) => b.kind === 'post')) {
      expect(has('b:1', `b:${post.id}`)).toBe(true);
      for (const h of demo.hamlets.filter((x) => x.communeId === post.communeId)) expect(has(`b:${post.id}`, `h:${h.id}`)).toBe(true);
    }
    const inside = measured.filter((p) => p.from.startsWith('h:'));
    const possible = sum(demo.communes, (c) => {
      const n = demo.hamlets.filter((h) => h.communeId === c.id).length;
      return (n * (n - 1)) / 2;
    });
    expect(inside.length / possible).toBeGreaterThan(0.35);
    expect(inside.length / possible).toBeLessThan(0.65);
    expect(measured.every((p) => p.distanceM > 0 && p.minutes > 0)).toBe(true);
  });
});

describe('Thường Xuân demo: integrity and reproducibility', () => {
  it('parses with the demoDataset schema (model schemas plus references)', () => {
    const parsed = demoDataset.safeParse(demo);
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it('rejects a dangling reference', () => {
    const broken = { ...demo, teams: [{ ...demo.teams[0]!, baseId: 999 }, ...demo.teams.slice(1)] };
    expect(demoDataset.safeParse(broken).success).toBe(false);
  });

  it('numbers every kind of thing 1..n in order', () => {
    for (const list of [demo.communes, demo.hamlets, demo.bases, demo.teams, demo.members, demo.vehicles, demo.shiftTemplates, demo.areas]) {
      expect(list.map((x) => x.id)).toEqual(list.map((_, i) => i + 1));
    }
  });

  it('is the same for the same seed and different for another', () => {
    expect(fresh()).toEqual(demo);
    const other = fresh(THUONG_XUAN.seed + 1);
    expect(other).not.toEqual(demo);
    expect(sum(other.backlogs, (b) => b.remaining.eid)).toBe(65_720);
  });

  it('matches resources/demo/thuong-xuan.json on disk (regenerate with npm run demo:generate, never edit it)', () => {
    const onDisk = JSON.parse(readResource('demo/thuong-xuan.json')) as unknown;
    expect(onDisk).toEqual(demo);
  });
});
