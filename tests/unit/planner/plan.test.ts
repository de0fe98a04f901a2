import { describe, expect, it } from 'vitest';
import {
  backlog, demoInstance, enrolledTotal, EVENING, hamlet, instance, MONDAY, planFrozen, road, team, vehicle, WEEKEND,
} from './fixtures';

describe('planner on hand-made instances', () => {
  it('one team, two hamlets: the two-stop route with the quotas worked out by hand', async () => {
    // A: 40 people, half reachable = 20. B: 100 people, half reachable = 50.
    // Evening 18:00-22:00 = 240 min; b->A 10, A->B 10, B->b 15; setup 10 per stop; 20/h.
    // B alone: 50 people (capped by reach). A then B: travel 35 + setup 20 leaves 185 min:
    // A 20 people (60 min), B 41 people (123 of the 125 min left) = 61, the optimum.
    const inst = instance({
      hamlets: [hamlet(1, { population: 40 }), hamlet(2, { population: 100 })],
      backlogs: [backlog(1, 40), backlog(2, 100)],
      travel: [road('b:1', 'h:1', 10, 5), road('h:1', 'h:2', 10, 5), road('h:2', 'b:1', 15, 7.5)],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.violations).toEqual([]);
    expect(routes).toHaveLength(1);
    const route = routes[0]!;
    expect(route.departMin).toBe(1080);
    // Both orders travel 35 min; the first stop's people are served first.
    if (route.stops[0]!.hamletId === 1) {
      expect(route.stops[0]).toMatchObject({ arriveMin: 1090, startMin: 1100, endMin: 1160, quota: { cccd: 0, eid: 20 } });
      expect(route.stops[1]).toMatchObject({ hamletId: 2, arriveMin: 1170, startMin: 1180, endMin: 1303, quota: { cccd: 0, eid: 41 } });
      expect(route.returnMin).toBe(1318);
    } else {
      expect(route.stops[0]).toMatchObject({ hamletId: 2, arriveMin: 1095, startMin: 1105, endMin: 1255, quota: { cccd: 0, eid: 50 } });
      expect(route.stops[1]).toMatchObject({ hamletId: 1, arriveMin: 1265, startMin: 1275, endMin: 1308, quota: { cccd: 0, eid: 11 } });
      expect(route.returnMin).toBe(1318);
    }
    expect(route.distanceM).toBe(17_500);
    expect(route.cost).toBe(52_500);
    expect(report.enrolled).toEqual({ cccd: 0, eid: 61 });
    expect(report.upperBound).toBeGreaterThanOrEqual(61);
  });

  it('a motorbike-only forest hamlet with no motorbike at the base is left, with reason no_vehicle_for_road', async () => {
    const inst = instance({
      hamlets: [hamlet(1), hamlet(2, { roadClass: 'forest', motorbikeOnly: true })],
      backlogs: [backlog(1, 50), backlog(2, 80)],
      vehicles: [vehicle(1, { roadClasses: ['paved', 'dirt', 'forest'], kind: 'pickup' })],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.valid).toBe(true);
    expect(routes.flatMap((r) => r.stops).some((s) => s.hamletId === 2)).toBe(false);
    const short = report.shortfall.find((s) => s.hamletId === 2);
    expect(short?.missing).toEqual({ cccd: 0, eid: 80 });
    expect(short?.reasons).toContain('no_vehicle_for_road');
    expect(enrolledTotal({ routes, report })).toBeLessThanOrEqual(report.upperBound);
  });

  it('a hamlet whose road is cut this month is not visited; the shortfall says road_cut_in_season', async () => {
    const inst = instance({
      hamlets: [hamlet(1), hamlet(2, { cutMonths: [11] })],
      backlogs: [backlog(1, 50), backlog(2, 80)],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.valid).toBe(true);
    expect(routes.flatMap((r) => r.stops).some((s) => s.hamletId === 2)).toBe(false);
    expect(report.shortfall.find((s) => s.hamletId === 2)?.reasons).toContain('road_cut_in_season');
  });

  it('respects the weekly cap, the cap on evenings in a row and days off', async () => {
    const week = { campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-10' } };
    const many = {
      hamlets: [1, 2, 3, 4].map((id) => hamlet(id, { population: 2000 })),
      backlogs: [1, 2, 3, 4].map((id) => backlog(id, 1500)),
      shiftTemplates: [EVENING, WEEKEND],
    };
    const capped = await planFrozen(instance({ ...week, ...many, teams: [team(1, { maxShiftsPerWeek: 3 })] }));
    expect(capped.report.checker.valid).toBe(true);
    expect(capped.routes).toHaveLength(3);

    const evenings = await planFrozen(instance({
      ...week, ...many, shiftTemplates: [EVENING], teams: [team(1, { maxConsecutiveEvenings: 2, daysOff: ['2024-11-07'] })],
    }));
    expect(evenings.report.checker.valid).toBe(true);
    const dates = evenings.routes.map((r) => r.date).sort();
    expect(dates).not.toContain('2024-11-07');
    // Mon-Wed would be three in a row; with Thursday off, at most Mon, Tue, (Wed off or not), Fri.
    const days = dates.map((d) => Number(d.slice(8, 10)));
    for (let i = 2; i < days.length; i++) expect(days[i]! - days[i - 2]!).toBeGreaterThan(2);
    expect(dates.length).toBeGreaterThanOrEqual(3);
  });

  it('a team works no shift on days its base has too few seats free, and the bound counts only the rest', async () => {
    const inst = instance({
      campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' },
      hamlets: [hamlet(1, { population: 2000 })],
      backlogs: [backlog(1, 1500)],
      shiftTemplates: [EVENING],
      teams: [team(1, { size: 4 })],
      // Two motorbikes seat the four; one of them is away Monday to Thursday.
      vehicles: [vehicle(1, { kind: 'motorbike', seats: 2 }),
        vehicle(2, { kind: 'motorbike', seats: 2, unavailable: ['2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07'] })],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.valid).toBe(true);
    expect(routes.map((r) => r.date)).toEqual(['2024-11-08']);
    // One evening at 20 an hour is at most 80 people; five evenings would be 400.
    expect(report.upperBound).toBeLessThanOrEqual(80);
    expect(enrolledTotal({ routes, report })).toBeGreaterThan(60);
  });

  it('never gives CCCD to a team without an enrolment kit', async () => {
    const inst = instance({
      campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' },
      hamlets: [hamlet(1, { population: 400 }), hamlet(2, { population: 400 })],
      backlogs: [backlog(1, 200, 150), backlog(2, 200, 150)],
      teams: [
        team(1, { services: ['cccd', 'eid'], kits: 0, throughputPerHour: { cccd: 12, eid: 20 } }),
        team(2, { services: ['cccd', 'eid'], kits: 1, throughputPerHour: { cccd: 12, eid: 20 } }),
      ],
      vehicles: [vehicle(1), vehicle(2)],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.valid).toBe(true);
    const noKit = routes.filter((r) => r.teamId === 1).flatMap((r) => r.stops);
    expect(noKit.length).toBeGreaterThan(0);
    expect(noKit.every((s) => s.quota.cccd === 0 && s.homeVisits.cccd === 0)).toBe(true);
    expect(routes.filter((r) => r.teamId === 2).flatMap((r) => r.stops).some((s) => s.quota.cccd > 0)).toBe(true);
  });

  it('homebound people are enrolled only by home visits', async () => {
    const inst = instance({
      hamlets: [hamlet(1, { population: 60 })],
      backlogs: [backlog(1, 30, 0, { cccd: 0, eid: 10 })],
    });
    const { routes, report } = await planFrozen(inst);
    expect(report.checker.valid).toBe(true);
    const stop = routes[0]!.stops[0]!;
    expect(stop.quota.eid).toBe(10); // half of the 20 who can come to the venue
    expect(stop.homeVisits.eid).toBe(10);
  });
});

describe('planner on the demo district', () => {
  it('stops soon after shouldStop() says so, still with a checker-valid plan', async () => {
    const { plan } = await import('../../../src-main/core/planner');
    const inst = demoInstance();
    const t0 = Date.now();
    let asked = 0;
    const result = await plan(inst, { seed: 1, timeLimitSeconds: 60 }, {
      now: () => Date.now(),
      shouldStop: () => { asked++; return Date.now() - t0 > 300; },
    });
    expect(asked).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(30_000); // far below the 60 s limit: it stopped
    expect(result.report.checker.valid).toBe(true);
    expect(result.report.enrolled.cccd + result.report.enrolled.eid).toBeLessThanOrEqual(result.report.upperBound);
  });
});
