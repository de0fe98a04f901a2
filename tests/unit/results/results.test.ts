import { describe, expect, it } from 'vitest';
import type { Backlog, Team } from '../../../src-main/core/model';
import {
  actualBurndown, backlogStatus, dailyProgress, excessOver, groupProgress, plannedTeamHours, progressAsOf, remainingBacklogs, visitOutcome,
  type PlannedVisit, type VisitOutcome,
} from '../../../src-main/core/results';

const ps = (cccd: number, eid: number) => ({ cccd, eid });
const backlog = (hamletId: number, remaining: [number, number], homebound: [number, number] = [0, 0]): Backlog => ({
  hamletId, remaining: ps(...remaining), homebound: ps(...homebound), countedOn: '2022-11-17',
});
const result = (hamletId: number, enrolled: [number, number], home: [number, number] = [0, 0]) => ({
  hamletId, enrolled: ps(...enrolled), homeVisits: ps(...home),
});

describe('remaining backlog', () => {
  it('is the register backlog less venue and home enrolments, per hamlet and service', () => {
    const status = backlogStatus([backlog(1, [10, 100], [2, 5]), backlog(2, [0, 50])], [
      result(1, [3, 40], [1, 2]), result(1, [2, 10], [0, 3]), result(2, [0, 20]),
    ]);
    expect(status[0]).toMatchObject({ initial: ps(10, 100), done: ps(5, 50), remaining: ps(5, 50), over: ps(0, 0) });
    expect(status[0]!.homebound).toEqual({ initial: ps(2, 5), done: ps(1, 5), remaining: ps(1, 0) });
    expect(status[1]).toMatchObject({ done: ps(0, 20), remaining: ps(0, 30) });
  });

  it('never goes below zero, and reports what the register missed', () => {
    const [s] = backlogStatus([backlog(1, [4, 10], [3, 0])], [result(1, [6, 10])]);
    expect(s).toMatchObject({ remaining: ps(0, 0), over: ps(2, 0) });
    // Homebound left can never exceed what is left in all.
    expect(s!.homebound.remaining).toEqual(ps(0, 0));
  });

  it('hands the planner backlogs with the remaining figures, the hamlets without results untouched', () => {
    const input = [backlog(1, [10, 100], [2, 5]), backlog(2, [7, 70], [1, 1])];
    const out = remainingBacklogs(input, [result(1, [4, 30], [2, 0])]);
    expect(out[0]).toEqual({ ...input[0], remaining: ps(6, 70), homebound: ps(0, 5) });
    expect(out[1]).toEqual(input[1]);
  });

  it('measures a result beyond what is left', () => {
    expect(excessOver(ps(5, 20), ps(7, 20))).toEqual(ps(2, 0));
    expect(excessOver(ps(5, 20), ps(5, 3))).toEqual(ps(0, 0));
  });
});

describe('a typed outcome', () => {
  const ok = { enrolled: ps(3, 10), homeVisits: ps(1, 0), note: '', notDone: null };
  it('accepts home visits within the enrolled', () => expect(visitOutcome.safeParse(ok).success).toBe(true));
  it('refuses more home visits than enrolled, naming the field', () => {
    const r = visitOutcome.safeParse({ ...ok, homeVisits: ps(4, 0) });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['homeVisits', 'cccd']);
  });
  it('refuses counts on a visit marked not done, and negative counts', () => {
    expect(visitOutcome.safeParse({ ...ok, notDone: 'rain_road_cut' }).error!.issues[0]!.path).toEqual(['enrolled', 'cccd']);
    expect(visitOutcome.safeParse({ ...ok, enrolled: ps(-1, 0), homeVisits: ps(0, 0) }).error!.issues[0]!.path).toEqual(['enrolled', 'cccd']);
  });
});

const team = (id: number, cccd: number, eid: number, home: number): Team => ({
  id, code: `T${id}`, name: `Tổ ${id}`, kind: 'mobile', baseId: 1, size: 4, services: ['cccd', 'eid'], kits: 1,
  throughputPerHour: ps(cccd, eid), homeThroughputPerHour: home, setupMinutes: 15, allowedShiftKinds: ['weekday_evening'],
  maxShiftsPerWeek: 7, maxConsecutiveEvenings: 7, daysOff: [],
});
let nextId = 1;
const visit = (date: string, teamId: number, communeId: number, quota: [number, number], home: [number, number] = [0, 0]): PlannedVisit => ({
  visitId: nextId++, date, teamId, communeId, hamletId: 100 + communeId, startMin: 1095, endMin: 1320, quota: ps(...quota), homeVisits: ps(...home),
});
const done = (enrolled: [number, number], home: [number, number] = [0, 0]): VisitOutcome => ({
  enrolled: ps(...enrolled), homeVisits: ps(...home), note: '', notDone: null,
});
const notDone: VisitOutcome = { enrolled: ps(0, 0), homeVisits: ps(0, 0), note: '', notDone: 'rain_road_cut' };

describe('actual against plan', () => {
  const a = visit('2022-11-28', 1, 1, [10, 20]);
  const b = visit('2022-11-28', 2, 2, [0, 40]);
  const c = visit('2022-11-29', 1, 1, [5, 25], [0, 6]);
  const d = visit('2022-11-30', 2, 2, [0, 30]);
  const visits = [a, b, c, d];
  const outcomes = new Map([[a.visitId, done([10, 20])], [b.visitId, done([0, 20])], [c.visitId, notDone]]);

  it('cumulates planned and recorded per day, nothing recorded compared after the as-of date', () => {
    const days = dailyProgress(visits, outcomes, '2022-11-29');
    expect(days.map((x) => [x.date, x.plannedCumulative, x.actualCumulative])).toEqual([
      ['2022-11-28', 70, 50], ['2022-11-29', 106, 50], ['2022-11-30', 136, null],
    ]);
    expect(days[0]).toMatchObject({ planned: ps(10, 60), actual: ps(10, 40), visits: 2, recorded: 2 });
  });

  it('says how far behind plan, in people and share, with visits not done and not yet recorded', () => {
    const p = progressAsOf(visits, outcomes, '2022-11-30');
    expect(p).toMatchObject({ planned: ps(15, 121), actual: ps(10, 40), behind: 86, visits: 4, recorded: 3, notDone: 1, unrecorded: 1 });
    expect(p.behindShare).toBeCloseTo(86 / 136);
  });

  it('is ahead (negative) when more people came than planned', () => {
    const p = progressAsOf([a], new Map([[a.visitId, done([12, 30])]]), '2022-11-28');
    expect(p.behind).toBe(-12);
    expect(p.behindShare).toBeCloseTo(-12 / 30);
  });

  it('books team-hours at the team rates, venue per service and home visits at the home rate', () => {
    expect(plannedTeamHours(c, team(1, 5, 25, 3))).toBeCloseTo(1 + 1 + 2);
    expect(plannedTeamHours(c, undefined)).toBe(0);
  });

  it('ranks communes and teams furthest behind first, with measured rate against assumed', () => {
    const teams = [team(1, 10, 20, 4), team(2, 10, 20, 4)];
    const byTeam = groupProgress(visits, outcomes, teams, '2022-11-30', 'teamId');
    expect(byTeam.map((g) => g.id)).toEqual([2, 1]);
    const [t2, t1] = byTeam;
    // Team 2: visit b took place (2 h at 20 e-ID/h, 20 came), visit d not recorded.
    expect(t2).toMatchObject({ behind: 50, teamHours: 2, assumedRate: 20, measuredRate: 10, unrecorded: 1 });
    // Team 1: visit a as planned (1 h + 1 h), visit c called off: it does not count in the rates.
    expect(t1).toMatchObject({ behind: 36, teamHours: 2, assumedRate: 15, measuredRate: 15, notDone: 1 });
    const byCommune = groupProgress(visits, outcomes, teams, '2022-11-28', 'communeId');
    expect(byCommune.map((g) => [g.id, g.behind])).toEqual([[2, 20], [1, 0]]);
  });

  it('has no rate for a group whose visits did not take place', () => {
    const [g] = groupProgress([c], new Map([[c.visitId, notDone]]), [team(1, 5, 25, 3)], '2022-11-30', 'teamId');
    expect(g).toMatchObject({ teamHours: 0, assumedRate: null, measuredRate: null, behind: 36 });
  });

  it('draws the actual burn-down from the register backlog and the dates of the results', () => {
    const points = actualBurndown(ps(100, 500), [
      { date: '2022-11-27', enrolled: ps(1, 10) }, { date: '2022-11-29', enrolled: ps(4, 40) }, { date: '2022-11-29', enrolled: ps(0, 50) },
    ], '2022-11-28', '2022-11-30');
    expect(points).toEqual([
      { date: '2022-11-28', remaining: ps(99, 490) },
      { date: '2022-11-29', remaining: ps(95, 400) },
      { date: '2022-11-30', remaining: ps(95, 400) },
    ]);
  });
});
