import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoDataset, generateThanhHoa, roughCapacity, THANH_HOA_2024, type CentroidRow, type DemoDataset,
} from '../../../src-main/core/demo';
import { datesBetween } from '../../../src-main/core/calendar';
import { loadCentroids } from './fixtures';

let rows: CentroidRow[];
let province: DemoDataset[];
let seconds: number;
const sum = <T>(items: readonly T[], f: (x: T) => number): number => items.reduce((s, x) => s + f(x), 0);

beforeAll(() => {
  rows = loadCentroids();
  generateThanhHoa(rows.slice(0, 40)); // warm-up: module loading is not the generator's time
  const t0 = performance.now();
  province = generateThanhHoa(rows);
  seconds = (performance.now() - t0) / 1000;
});

describe('province-scale generator (Thanh Hóa, 2024 drive)', () => {
  it('builds the whole province in under 2 seconds', () => {
    expect(seconds).toBeLessThan(2);
  });

  it('has one data set per district: 27 districts, 637 communes, ~5,000 hamlets, ~500 teams', () => {
    expect(rows).toHaveLength(637);
    expect(province).toHaveLength(27);
    expect(sum(province, (d) => d.communes.length)).toBe(637);
    const hamlets = sum(province, (d) => d.hamlets.length);
    expect(hamlets).toBeGreaterThan(4_000);
    expect(hamlets).toBeLessThan(6_000);
    const teams = sum(province, (d) => d.teams.length);
    expect(teams).toBeGreaterThan(400);
    expect(teams).toBeLessThan(600);
    expect(new Set(province.map((d) => d.areas[1]!.code)).size).toBe(27);
  });

  it('splits exactly a million people to enrol over the districts, 120 days to go', () => {
    expect(sum(province, (d) => sum(d.backlogs, (b) => b.remaining.eid))).toBe(THANH_HOA_2024.targets.backlog.eid);
    expect(sum(province, (d) => sum(d.backlogs, (b) => b.remaining.cccd))).toBe(THANH_HOA_2024.targets.backlog.cccd);
    expect(sum(province, (d) => sum(d.backlogs, (b) => b.remaining.eid + b.remaining.cccd))).toBe(1_000_000);
    expect(sum(province, (d) => sum(d.hamlets, (h) => h.population))).toBe(THANH_HOA_2024.targets.population);
    for (const d of province) expect(datesBetween(d.campaign.startDate, d.campaign.deadline)).toHaveLength(120);
  });

  it('gives every district a valid data set with an HQ, posts, mobile teams and hamlets near their commune', () => {
    for (const d of province) {
      const parsed = demoDataset.safeParse(d);
      expect(parsed.success, `${d.areas[1]!.name}: ${parsed.error?.message}`).toBe(true);
      expect(d.bases.filter((b) => b.kind === 'hq')).toHaveLength(1);
      expect(d.bases.filter((b) => b.kind === 'post')).toHaveLength(d.communes.length);
      expect(d.teams.filter((t) => t.kind === 'mobile').length).toBeGreaterThanOrEqual(2);
      for (const h of d.hamlets) {
        const c = d.communes[h.communeId - 1]!;
        expect(Math.abs(h.lat - c.lat) + Math.abs(h.lon - c.lon)).toBeLessThan(0.3);
      }
    }
  });

  it('keeps forest tracks to the mountain districts', () => {
    const forestBy = (name: string): number => province.find((d) => d.areas[1]!.name === name)!.hamlets.filter((h) => h.roadClass === 'forest').length;
    expect(forestBy('Huyện Mường Lát')).toBeGreaterThan(0);
    expect(forestBy('Huyện Thường Xuân')).toBeGreaterThan(0);
    expect(forestBy('Huyện Hoằng Hóa')).toBe(0);
    expect(forestBy('Thành phố Thanh Hóa')).toBe(0);
  });

  it('has enough capacity province-wide, though not in every district', () => {
    const caps = province.map((d) => roughCapacity(d));
    const ratio = sum(caps, (c) => c.people) / sum(caps, (c) => c.backlog.total);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.6);
    expect(caps.some((c) => c.ratio < 1)).toBe(true);
  });

  it('is reproducible', () => {
    expect(generateThanhHoa(rows)).toEqual(province);
  });
});
