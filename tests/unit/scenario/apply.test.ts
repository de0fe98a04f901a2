import { describe, expect, it } from 'vitest';
import { planningInstance, scenarioChange, type PlanningInstance, type ScenarioChange } from '../../../src-main/core/model';
import { applyScenario } from '../../../src-main/core/scenario';
import { demoInstance, planFrozen } from '../planner/fixtures';

const demo = demoInstance();
const people = (inst: PlanningInstance, service: 'cccd' | 'eid'): number => inst.backlogs.reduce((s, b) => s + b.remaining[service], 0);
const apply = (...changes: ScenarioChange[]) => applyScenario(demo, changes.map((c) => scenarioChange.parse(c)));

describe('scenario changes, applied on top of the base data', () => {
  it('never touch the base instance, and give a valid planning instance', () => {
    const before = JSON.stringify(demo);
    const team = demo.teams[0]!.code;
    const { instance, problems } = apply(
      { kind: 'deadline', deadline: '2023-01-15' },
      { kind: 'addTeams', count: 3, likeTeam: team, withVehicles: true },
      { kind: 'removeTeams', teams: [demo.teams[1]!.code], from: '2022-12-01', to: '2022-12-07' },
      { kind: 'throughput', percent: 20 },
      { kind: 'giveKits', teams: demo.teams.filter((t) => t.kits === 0).slice(0, 2).map((t) => t.code) },
      { kind: 'loseVehicles', vehicleKind: 'car', count: 2 },
      { kind: 'addVehicles', vehicleKind: 'motorbike', count: 4 },
      { kind: 'addShift', likeShift: demo.shiftTemplates[0]!.code, code: 'T7-TOI', weekdays: [6] },
      { kind: 'lengthenShift', shift: demo.shiftTemplates[0]!.code, endMin: 1350 },
      { kind: 'calendarDays', dates: ['2022-12-24'], as: 'blackout' },
      { kind: 'backlog', percent: 10 },
    );
    expect(problems).toEqual([]);
    expect(JSON.stringify(demo)).toBe(before);
    expect(() => planningInstance.parse(instance)).not.toThrow();
    expect(instance.teams).toHaveLength(demo.teams.length + 3);
    expect(new Set(instance.teams.map((t) => t.id)).size).toBe(instance.teams.length);
    expect(new Set(instance.vehicles.map((v) => v.code)).size).toBe(instance.vehicles.length);
  });

  it('borrowed teams come with vehicles that seat them, at the base asked for', () => {
    const like = demo.teams.find((t) => t.size > 2)!;
    const post = demo.bases.find((b) => b.kind === 'post' && b.id !== like.baseId)!;
    const { instance } = apply({ kind: 'addTeams', count: 2, likeTeam: like.code, baseName: post.name, withVehicles: true });
    const added = instance.teams.slice(demo.teams.length);
    expect(added.map((t) => t.baseId)).toEqual([post.id, post.id]);
    const newSeats = instance.vehicles.slice(demo.vehicles.length).reduce((s, v) => s + v.seats, 0);
    expect(newSeats).toBeGreaterThanOrEqual(2 * like.size);
    expect(instance.vehicles.slice(demo.vehicles.length).every((v) => v.baseId === post.id)).toBe(true);
  });

  it('losing vehicles takes them away for the whole range; more than exist is refused, naming the field', () => {
    const cars = demo.vehicles.filter((v) => v.kind === 'car').length;
    const { instance } = apply({ kind: 'loseVehicles', vehicleKind: 'car', count: 2, from: '2022-12-01', to: '2022-12-10' });
    const lost = instance.vehicles.filter((v) => v.unavailable.includes('2022-12-05') && !demo.vehicles.find((d) => d.id === v.id)!.unavailable.includes('2022-12-05'));
    expect(lost).toHaveLength(2);
    expect(lost.every((v) => v.kind === 'car' && v.unavailable.includes('2022-12-01') && v.unavailable.includes('2022-12-10') && !v.unavailable.includes('2022-12-11'))).toBe(true);
    expect(apply({ kind: 'loseVehicles', vehicleKind: 'car', count: cars + 1 }).problems).toEqual([
      expect.objectContaining({ change: 0, field: 'count', key: 'tooMany', params: { have: cars, kind: 'car', count: cars + 1 } }),
    ]);
  });

  it('a backlog change by people adds exactly that many, in proportion; below zero is refused', () => {
    const commune = demo.communes[0]!;
    const inCommune = (inst: PlanningInstance): number => inst.backlogs
      .filter((b) => demo.hamlets.find((h) => h.id === b.hamletId)!.communeId === commune.id).reduce((s, b) => s + b.remaining.eid, 0);
    const { instance } = apply({ kind: 'backlog', commune: commune.code, service: 'eid', addPeople: 1234 });
    expect(inCommune(instance)).toBe(inCommune(demo) + 1234);
    expect(people(instance, 'cccd')).toBe(people(demo, 'cccd'));
    expect(instance.backlogs.every((b) => b.homebound.eid <= b.remaining.eid)).toBe(true);
    expect(people(apply({ kind: 'backlog', percent: -100 }).instance, 'eid')).toBe(0);
    expect(apply({ kind: 'backlog', service: 'cccd', addPeople: -(people(demo, 'cccd') + 1) }).problems).toEqual([
      expect.objectContaining({ field: 'addPeople', key: 'belowZero' }),
    ]);
  });

  it('unknown codes and a deadline before the start are problems naming the field', () => {
    const { problems } = apply(
      { kind: 'addTeams', count: 1, likeTeam: 'KHONG-CO', withVehicles: true },
      { kind: 'removeShift', shift: 'KHONG-CO' },
      { kind: 'deadline', deadline: '2022-11-01' },
    );
    expect(problems.map((p) => [p.change, p.field, p.key])).toEqual([
      [0, 'likeTeam', 'unknownTeam'], [1, 'shift', 'unknownShift'], [2, 'deadline', 'deadlineBeforeStart'],
    ]);
  });

  it('refuses absurd input at the boundary with the field named', () => {
    const bad = scenarioChange.safeParse({ kind: 'addTeams', count: -3, likeTeam: 'X' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['count']);
    expect(scenarioChange.safeParse({ kind: 'backlog', percent: 5, addPeople: 3 }).success).toBe(false);
  });

  it('a scenario that leaves no team able to work says so in its verdict, and does not fail', async () => {
    const { instance, problems } = apply({ kind: 'removeTeams', teams: demo.teams.map((t) => t.code) });
    expect(problems).toEqual([]);
    const { routes, report } = await planFrozen(instance);
    expect(routes).toEqual([]);
    expect(report.deadlineMet).toBe(false);
    expect(report.shortfall.length).toBeGreaterThan(100);
    expect(new Set(report.shortfall.flatMap((h) => h.reasons))).toEqual(new Set(['no_team_available']));
  });
});
