import { describe, expect, it } from 'vitest';
import type { PlanningInstance, Route } from '../../../src-main/core/model';
import { checkPlan } from '../../../src-main/core/planner';
import { backlog, EVENING, hamlet, instance, MONDAY, planFrozen, road, team, vehicle, WEEKEND } from './fixtures';

/** Two teams at one base, two cars and a motorbike, a busy week: a plan with a few routes. */
function busyWeek(): PlanningInstance {
  return instance({
    campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-08' },
    hamlets: [1, 2, 3].map((id) => hamlet(id, { population: 600 })),
    backlogs: [1, 2, 3].map((id) => backlog(id, 500, 40, { cccd: 0, eid: 20 })),
    teams: [team(1, { services: ['cccd', 'eid'], kits: 1, throughputPerHour: { cccd: 10, eid: 20 } }), team(2)],
    vehicles: [vehicle(1), vehicle(2), vehicle(3, { kind: 'motorbike', seats: 2, costPerKm: 800, roadClasses: ['paved', 'dirt', 'forest'] })],
  });
}

const clone = (routes: readonly Route[]): Route[] => JSON.parse(JSON.stringify(routes)) as Route[];
const codes = (inst: PlanningInstance, routes: readonly Route[]): string[] => checkPlan(inst, routes).violations.map((v) => v.code);

describe('independent checker', () => {
  it('accepts the planner’s plan and catches hand-broken copies of it', async () => {
    const inst = busyWeek();
    const { routes, report } = await planFrozen(inst);
    expect(checkPlan(inst, routes, report)).toEqual({ valid: true, violations: [] });
    const sameShift = routes.findIndex((r, i) => routes.some((o, j) => j !== i && o.date === r.date && o.templateId === r.templateId));
    expect(sameShift).toBeGreaterThanOrEqual(0);
    const a = routes[sameShift]!;
    const b = routes.findIndex((o) => o !== a && o.date === a.date && o.templateId === a.templateId);

    const late = clone(routes);
    late[sameShift]!.returnMin = 1330;
    expect(codes(inst, late)).toContain('late_return');
    const lateMessage = checkPlan(inst, late).violations.find((v) => v.code === 'late_return')!;
    expect(lateMessage.routeIndex).toBe(sameShift);
    expect(lateMessage.message).toContain(a.date);
    expect(lateMessage.message).toContain(inst.teams.find((t) => t.id === a.teamId)!.code);
    expect(lateMessage.message).toContain(inst.hamlets.find((h) => h.id === a.stops[0]!.hamletId)!.name);

    const seats = clone(routes);
    seats[sameShift]!.vehicleIds = [3];
    seats[sameShift]!.cost = Math.round((seats[sameShift]!.distanceM * 800) / 1000);
    expect(codes(inst, seats)).toContain('too_few_seats');

    const twice = clone(routes);
    twice[b]!.vehicleIds = [...a.vehicleIds];
    expect(codes(inst, twice)).toContain('vehicle_overlap');

    const greedy = clone(routes);
    const stop = greedy[sameShift]!.stops[0]!;
    stop.quota.eid += 400;
    stop.endMin = Math.min(1320, stop.endMin);
    expect(codes(inst, greedy)).toContain('turnout_above_reach');

    const kitless = clone(routes);
    const team2 = kitless.find((r) => r.teamId === 2)!;
    team2.stops[0]!.quota.cccd += 1;
    expect(codes(inst, kitless)).toContain('cccd_without_kit');

    const early = clone(routes);
    early[sameShift]!.stops[0]!.arriveMin -= 5;
    expect(codes(inst, early)).toContain('travel_too_fast');
  });

  it('two teams at one hamlet in one shift share what the shift reaches (50 of 100 at 50 %), not 50 then 25', () => {
    const fast = { throughputPerHour: { cccd: 0, eid: 120 } };
    const inst = instance({
      campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-30' }, hamlets: [hamlet(1)], backlogs: [backlog(1, 100)],
      shiftTemplates: [EVENING, WEEKEND], travel: [road('b:1', 'h:1', 10, 5)], teams: [team(1, fast), team(2, fast)], vehicles: [vehicle(1), vehicle(2)],
    });
    const visit = (teamId: number, eid: number): Route => ({
      date: MONDAY, templateId: EVENING.id, teamId, vehicleIds: [teamId], baseId: 1, departMin: 1080, returnMin: 1140, distanceM: 10_000, cost: 30_000, pinned: false,
      stops: [{ hamletId: 1, arriveMin: 1090, startMin: 1100, endMin: 1130, quota: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: 0 } }],
    });
    expect(codes(inst, [visit(1, 30), visit(2, 20)])).toEqual([]);
    expect(codes(inst, [visit(1, 50), visit(2, 25)])).toEqual(['turnout_above_reach']);
  });

  it('checks the report against the routes and pinned routes against the instance', async () => {
    const inst = busyWeek();
    const { routes, report } = await planFrozen(inst);
    expect(checkPlan(inst, routes, { ...report, enrolled: { ...report.enrolled, eid: report.enrolled.eid + 1 } }).violations.map((v) => v.code))
      .toContain('report_mismatch');
    const withPin = clone(routes);
    withPin[0]!.pinned = true;
    const pinned = { ...inst, pinned: [withPin[0]!] };
    expect(checkPlan(pinned, withPin).valid).toBe(true);
    const moved = clone(withPin);
    moved[0]!.stops[0]!.quota.eid -= 1;
    expect(checkPlan(pinned, moved).violations.map((v) => v.code)).toContain('pinned_changed');
  });

  it('flags caps, days off and shift kinds the team may not work', async () => {
    const inst = busyWeek();
    const { routes } = await planFrozen(inst);
    const r = routes.find((x) => x.teamId === 1)!;
    const offDay = { ...inst, teams: inst.teams.map((t) => (t.id === 1 ? { ...t, daysOff: [r.date] } : t)) };
    expect(codes(offDay, routes)).toContain('day_off');
    const noEvenings = { ...inst, teams: inst.teams.map((t) => (t.id === 1 ? { ...t, allowedShiftKinds: ['weekend' as const] } : t)) };
    expect(codes(noEvenings, routes)).toContain('shift_kind_not_allowed');
    const oneAWeek = { ...inst, teams: inst.teams.map((t) => (t.id === 1 ? { ...t, maxShiftsPerWeek: 1 } : t)) };
    expect(codes(oneAWeek, routes)).toContain('too_many_shifts_in_week');
    const twoInARow = { ...inst, teams: inst.teams.map((t) => (t.id === 1 ? { ...t, maxConsecutiveEvenings: 1 } : t)) };
    expect(codes(twoInARow, routes)).toContain('too_many_consecutive_evenings');
  });
});
