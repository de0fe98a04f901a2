import { describe, expect, it } from 'vitest';
import { minExtra, MinExtraStopped, type Trial } from '../../../src-main/core/scenario';

/**
 * A made-up district where the bound grows by `perUnit` people per extra unit from `base`,
 * and a plan meets the deadline from `meetsFrom` units on: the search must find the least k,
 * prove it only where the bound shows one fewer cannot, and never answer without a plan.
 */
function district(o: { need: number; base: number; perUnit: number; meetsFrom: number; max?: number }) {
  const planned: number[] = [];
  const bounded: number[] = [];
  const deps = {
    need: o.need,
    maxExtra: o.max ?? 20,
    bound: async (k: number) => {
      bounded.push(k);
      return { people: o.base + k * o.perUnit, source: 'lp' as const };
    },
    plan: async (k: number): Promise<Trial> => {
      planned.push(k);
      return { deadlineMet: k >= o.meetsFrom, verifierValid: true, enrolled: Math.min(o.need, o.base + k * o.perUnit), clearanceDate: null };
    },
  };
  return { deps, planned, bounded };
}

describe('the least extra to meet the deadline', () => {
  it('k = 0: nothing to add, proven, one plan made', async () => {
    const d = district({ need: 1000, base: 1200, perUnit: 100, meetsFrom: 0 });
    const a = await minExtra(d.deps);
    expect(a).toMatchObject({ minimum: 0, provenMinimal: true, boundForOneFewer: null, boundAllows: 0 });
    expect(d.planned).toEqual([0]);
  });

  it('k = 1: the bound with none is short, so one is proven minimal', async () => {
    const d = district({ need: 1000, base: 950, perUnit: 100, meetsFrom: 1 });
    const a = await minExtra(d.deps);
    expect(a).toMatchObject({ minimum: 1, provenMinimal: true, boundForOneFewer: 950, boundAllows: 1 });
    expect(d.planned).toEqual([1]);
  });

  it('k = 3: found by galloping and halving on the bound, planned once, proven by the bound with 2', async () => {
    const d = district({ need: 1000, base: 700, perUnit: 100, meetsFrom: 3 });
    const a = await minExtra(d.deps);
    expect(a).toMatchObject({ minimum: 3, provenMinimal: true, boundForOneFewer: 900, boundAllows: 3 });
    expect(d.planned).toEqual([3]);
    expect(new Set(d.bounded)).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(a.plan?.deadlineMet).toBe(true);
  });

  it('where the bound cannot show it: the plans decide, and the answer says "not proven" with the bound for one fewer', async () => {
    const d = district({ need: 1000, base: 1100, perUnit: 10, meetsFrom: 3 });
    const a = await minExtra(d.deps);
    expect(a).toMatchObject({ minimum: 3, provenMinimal: false, boundForOneFewer: 1120, boundAllows: 0 });
    expect(d.planned).toEqual([0, 1, 2, 3]);
  });

  it('the people bound reaches the need, but no plan can do every hamlet with fewer than 2: 2 is proven that way', async () => {
    const d = district({ need: 1000, base: 1100, perUnit: 10, meetsFrom: 2 });
    const a = await minExtra({ ...d.deps, bound: async (k) => ({ ...(await d.deps.bound(k)), possible: k >= 2 }) });
    expect(a).toMatchObject({ minimum: 2, provenMinimal: true, boundForOneFewer: 1110, possibleWithOneFewer: false, boundAllows: 2 });
    expect(d.planned).toEqual([2]);
  });

  it('a plan the verifier rejects is no evidence: the next k is tried', async () => {
    const d = district({ need: 1000, base: 1200, perUnit: 100, meetsFrom: 0 });
    const a = await minExtra({ ...d.deps, plan: async (k) => ({ ...(await d.deps.plan(k)), verifierValid: k >= 2 }) });
    expect(a).toMatchObject({ minimum: 2, provenMinimal: false });
  });

  it('more than the limit: no number, the bound stays short all the way', async () => {
    const d = district({ need: 10_000, base: 100, perUnit: 100, meetsFrom: 99, max: 20 });
    const a = await minExtra(d.deps);
    expect(a).toMatchObject({ minimum: null, plan: null, boundAllows: null, provenMinimal: false });
    expect(d.planned).toEqual([]);
  });

  it('stops when asked, between steps', async () => {
    const d = district({ need: 1000, base: 700, perUnit: 100, meetsFrom: 3 });
    let calls = 0;
    await expect(minExtra({ ...d.deps, shouldStop: () => ++calls > 2 })).rejects.toBeInstanceOf(MinExtraStopped);
    expect(d.planned).toEqual([]);
  });
});
