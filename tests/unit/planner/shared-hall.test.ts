import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../../src-main/core/verify';
import { backlog, EVENING, hamlet, instance, MONDAY, planFrozen, road, team, vehicle } from './fixtures';

/**
 * One hall, one evening, more people turning up than one team can take: the teams of the
 * shift share the hall and the people the evening reaches (per-shift turnout).
 */
describe('teams sharing a hall in one shift', () => {
  it('three teams work one big hamlet the same evening, together within what the evening reaches', async () => {
    // 1,000 people, 50 % come in the evening: 500. One team works 200 min at 60 an hour after
    // 10 min each way and 10 min setup: 200 people; three of them: 500 (the evening's reach).
    const inst = instance({
      campaign: { name: 'Một tối', startDate: MONDAY, deadline: MONDAY },
      hamlets: [hamlet(1)], backlogs: [backlog(1, 1000)], shiftTemplates: [EVENING], travel: [road('b:1', 'h:1', 10, 5)],
      teams: [1, 2, 3].map((id) => team(id, { throughputPerHour: { cccd: 0, eid: 60 } })), vehicles: [1, 2, 3].map((id) => vehicle(id)),
    });
    const { routes, report } = await planFrozen(inst);
    expect(routes.map((r) => r.teamId).sort()).toEqual([1, 2, 3]);
    expect(report.enrolled.eid).toBe(500);
    expect(verifyPlan(inst, routes, report).violations).toEqual([]);
  });
});
