/**
 * Issue 13, the sense a manager relies on: more resources never lower the upper bound (so
 * "with one fewer no plan can" is a proof), fewer never raise it.
 */
import { describe, expect, it } from 'vitest';
import { upperBoundOf } from '../../../src-main/core/planner';
import { applyScenario, extraChanges } from '../../../src-main/core/scenario';
import { demoInstance } from '../planner/fixtures';

describe('the bound moves with the resources', () => {
  it('on the demo: adding teams never lowers it, losing vehicles or teams never raises it', async () => {
    const base = demoInstance();
    const bound = async (changes: Parameters<typeof applyScenario>[1]): Promise<number> => {
      const { instance, problems } = applyScenario(base, changes);
      expect(problems).toEqual([]);
      const b = await upperBoundOf(instance, 120);
      expect(b.source).toBe('lp');
      return b.people;
    };
    const none = await bound([]);
    const plus2 = await bound(extraChanges({ kind: 'teams', likeTeam: 'LD-01' }, 2));
    const lose = await bound([{ kind: 'loseVehicles', vehicleKind: 'car', count: 2 }]);
    const fewer = await bound([{ kind: 'removeTeams', teams: ['LD-01', 'LD-02', 'LD-03', 'LD-04'] }]);
    expect(plus2).toBeGreaterThanOrEqual(none);
    expect(lose).toBeLessThanOrEqual(none);
    expect(fewer).toBeLessThan(none);
  }, 120_000);
});
