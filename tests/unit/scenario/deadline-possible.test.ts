/**
 * The proof side of "what would it take": an LP that must bring every hamlet within its
 * residual. Infeasible means no plan can meet the deadline, where the people bound alone
 * (a total, blind to where the people are) cannot say so.
 */
import { describe, expect, it } from 'vitest';
import { deadlinePossibleOf, plan, upperBoundOf } from '../../../src-main/core/planner';
import { applyScenario, extraChanges, peopleToMeet } from '../../../src-main/core/scenario';
import { demoInstance } from '../planner/fixtures';

const withTeams = (k: number) => applyScenario(demoInstance(), extraChanges({ kind: 'teams', likeTeam: 'LD-01' }, k)).instance;

describe('can every hamlet be done by the deadline?', () => {
  it('the demo with the deadline four days early (27/12): the people bound still reaches the need, the every-hamlet LP proves no plan can', async () => {
    const early = applyScenario(demoInstance(), [{ kind: 'deadline', deadline: '2022-12-27' }]).instance;
    expect((await upperBoundOf(early)).people).toBeGreaterThanOrEqual(peopleToMeet(early));
    expect(await deadlinePossibleOf(early)).toBe(false);
  }, 120_000);

  it('the demo as it is: not proven impossible (the relaxation cannot see that kits are short)', async () => {
    expect(await deadlinePossibleOf(withTeams(0))).toBe(true);
  }, 120_000);

  it('never "impossible" where a verified plan meets the deadline', async () => {
    const inst = withTeams(6);
    const result = await plan(inst, { seed: 1, timeLimitSeconds: 5 }, { now: () => 0 });
    if (result.report.deadlineMet) expect(await deadlinePossibleOf(inst)).not.toBe(false);
  }, 120_000);
});
