import { describe, expect, it } from 'vitest';
import type { PlanningInstance, Route } from '../../../src-main/core/model';
import { verifyPlan } from '../../../src-main/core/verify';
import { TravelRules } from '../../../src-main/core/verify/roads';
import { backlog, EVENING, hamlet, instance, MONDAY, road, team, vehicle, WEEKEND } from '../planner/fixtures';

/** A one-stop route by hand: leave at the shift's start, `minutes` each way, 30 min of work. */
function oneStop(date: string, templateId: number, start: number, minutes = 10, eid = 0): Route {
  return {
    date, templateId, teamId: 1, vehicleIds: [1], baseId: 1, departMin: start, returnMin: start + 2 * minutes + 40,
    stops: [{ hamletId: 1, arriveMin: start + minutes, startMin: start + minutes + 10, endMin: start + minutes + 40, quota: { cccd: 0, eid }, homeVisits: { cccd: 0, eid: 0 } }],
    distanceM: 10_000, cost: 30_000, pinned: false,
  };
}

function week(over: Partial<PlanningInstance> = {}): PlanningInstance {
  return instance({
    campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-30' },
    hamlets: [hamlet(1)], backlogs: [backlog(1, 100)], shiftTemplates: [EVENING, WEEKEND],
    travel: [road('b:1', 'h:1', 10, 5)], teams: [team(1, { maxShiftsPerWeek: 1, maxConsecutiveEvenings: 2 })], vehicles: [vehicle(1)],
    ...over,
  });
}

const codes = (inst: PlanningInstance, routes: Route[]): string[] => verifyPlan(inst, routes).violations.map((v) => v.code);

describe('verifier: its own calendar', () => {
  it('a holiday runs only the shifts marked for holidays, a blackout none, a weekday shift not on Saturday', () => {
    const holiday = week({ exceptions: [{ date: '2024-11-06', kind: 'holiday', name: 'Lễ' }] });
    expect(codes(holiday, [oneStop('2024-11-06', EVENING.id, 1080)])).toEqual(['no_such_shift']);
    expect(codes(holiday, [oneStop('2024-11-06', WEEKEND.id, 480)])).toEqual([]);
    const blackout = week({ exceptions: [{ date: '2024-11-09', kind: 'blackout', name: 'Tết' }] });
    expect(codes(blackout, [oneStop('2024-11-09', WEEKEND.id, 480)])).toEqual(['no_such_shift']);
    expect(codes(week(), [oneStop('2024-11-09', EVENING.id, 1080)])).toEqual(['no_such_shift']);
  });

  it('caps count Monday-to-Sunday weeks and evenings on consecutive days only', () => {
    // Sunday then Monday: two weeks, one shift each, within a cap of 1.
    expect(codes(week(), [oneStop('2024-11-10', WEEKEND.id, 480), oneStop('2024-11-11', EVENING.id, 1080)])).toEqual([]);
    expect(codes(week(), [oneStop('2024-11-04', EVENING.id, 1080), oneStop('2024-11-05', EVENING.id, 1080)])).toEqual(['too_many_shifts_in_week']);
    const busy = week({ teams: [team(1, { maxShiftsPerWeek: 7, maxConsecutiveEvenings: 2 })] });
    const evenings = (dates: string[]): Route[] => dates.map((d) => oneStop(d, EVENING.id, 1080));
    // Friday, then Monday and Tuesday: never three in a row.
    expect(codes(busy, evenings(['2024-11-08', '2024-11-11', '2024-11-12']))).toEqual([]);
    expect(codes(busy, evenings(['2024-11-11', '2024-11-12', '2024-11-13']))).toEqual(['too_many_consecutive_evenings']);
  });

  it('two teams at one hamlet in one shift meet the same people: together no more than the shift reaches', () => {
    // 100 people, evening reach 50 %: one evening reaches 50, whoever comes; the next evening 50 % of what is left.
    const fast = { maxShiftsPerWeek: 7, throughputPerHour: { cccd: 0, eid: 120 } };
    const two = week({ teams: [team(1, fast), team(2, fast)], vehicles: [vehicle(1), vehicle(2)] });
    const byTeam = (teamId: number, date: string, eid: number): Route => ({ ...oneStop(date, EVENING.id, 1080, 10, eid), teamId, vehicleIds: [teamId] });
    expect(codes(two, [byTeam(1, '2024-11-04', 30), byTeam(2, '2024-11-04', 20)])).toEqual([]);
    expect(codes(two, [byTeam(1, '2024-11-04', 50), byTeam(2, '2024-11-04', 25)])).toEqual(['turnout_above_reach']);
    expect(codes(two, [byTeam(1, '2024-11-04', 50), byTeam(2, '2024-11-05', 25)])).toEqual([]);
  });

  it('a re-plan from mid-week counts the shifts and evenings worked before its first day', () => {
    const worked = (dates: string[]) => dates.map((date) => ({ teamId: 1, date, templateId: EVENING.id }));
    // Cap 1 a week: Monday worked, so Wednesday's route is one too many; the week before does not count.
    expect(codes({ ...week(), worked: worked(['2024-11-04']) }, [oneStop('2024-11-06', EVENING.id, 1080)])).toEqual(['too_many_shifts_in_week']);
    expect(codes({ ...week(), worked: worked(['2024-11-01']) }, [oneStop('2024-11-06', EVENING.id, 1080)])).toEqual([]);
    // Two evenings in a row at most: Monday and Tuesday worked, Wednesday planned is the third.
    const busy = week({ teams: [team(1, { maxShiftsPerWeek: 7, maxConsecutiveEvenings: 2 })] });
    expect(codes({ ...busy, worked: worked(['2024-11-04', '2024-11-05']) }, [oneStop('2024-11-06', EVENING.id, 1080)])).toEqual(['too_many_consecutive_evenings']);
    expect(codes({ ...busy, worked: worked(['2024-11-04']) }, [oneStop('2024-11-06', EVENING.id, 1080)])).toEqual([]);
  });
});

describe('verifier: its own travel rule', () => {
  const hq = { id: 1, kind: 'hq' as const, name: 'Công an huyện', communeId: null, lat: 19.9, lon: 105.3 };
  const post = { id: 2, kind: 'post' as const, name: 'Công an xã', communeId: 1, lat: 20.0, lon: 105.4 };

  it('estimates a missing pair from coordinates at the worse road’s speed, a measured pair serving both ways', () => {
    const forest = hamlet(1, { lat: 19.95, lon: 105.35, roadClass: 'forest' });
    const rules = new TravelRules([hq], [forest, hamlet(2, { lat: 19.9, lon: 105.31 })], [road('h:2', 'b:1', 7, 3)]);
    // ~7.63 km as the crow flies × 1.45 ≈ 11.07 km at 12 km/h ≈ 56 min; measured 7 min back from hamlet 2.
    const leg = rules.leg('b:1', 'h:1')!;
    expect(leg.distanceM).toBeGreaterThan(11_000);
    expect(leg.distanceM).toBeLessThan(11_150);
    expect(leg.minutes).toBe(56);
    expect(leg.minutes).toBe(Math.ceil((leg.distanceM / 1000 / 12) * 60));
    expect(rules.leg('b:1', 'h:2')).toEqual({ minutes: 7, distanceM: 3000 });
  });

  it('takes the fastest allowed way through a post, but never through a worse road than the trip’s ends', () => {
    const far = hamlet(1, { lat: 20.1, lon: 105.5 });
    const viaPost = [road('b:1', 'b:2', 15, 15), road('b:2', 'h:1', 15, 12)];
    const rules = new TravelRules([hq, post], [far], viaPost);
    expect(rules.leg('b:1', 'h:1')).toEqual({ minutes: 30, distanceM: 27_000 });
    // The same shortcut through a forest hamlet is closed to a trip between paved places.
    const forestMid = hamlet(2, { lat: 20.0, lon: 105.4, roadClass: 'forest' });
    const closed = new TravelRules([hq], [far, forestMid], [road('b:1', 'h:2', 15, 15), road('h:2', 'h:1', 15, 12)]);
    expect(closed.leg('b:1', 'h:1')!.minutes).toBeGreaterThan(30);
  });

  it('flags a route that drives faster than any allowed way, and accepts one at exactly that pace', () => {
    const inst = week();
    expect(codes(inst, [oneStop('2024-11-04', EVENING.id, 1080, 10)])).toEqual([]);
    const rushed = oneStop('2024-11-04', EVENING.id, 1080, 10);
    rushed.stops[0]!.arriveMin -= 1;
    expect(codes(inst, [rushed])).toEqual(['travel_too_fast']);
  });
});

describe('verifier: what a chief reads', () => {
  it('names the day, the shift, the team and the hamlet, in dd/MM/yyyy', () => {
    const late = oneStop('2024-11-04', EVENING.id, 1080);
    late.returnMin = 1330;
    const [v] = verifyPlan(week(), [late]).violations;
    expect(v).toMatchObject({ code: 'late_return', routeIndex: 0, params: { date: '04/11/2024', shift: 'Tối T2-T6', team: 'Tổ 1', places: 'Thôn 1', back: '22:10', end: '22:00' } });
    expect(v!.message).toBe('04/11/2024 Tối T2-T6, Tổ 1, Thôn 1: back at 22:10, the shift ends at 22:00');
  });
});
