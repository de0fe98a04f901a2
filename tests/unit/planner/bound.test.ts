import { describe, expect, it } from 'vitest';
import { upperBoundOf } from '../../../src-main/core/planner';
import { backlog, EVENING, hamlet, instance, MONDAY, road, team, vehicle } from './fixtures';

describe('the LP upper bound', () => {
  it('charges a second stop the detour it costs: two hamlets an hour either side of the base do not fit one route together', async () => {
    // One evening of 240 min: to A and back is 120, so is B, and A to B is 120 more. At 30 %
    // evening reach each hamlet offers 30 of its 100 people, 30 min of work; setup 10.
    // One stop: 30 people. Both in one route: 60 + 120 + 60 min of driving, no time left.
    const inst = instance({
      campaign: { name: 'Hai phía', startDate: MONDAY, deadline: MONDAY },
      hamlets: [1, 2].map((id) => hamlet(id, { reach: { weekday_day: 0.1, weekday_evening: 0.3, weekend: 0.3 } })),
      backlogs: [backlog(1, 100), backlog(2, 100)], shiftTemplates: [EVENING],
      travel: [road('b:1', 'h:1', 60), road('b:1', 'h:2', 60), road('h:1', 'h:2', 120)],
      teams: [team(1, { throughputPerHour: { cccd: 0, eid: 60 } })], vehicles: [vehicle(1)],
    });
    // Counting only the round trip to the farthest stop, the bound gave 60 (both hamlets); with
    // the detour it gives 45 (half routes to each, a relaxation), and never less than the 30 a plan gets.
    const bound = (await upperBoundOf(inst)).people;
    expect(bound).toBeLessThanOrEqual(45);
    expect(bound).toBeGreaterThanOrEqual(30);
  });
});
