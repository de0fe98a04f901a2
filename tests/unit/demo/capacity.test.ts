import { beforeAll, describe, expect, it } from 'vitest';
import { generateThuongXuan, roughCapacity, type DemoDataset } from '../../../src-main/core/demo';
import { loadCentroids, loadOutlines } from './fixtures';

let demo: DemoDataset;
beforeAll(() => {
  demo = generateThuongXuan(loadOutlines(), loadCentroids());
});

describe('roughCapacity', () => {
  it('sizes the Thường Xuân teams so 31/12 is tight: capacity within 95-105 % of the backlog', () => {
    const cap = roughCapacity(demo);
    expect(cap.backlog.total).toBe(66_943);
    expect(cap.ratio).toBeGreaterThan(0.95);
    expect(cap.ratio).toBeLessThan(1.05);
    // CCCD needs a kit, and the kit teams have hours enough for it.
    expect(cap.cccdMax).toBeGreaterThan(cap.backlog.cccd);
  });

  it('keeps each team within its weekly cap and gives every team some work', () => {
    const cap = roughCapacity(demo);
    const weeks = 7; // 17/11 (Thursday) to 31/12/2022 touches 7 ISO weeks
    for (const t of cap.teams) {
      const team = demo.teams.find((x) => x.id === t.teamId)!;
      expect(t.shifts).toBeGreaterThan(0);
      expect(t.shifts).toBeLessThanOrEqual(team.maxShiftsPerWeek * weeks);
      expect(t.reachableHamlets).toBeGreaterThan(0);
      expect(t.venueHours).toBeGreaterThan(0);
    }
  });

  it('grows with throughput and shrinks with a later start', () => {
    const base = roughCapacity(demo);
    const faster: DemoDataset = { ...demo, teams: demo.teams.map((t) => ({ ...t, throughputPerHour: { ...t.throughputPerHour, eid: t.throughputPerHour.eid * 2 } })) };
    expect(roughCapacity(faster).people).toBeGreaterThan(base.people * 1.5);
    const later = roughCapacity(demo, '2022-12-15');
    expect(later.shifts).toBeLessThan(base.shifts / 2);
    expect(later.people).toBeLessThan(base.people / 2);
  });

  it('gives nothing to a team that has no vehicle able to carry it', () => {
    const noBikes: DemoDataset = { ...demo, vehicles: demo.vehicles.filter((v) => v.baseId === 1) };
    const cap = roughCapacity(noBikes);
    const fixed = cap.teams.filter((t) => demo.teams.find((x) => x.id === t.teamId)!.kind === 'fixed');
    expect(fixed.every((t) => t.shifts === 0 && t.reachableHamlets === 0)).toBe(true);
    expect(cap.people).toBeLessThan(roughCapacity(demo).people / 2);
  });
});
