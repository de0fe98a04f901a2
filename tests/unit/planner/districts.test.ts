import { describe, expect, it } from 'vitest';
import type { PlanningInstance } from '../../../src-main/core/model';
import { splitByDistrict } from '../../../src-main/core/planner/districts';
import { startPlanning } from '../../../src-main/workers/run-planner';
import { backlog, EVENING, hamlet, instance, MONDAY, road, team, vehicle } from './fixtures';

/**
 * Two districts: area 1 (commune 1, its post b:2, hamlets 1-2) and area 2 (commune 2,
 * hamlets 3-4), whose HQ b:1 has no commune but stands next to commune 2.
 */
function twoDistricts(): PlanningInstance {
  const week = { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' };
  const pinnedRoute = {
    date: '2024-11-05', templateId: EVENING.id, teamId: 2, vehicleIds: [2], baseId: 2, departMin: 1080, returnMin: 1190,
    stops: [{ hamletId: 1, arriveMin: 1090, startMin: 1100, endMin: 1180, quota: { cccd: 0, eid: 20 }, homeVisits: { cccd: 0, eid: 0 } }],
    distanceM: 10000, cost: 30000, pinned: true,
  };
  return instance({
    campaign: week,
    communes: [
      { id: 1, areaId: 1, code: 'X1', name: 'Xã Một', lat: 19.9, lon: 105.3, population: 1000 },
      { id: 2, areaId: 2, code: 'X2', name: 'Xã Hai', lat: 20.3, lon: 105.8, population: 1000 },
    ],
    bases: [
      { id: 1, kind: 'hq', name: 'Công an huyện Hai', communeId: null, lat: 20.31, lon: 105.79 },
      { id: 2, kind: 'post', name: 'Công an xã Một', communeId: 1, lat: 19.9, lon: 105.3 },
    ],
    hamlets: [
      hamlet(1, { communeId: 1, lat: 19.91, lon: 105.31 }), hamlet(2, { communeId: 1, lat: 19.92, lon: 105.29 }),
      hamlet(3, { communeId: 2, lat: 20.31, lon: 105.81 }), hamlet(4, { communeId: 2, lat: 20.29, lon: 105.8 }),
    ],
    backlogs: [backlog(1, 60), backlog(2, 50), backlog(3, 70), backlog(4, 40)],
    teams: [team(1, { baseId: 1 }), team(2, { baseId: 2 })],
    vehicles: [vehicle(1, { baseId: 1 }), vehicle(2, { baseId: 2 })],
    travel: [road('b:1', 'h:3', 12), road('b:2', 'h:1', 10), road('b:1', 'h:1', 90)],
    pinned: [pinnedRoute],
    shiftTemplates: [EVENING],
  });
}

describe('planning a database of several districts', () => {
  it('splits it into districts: a post goes with its commune, an HQ with the commune nearest to it', () => {
    const parts = splitByDistrict(twoDistricts());
    expect(parts.map((p) => p.areaId)).toEqual([1, 2]);
    const [one, two] = parts.map((p) => p.instance);
    expect(one!.hamlets.map((h) => h.id)).toEqual([1, 2]);
    expect(one!.teams.map((t) => t.id)).toEqual([2]);
    expect(one!.vehicles.map((v) => v.id)).toEqual([2]);
    expect(one!.pinned).toHaveLength(1);
    expect(two!.bases.map((b) => b.id)).toEqual([1]);
    expect(two!.teams.map((t) => t.id)).toEqual([1]);
    expect(two!.backlogs.map((b) => b.hamletId)).toEqual([3, 4]);
    // The road measured from the HQ to a hamlet of the other district belongs to neither.
    expect([...one!.travel, ...two!.travel].map((p) => `${p.from}-${p.to}`)).toEqual(['b:2-h:1', 'b:1-h:3']);
  });

  it('a single district is planned as it is', () => {
    const inst = instance({ hamlets: [hamlet(1)], backlogs: [backlog(1, 30)] });
    expect(splitByDistrict(inst)).toEqual([{ areaId: 1, instance: inst }]);
  });

  it('plans each district with its own teams and merges the plans: figures add up, the checker passes', async () => {
    const inst = twoDistricts();
    const shares: number[] = [];
    const { routes, report } = await startPlanning(inst, { seed: 1, timeLimitSeconds: 2 }, (p) => shares.push(p.placedShare)).result;
    expect(report.checker.violations).toEqual([]);
    expect(report.checker.valid).toBe(true);
    const districtOfHamlet = (id: number): number => (id <= 2 ? 1 : 2);
    const districtOfTeam = (id: number): number => (id === 2 ? 1 : 2);
    for (const r of routes) for (const s of r.stops) expect(districtOfHamlet(s.hamletId)).toBe(districtOfTeam(r.teamId));
    // Both districts got visits, and the pinned route is kept as it was.
    expect(new Set(routes.map((r) => r.teamId))).toEqual(new Set([1, 2]));
    expect(routes.filter((r) => r.pinned)).toEqual(inst.pinned);
    const enrolled = routes.reduce((s, r) => s + r.stops.reduce((a, st) => a + st.quota.eid + st.homeVisits.eid, 0), 0);
    expect(report.enrolled.eid).toBe(enrolled);
    expect(report.backlog.eid).toBe(220);
    expect(report.upperBound).toBeGreaterThanOrEqual(enrolled);
    expect(report.burndown[0]!.remaining.eid).toBeLessThanOrEqual(220);
    expect(shares.length).toBeGreaterThan(0);
  });

  it('cancelling stops every district and leaves no result', async () => {
    const job = startPlanning(twoDistricts(), { seed: 1, timeLimitSeconds: 30 }, () => undefined);
    job.cancel();
    await expect(job.result).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
