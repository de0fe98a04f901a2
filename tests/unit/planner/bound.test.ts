import { describe, expect, it } from 'vitest';
import { upperBoundOf } from '../../../src-main/core/planner';
import { backlog, enrolledTotal, EVENING, hamlet, instance, MONDAY, planFrozen, road, team, vehicle } from './fixtures';

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

  it('holds k routes to the k longest shifts: fewer, longer routes do not save the travel', async () => {
    // Monday evening (240 min) and Saturday morning (120 min), an hour and forty minutes' round
    // trip, setup 10, one person a minute: 130 people in the evening and 10 on Saturday. With
    // only the team's 360 minutes and the longest shift per route, one and a half routes held
    // 195 (1.5 round trips, 195 minutes of work); a route is no longer than its shift.
    const inst = instance({
      campaign: { name: 'Hai ca', startDate: MONDAY, deadline: '2024-11-10' },
      hamlets: [hamlet(1, { reach: { weekday_day: 0.9, weekday_evening: 0.9, weekend: 0.9 } })],
      backlogs: [backlog(1, 1000)],
      shiftTemplates: [{ ...EVENING, weekdays: [1] }, { id: 2, code: 'SANG-T7', name: 'Sáng T7', kind: 'weekend', weekdays: [6], startMin: 480, endMin: 600, homeVisitsOnly: false, onHolidays: true }],
      travel: [road('b:1', 'h:1', 50)],
      teams: [team(1, { throughputPerHour: { cccd: 0, eid: 60 } })], vehicles: [vehicle(1)],
    });
    expect((await upperBoundOf(inst)).people).toBe(140);
    expect(enrolledTotal(await planFrozen(inst))).toBe(140);
  });
});
