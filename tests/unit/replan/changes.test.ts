import { describe, expect, it } from 'vitest';
import type { Route } from '../../../src-main/core/model';
import { changeReport } from '../../../src-main/core/replan';

const route = (date: string, teamId: number, hamlets: number[], templateId = 1): Route => ({
  date, templateId, teamId, vehicleIds: [1], baseId: 1, departMin: 1080, returnMin: 1320, distanceM: 0, cost: 0, pinned: false,
  stops: hamlets.map((hamletId) => ({ hamletId, arriveMin: 1100, startMin: 1110, endMin: 1200, quota: { cccd: 1, eid: 5 }, homeVisits: { cccd: 0, eid: 0 } })),
});
// Hamlets 1-2 in commune 10, 3-4 in commune 20.
const communeOf = new Map([[1, 10], [2, 10], [3, 20], [4, 20]]);

describe('change report of a re-plan', () => {
  const published = [route('2022-11-20', 1, [1, 2]), route('2022-11-21', 2, [3]), route('2022-11-22', 1, [4])];

  it('the same plan again: every visit kept, nothing to re-print', () => {
    const report = changeReport(published, published.map((r) => ({ ...r })), '2022-11-20', communeOf);
    expect(report).toMatchObject({ kept: 4, moved: 0, added: 0, dropped: 0, keptShare: 1, changedCommunes: [] });
  });

  it('a hamlet visited on another day is moved (from -> to), one never visited again is dropped, a new one added', () => {
    const next = [route('2022-11-20', 1, [1, 2]), route('2022-11-23', 2, [3]), route('2022-11-22', 1, [1])];
    const report = changeReport(published, next, '2022-11-20', communeOf);
    expect(report).toMatchObject({ kept: 2, moved: 1, added: 1, dropped: 1 });
    expect(report.movedVisits).toEqual([{ hamletId: 3, from: { date: '2022-11-21', templateId: 1, teamId: 2, hamletId: 3 }, to: { date: '2022-11-23', templateId: 1, teamId: 2, hamletId: 3 } }]);
    expect(report.droppedVisits).toEqual([{ date: '2022-11-22', templateId: 1, teamId: 1, hamletId: 4 }]);
    expect(report.addedVisits).toEqual([{ date: '2022-11-22', templateId: 1, teamId: 1, hamletId: 1 }]);
    expect(report.changedCommunes).toEqual([10, 20]);
    expect(report.keptShare).toBeCloseTo(2 / 4);
  });

  it('a visit given to another team in the same shift is a move counted for both teams', () => {
    const next = [route('2022-11-20', 1, [1, 2]), route('2022-11-21', 3, [3]), route('2022-11-22', 1, [4])];
    const report = changeReport(published, next, '2022-11-20', communeOf);
    expect(report.moved).toBe(1);
    expect(report.byTeam.find((g) => g.id === 2)).toMatchObject({ moved: 1 });
    expect(report.byTeam.find((g) => g.id === 3)).toMatchObject({ moved: 1 });
    expect(report.changedCommunes).toEqual([20]);
  });

  it('visits before the re-plan day are the past: not compared', () => {
    const next = [route('2022-11-21', 2, [3]), route('2022-11-22', 1, [4])];
    const report = changeReport(published, next, '2022-11-21', communeOf);
    expect(report).toMatchObject({ kept: 2, moved: 0, added: 0, dropped: 0 });
  });
});
