import { describe, expect, it } from 'vitest';
import type { PlanningInstance, ServicePriority } from '../../../src-main/core/model';
import { verifyPlan } from '../../../src-main/core/verify';
import { backlog, hamlet, instance, MONDAY, planFrozen, team } from './fixtures';

/**
 * One team with a CCCD kit, one evening, one hamlet where far more people of both services come
 * than the team can take: what it spends its evening on is the campaign's service priority.
 */
function evening(servicePriority: ServicePriority | undefined): PlanningInstance {
  return instance({
    campaign: { name: 'Thử', startDate: MONDAY, deadline: MONDAY, ...(servicePriority ? { servicePriority } : {}) },
    hamlets: [hamlet(1)],
    backlogs: [backlog(1, 200, 200)],
    teams: [team(1, { services: ['cccd', 'eid'], kits: 1, throughputPerHour: { cccd: 6, eid: 18 } })],
  });
}

describe("the campaign's service priority", () => {
  it('CCCD first (the default) fills the evening with CCCD files; people alike takes the faster e-ID accounts', async () => {
    const results = new Map<string, { cccd: number; eid: number }>();
    for (const priority of [undefined, 'cccd', 'equal', 'eid'] as const) {
      const inst = evening(priority);
      const made = await planFrozen(inst);
      expect(verifyPlan(inst, made.routes, made.report).valid).toBe(true);
      results.set(String(priority), made.report.enrolled);
    }
    const cccdFirst = results.get('cccd')!;
    const alike = results.get('equal')!;
    expect(results.get('undefined')).toEqual(cccdFirst);
    expect(cccdFirst.cccd).toBeGreaterThan(15);
    expect(cccdFirst.eid).toBe(0);
    expect(alike.cccd).toBe(0);
    // The price of the priority, in people: an e-ID account takes a third of a CCCD file's time.
    expect(alike.eid).toBeGreaterThan(2.5 * cccdFirst.cccd);
    expect(results.get('eid')).toEqual(alike);
  });

  it('serves the other service with the time the first one leaves', async () => {
    const inst = evening('cccd');
    inst.backlogs = [backlog(1, 200, 10)];
    const made = await planFrozen(inst);
    // Only half the hamlet turns out in an evening: 5 of the 10 CCCD, then e-ID.
    expect(made.report.enrolled.cccd).toBe(5);
    expect(made.report.enrolled.eid).toBeGreaterThan(30);
  });
});
