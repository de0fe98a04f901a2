import { describe, expect, it } from 'vitest';
import { scenarioChange } from '../../src-main/core/model';
import { changesOf, DraftProblem, EMPTY_DRAFT } from '../../src-renderer/features/scenarios/scenario-draft';

describe('the scenario form: what the manager typed, as changes', () => {
  it('an empty form is the base data; every filled group is one change the server accepts', () => {
    expect(changesOf(EMPTY_DRAFT)).toEqual([]);
    const changes = changesOf({
      ...EMPTY_DRAFT, name: 'Mùa mưa', deadline: '2022-12-24', startDate: '2022-11-21', addTeams: '2', likeTeam: 'LD-01', addBase: 'Công an xã Yên Nhân',
      lose: '1', loseKind: 'pickup', loseFrom: '2022-12-01', awayTeams: ['LD-02', 'LD-03'], awayFrom: '2022-12-05', awayTo: '2022-12-11',
      throughputPct: '-10', kitTeams: ['CT-15622'], lengthenShift: 'TOI', lengthenEnd: '22:30', copyShift: 'SANG-T7', copyCode: 'SANG-T2', copyWeekdays: [3, 1],
      removeShift: 'CHIEU-CN', daysOff: ['2022-12-13', '', '2022-12-12', '2022-12-13'], daysOffAs: 'blackout', backlogCommune: '15622', backlogService: 'cccd', backlogPeople: '250', priority: 'equal',
    });
    expect(changes).toEqual([
      { kind: 'deadline', deadline: '2022-12-24' },
      { kind: 'startDate', from: '2022-11-21' },
      { kind: 'addTeams', count: 2, likeTeam: 'LD-01', withVehicles: true, baseName: 'Công an xã Yên Nhân' },
      { kind: 'removeTeams', teams: ['LD-02', 'LD-03'], from: '2022-12-05', to: '2022-12-11' },
      { kind: 'throughput', percent: -10 },
      { kind: 'giveKits', teams: ['CT-15622'] },
      { kind: 'loseVehicles', vehicleKind: 'pickup', count: 1, from: '2022-12-01' },
      { kind: 'lengthenShift', shift: 'TOI', endMin: 1350 },
      { kind: 'addShift', likeShift: 'SANG-T7', code: 'SANG-T2', weekdays: [1, 3] },
      { kind: 'removeShift', shift: 'CHIEU-CN' },
      { kind: 'calendarDays', dates: ['2022-12-12', '2022-12-13'], as: 'blackout' },
      { kind: 'backlog', commune: '15622', service: 'cccd', addPeople: 250 },
      { kind: 'servicePriority', priority: 'equal' },
    ]);
    for (const change of changes) expect(scenarioChange.safeParse(change).success).toBe(true);
  });

  it('what the form can tell is wrong, it names by field before anything is sent', () => {
    const problem = (patch: Partial<typeof EMPTY_DRAFT>): [string, string] | null => {
      try {
        changesOf({ ...EMPTY_DRAFT, ...patch });
        return null;
      } catch (err) {
        return err instanceof DraftProblem ? [err.field, err.key] : null;
      }
    };
    expect(problem({ lengthenShift: 'TOI', lengthenEnd: '25h' })).toEqual(['lengthenEnd', 'scenario.form.badTime']);
    expect(problem({ lengthenShift: 'TOI' })).toEqual(['lengthenEnd', 'scenario.form.newHours']);
    expect(problem({ lengthenShift: 'TOI', lengthenStart: '24:01' })).toEqual(['lengthenStart', 'scenario.form.badTime']);
    expect(problem({ lengthenShift: 'TOI', lengthenStart: '18:00', lengthenEnd: '17:30' })).toEqual(['lengthenEnd', 'scenario.form.endBeforeStart']);
    expect(problem({ copyShift: 'TOI' })).toEqual(['copyCode', 'scenario.form.codeNeeded']);
    expect(problem({ copyShift: 'TOI', copyCode: 'TOI2' })).toEqual(['copyWeekdays', 'scenario.form.daysOrHours']);
    expect(problem({ copyShift: 'TOI', copyCode: 'TOI2', copyStart: '19:00', copyEnd: '18:00' })).toEqual(['copyEnd', 'scenario.form.endBeforeStart']);
    expect(problem({ backlogPct: '10', backlogPeople: '100' })).toEqual(['backlogPeople', 'scenario.form.percentOrPeople']);
    // Teams added like no team: said in the form's words, not the server's schema message.
    expect(problem({ addTeams: '2' })).toEqual(['likeTeam', 'scenario.form.likeTeamNeeded']);
  });

  it('the optional parts are left out when empty: a throughput for a few teams, a copied shift on other hours only, people taken off the backlog', () => {
    const changes = changesOf({
      ...EMPTY_DRAFT, awayTeams: ['LD-01'], throughputPct: '25', throughputTeams: ['LD-02', 'LD-04'],
      copyShift: 'SANG-T2-T6', copyCode: ' SOM ', copyStart: '6h30', copyEnd: '24:00', daysOff: ['', '2023-01-02'], daysOffAs: 'holiday', backlogPeople: '-300',
    });
    expect(changes).toEqual([
      { kind: 'removeTeams', teams: ['LD-01'] },
      { kind: 'throughput', percent: 25, teams: ['LD-02', 'LD-04'] },
      { kind: 'addShift', likeShift: 'SANG-T2-T6', code: 'SOM', startMin: 390, endMin: 1440 },
      { kind: 'calendarDays', dates: ['2023-01-02'], as: 'holiday' },
      { kind: 'backlog', addPeople: -300 },
    ]);
    for (const change of changes) expect(scenarioChange.safeParse(change).success).toBe(true);
    // A row of days with no date in it, ticked teams without a percentage: no change.
    expect(changesOf({ ...EMPTY_DRAFT, daysOff: ['', ''], throughputTeams: ['LD-02'], copyCode: 'X' })).toEqual([]);
  });
});
