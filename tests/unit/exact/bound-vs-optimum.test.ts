import { describe, expect, it } from 'vitest';
import {
  boundCaseInstance, ExactScopeError, runBoundCase, solveExact, tinyShortageInstance, type TinySize,
} from '../../../src-main/core/exact';
import { planningInstance, type PlanningInstance } from '../../../src-main/core/model';
import { upperBoundOf } from '../../../src-main/core/planner';
import { verifyPlan } from '../../../src-main/core/verify';

/**
 * Issue 15, part 4: the planner's LP upper bound against true optima. On tiny districts
 * short of capacity, HiGHS proves the optimum of an exact model of the rules (core/exact),
 * and for every case: bound ≥ optimum ≥ what the planner enrols, and both plans pass the
 * verifier. The long version is `npm run bench:exact`.
 */
// The low end of the tiny sizes: each proof takes well under a few seconds (the larger ones
// in the bench can take a minute).
const SIZE: TinySize = { hamlets: [2, 4], teams: [1, 3], days: [3, 5] };
const SEEDS = Array.from({ length: 36 }, (_, i) => i + 1);
// Where the demo's gap lives: home visits fill whatever time the rest leaves.
const HOMEBOUND_SEEDS = Array.from({ length: 8 }, (_, i) => i + 101);

describe('the LP bound against exact optima (tiny districts short of capacity)', () => {
  it.each(SEEDS)('seed %i: bound ≥ proven optimum ≥ planned, both plans valid', async (seed) => {
    const c = await runBoundCase(seed, { planSeconds: 0.5, exactSeconds: 30, size: SIZE, now: () => performance.now() });
    expect(c.status, 'HiGHS proves the optimum').toBe('Optimal');
    const optimum = c.optimum!;
    expect(c.optimumViolations, 'the optimal plan passes the verifier and the checker').toEqual([]);
    expect(c.plannerViolations, "the planner's plan passes the verifier and the checker").toEqual([]);
    expect(c.upperBound, 'no plan beats the bound').toBeGreaterThanOrEqual(optimum);
    expect(optimum, 'the planner does not beat the optimum').toBeGreaterThanOrEqual(c.planned);
    expect(optimum, 'capacity is short of the backlog').toBeLessThan(c.backlog);
  });

  it.each(HOMEBOUND_SEEDS)('seed %i with two fifths (40 per cent) of every backlog homebound: bound ≥ proven optimum ≥ planned, both plans valid', async (seed) => {
    const c = await runBoundCase(seed, { planSeconds: 0.5, exactSeconds: 30, size: SIZE, homeboundShare: 0.4, now: () => performance.now() });
    expect(c.status, 'HiGHS proves the optimum').toBe('Optimal');
    expect(c.optimumViolations).toEqual([]);
    expect(c.plannerViolations).toEqual([]);
    expect(c.upperBound, 'no plan beats the bound').toBeGreaterThanOrEqual(c.optimum!);
    expect(c.optimum!, 'the planner does not beat the optimum').toBeGreaterThanOrEqual(c.planned);
  });

  it('a homebound share replaces the generated homebound and keeps the backlog', () => {
    const generated = tinyShortageInstance(5, SIZE);
    const heavy = boundCaseInstance(5, { size: SIZE, homeboundShare: 0.4 });
    expect(heavy.backlogs.map((b) => b.remaining)).toEqual(generated.backlogs.map((b) => b.remaining));
    expect(heavy.backlogs.map((b) => b.homebound)).toEqual(generated.backlogs.map((b) => ({ cccd: Math.floor(0.4 * b.remaining.cccd), eid: Math.floor(0.4 * b.remaining.eid) })));
    expect(() => planningInstance.parse(heavy)).not.toThrow();
  });

  it('the generator is deterministic and gives valid instances', () => {
    for (const seed of [1, 2, 3]) {
      const a = tinyShortageInstance(seed, SIZE);
      expect(tinyShortageInstance(seed, SIZE)).toEqual(a);
      expect(() => planningInstance.parse(a)).not.toThrow();
    }
    expect(tinyShortageInstance(1)).not.toEqual(tinyShortageInstance(2));
  });

  it("the model's cuts only speed it up: the same optima without them", async () => {
    for (const seed of [4, 6, 7]) {
      const inst = tinyShortageInstance(seed, SIZE);
      const [withCuts, without] = [await solveExact(inst), await solveExact(inst, { cuts: false })];
      expect(without.status).toBe('Optimal');
      expect(without.optimum).toBe(withCuts.optimum);
    }
  });
});

describe('the exact model on hand-checked instances', () => {
  it('turnout shrinks visit by visit: 5 then 2 then 1 of 10 people at reach 50%', async () => {
    for (const [days, best] of [[1, 5], [2, 7], [3, 8]] as const) {
      const inst = oneHamlet(days, [{ id: 1, eidPerHour: 60 }]);
      const exact = await solveExact(inst);
      expect(exact.optimum).toBe(best);
      expect(verifyPlan(inst, exact.routes).violations).toEqual([]);
    }
  });

  it('two teams at one hamlet in one shift meet the same people: 5 of 10 between them, not 5 then 2', async () => {
    const inst = oneHamlet(1, [{ id: 1, eidPerHour: 60 }, { id: 2, eidPerHour: 60 }]);
    const exact = await solveExact(inst);
    expect(exact.optimum).toBe(5);
    expect(verifyPlan(inst, exact.routes).violations).toEqual([]);
  });

  it('the bound counts one turnout step per shift: three fast teams on three evenings reach 5 + 2 + 1 of 10, and so does the bound', async () => {
    const inst = oneHamlet(3, [1, 2, 3].map((id) => ({ id, eidPerHour: 60 })));
    const exact = await solveExact(inst);
    expect(exact.optimum).toBe(8);
    // Counting team-visits as turnout steps, nine of them would leave only the last person: 9.
    expect((await upperBoundOf(inst)).people).toBe(8);
  });

  it('refuses what it does not model', async () => {
    const inst = oneHamlet(1, [{ id: 1, eidPerHour: 60 }]);
    await expect(solveExact({ ...inst, vehicles: [] })).rejects.toBeInstanceOf(ExactScopeError);
    await expect(solveExact({ ...inst, travel: [] })).rejects.toBeInstanceOf(ExactScopeError);
  });
});

/** One hamlet of 10 people 10 minutes from the base, reach 50% in the evening, from Monday 4/11/2024. */
function oneHamlet(days: number, teams: { id: number; eidPerHour: number }[]): PlanningInstance {
  const deadline = `2024-11-0${3 + days}`;
  return {
    campaign: { name: 'Tay', startDate: '2024-11-04', deadline }, from: '2024-11-04',
    communes: [{ id: 1, areaId: 1, code: 'X1', name: 'Xã', lat: 19.9, lon: 105.3, population: 100 }],
    hamlets: [{
      id: 1, communeId: 1, code: 'T1', name: 'Thôn 1', lat: 19.91, lon: 105.31, population: 100, venue: 'NVH', contact: '',
      roadClass: 'paved', motorbikeOnly: false, cutMonths: [], reach: { weekday_day: 0.1, weekday_evening: 0.5, weekend: 0.5 }, illustrative: true,
    }],
    backlogs: [{ hamletId: 1, remaining: { cccd: 0, eid: 10 }, homebound: { cccd: 0, eid: 0 }, countedOn: '2024-11-01' }],
    bases: [{ id: 1, kind: 'hq', name: 'CA', communeId: null, lat: 19.9, lon: 105.3 }],
    teams: teams.map((t) => ({
      id: t.id, code: `T${t.id}`, name: `Tổ ${t.id}`, kind: 'mobile', baseId: 1, size: 3, services: ['eid'], kits: 0,
      throughputPerHour: { cccd: 0, eid: t.eidPerHour }, homeThroughputPerHour: 0, setupMinutes: 0,
      allowedShiftKinds: ['weekday_evening'], maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5, daysOff: [],
    })),
    vehicles: teams.map((t) => ({
      id: t.id, code: `X${t.id}`, name: `Xe ${t.id}`, kind: 'car', seats: 5, baseId: 1, roadClasses: ['paved'], costPerKm: 1000, unavailable: [],
    })),
    shiftTemplates: [{
      id: 1, code: 'TOI', name: 'Tối', kind: 'weekday_evening', weekdays: [1, 2, 3, 4, 5], startMin: 1080, endMin: 1320,
      homeVisitsOnly: false, onHolidays: false,
    }],
    exceptions: [],
    travel: [{ from: 'b:1', to: 'h:1', distanceM: 5000, minutes: 10, source: 'measured' }],
    pinned: [],
    previous: [],
  };
}
