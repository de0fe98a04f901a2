import { describe, expect, it } from 'vitest';
import type { Backlog, Route, Team } from '../../../src-main/core/model';
import { clipToBacklog, firstDayKept, MEASURED_MAX_FACTOR, withMeasuredRates } from '../../../src-main/core/replan';

const stop = (hamletId: number, eid: number, homeEid = 0) => ({
  hamletId, arriveMin: 1100, startMin: 1110, endMin: 1200, quota: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: homeEid },
});
const route = (date: string, departMin: number, stops: Route['stops']): Route => ({
  date, templateId: 1, teamId: 1, vehicleIds: [1], baseId: 1, departMin, returnMin: departMin + 200, distanceM: 0, cost: 0, pinned: false, stops,
});
const backlog = (hamletId: number, eid: number, homeEid = 0): Backlog =>
  ({ hamletId, remaining: { cccd: 0, eid }, homebound: { cccd: 0, eid: homeEid } }) as Backlog;

describe('kept visits of a re-plan', () => {
  it('only the first day is pinned, as it was published', () => {
    const published = [route('2022-11-20', 1080, [stop(1, 5)]), route('2022-11-21', 1080, [stop(1, 5)])];
    const kept = firstDayKept(published, '2022-11-20');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ date: '2022-11-20', pinned: true });
  });

  it('never promises people the results already enrolled: quotas cut to what is left, earliest visit first', () => {
    // 30 left at the venue in hamlet 1, 4 at home: the later route gets what the earlier one leaves.
    const later = route('2022-11-21', 1080, [stop(1, 25, 3)]);
    const earlier = route('2022-11-20', 1080, [stop(1, 20, 2)]);
    const [clippedLater, clippedEarlier] = clipToBacklog([later, earlier], [backlog(1, 34, 4)]);
    expect(clippedEarlier!.stops[0]!.quota.eid).toBe(20);
    expect(clippedEarlier!.stops[0]!.homeVisits.eid).toBe(2);
    expect(clippedLater!.stops[0]!.quota.eid).toBe(10);
    expect(clippedLater!.stops[0]!.homeVisits.eid).toBe(2);
  });
});

describe('measured rates', () => {
  const team = { id: 1, throughputPerHour: { cccd: 10, eid: 30 }, homeThroughputPerHour: 4 } as Team;
  const other = { ...team, id: 2 };

  it('scale a team by recorded against planned people per team-hour, within bounds; too few hours change nothing', () => {
    const { teams, factors } = withMeasuredRates([team, other], [
      { teamId: 1, teamHours: 20, assumedRate: 20, measuredRate: 15 },
      { teamId: 2, teamHours: 2, assumedRate: 20, measuredRate: 5 },
    ]);
    expect(factors.get(1)).toBeCloseTo(0.75);
    expect(teams[0]!.throughputPerHour).toEqual({ cccd: 8, eid: 23 });
    expect(teams[0]!.homeThroughputPerHour).toBe(3);
    expect(teams[1]).toBe(other);
    const slow = withMeasuredRates([team], [{ teamId: 1, teamHours: 40, assumedRate: 20, measuredRate: 1 }]);
    expect(slow.factors.get(1)).toBe(1 / MEASURED_MAX_FACTOR);
  });
});
