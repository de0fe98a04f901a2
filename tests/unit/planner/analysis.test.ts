import { describe, expect, it } from 'vitest';
import { burndown, clearanceDate, enrolledUntil, residualLeft, shortfall } from '../../../src-main/core/analysis';
import type { Route } from '../../../src-main/core/model';
import { backlog, EVENING, hamlet, instance, MONDAY, road, team, vehicle } from './fixtures';

const visit = (date: string, hamletId: number, eid: number, home = 0): Route => ({
  date, templateId: EVENING.id, teamId: 1, vehicleIds: [1], baseId: 1, departMin: 1080, returnMin: 1300,
  stops: [{ hamletId, arriveMin: 1100, startMin: 1110, endMin: 1280, quota: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: home } }],
  distanceM: 0, cost: 0, pinned: false,
});

describe('analysis helpers', () => {
  const inst = instance({
    campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' },
    hamlets: [hamlet(1, { reach: { weekday_day: 0.1, weekday_evening: 0.5, weekend: 0.5 } })],
    backlogs: [backlog(1, 20, 0, { cccd: 0, eid: 2 })],
  });

  it('burns the backlog down day by day and totals what was enrolled by a date', () => {
    const routes = [visit('2024-11-04', 1, 9), visit('2024-11-06', 1, 4, 2)];
    expect(burndown({ cccd: 0, eid: 20 }, routes, MONDAY, '2024-11-08').map((p) => p.remaining.eid)).toEqual([11, 11, 5, 5, 5]);
    expect(enrolledUntil(routes, '2024-11-05')).toEqual({ cccd: 0, eid: 9 });
  });

  it('clears when nobody reachable is left: the geometric stragglers are left to the post, not short', () => {
    // 18 at the venue at reach 0.5: 9, 4, 2, 1, 1 and the last one can never be met.
    // No residual allowance here, so only the stragglers rule frees the last one.
    const strict = { ...inst, residual: { people: 0, percent: 0 } };
    const routes = [
      visit('2024-11-04', 1, 9), visit('2024-11-05', 1, 4, 2), visit('2024-11-06', 1, 2), visit('2024-11-07', 1, 1), visit('2024-11-08', 1, 1),
    ];
    expect(clearanceDate(strict, routes)).toBe('2024-11-08');
    expect(clearanceDate(strict, routes.slice(0, 4))).toBeNull();
    expect(shortfall(strict, routes)).toEqual([]);
    expect(residualLeft(strict, routes)).toEqual({ people: 1, hamlets: 1 });
    expect(shortfall(strict, routes.slice(0, 4))).toEqual([{ hamletId: 1, communeId: 1, missing: { cccd: 0, eid: 2 }, reasons: ['not_enough_shifts'] }]);
    // With the default residual (3 people), the 3 left after Wednesday are already the post's.
    expect(clearanceDate(inst, routes.slice(0, 4))).toBe('2024-11-06');
  });

  it('gives the reasons the data supports', () => {
    const far = instance({
      hamlets: [hamlet(1), hamlet(2, { roadClass: 'forest' }), hamlet(3)],
      backlogs: [backlog(1, 30, 5), backlog(2, 30), backlog(3, 30, 0, { cccd: 0, eid: 6 })],
      // 150 min from the base and from hamlet 3 (through which a faster way would otherwise run).
      travel: [road('b:1', 'h:1', 150), road('h:3', 'h:1', 150)],
      teams: [team(1, { homeThroughputPerHour: 0 })],
      vehicles: [vehicle(1)],
    });
    const reasons = new Map(shortfall(far, []).map((s) => [s.hamletId, s.reasons]));
    expect(reasons.get(1)).toEqual(['no_kit_team', 'too_far_for_shift']);
    expect(reasons.get(2)).toEqual(['no_vehicle_for_road']);
    expect(reasons.get(3)).toContain('homebound_needs_home_visits');
    expect(reasons.get(3)).toContain('not_enough_shifts');
  });
});
