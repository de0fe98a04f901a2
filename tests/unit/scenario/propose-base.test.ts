import { describe, expect, it } from 'vitest';
import type { Shortfall } from '../../../src-main/core/model';
import { proposeBase } from '../../../src-main/core/scenario';
import { greatCircleM } from '../../../src-main/core/travel/estimate';
import { demoInstance } from '../planner/fixtures';

const instance = demoInstance();
const short = (hamletId: number, cccd: number, eid = 0): Shortfall => {
  const hamlet = instance.hamlets.find((h) => h.id === hamletId)!;
  return { hamletId, communeId: hamlet.communeId, missing: { cccd, eid }, reasons: ['not_enough_shifts'] };
};

describe('the base proposed for borrowed teams', () => {
  it("is the base nearest the people short: a commune's own post when they are all in that commune", () => {
    for (const post of instance.bases.filter((b) => b.kind === 'post' && b.communeId !== null).slice(0, 4)) {
      const hamlets = instance.hamlets.filter((h) => h.communeId === post.communeId);
      const proposal = proposeBase(instance, hamlets.map((h) => short(h.id, 20, 5)));
      const nearest = [...instance.bases].sort((a, b) =>
        hamlets.reduce((s, h) => s + greatCircleM(a.lat, a.lon, h.lat, h.lon), 0) - hamlets.reduce((s, h) => s + greatCircleM(b.lat, b.lon, h.lat, h.lon), 0))[0]!;
      expect(proposal?.baseName).toBe(nearest.name);
      expect(proposal).toMatchObject({ communeMissing: 25 * hamlets.length, missing: 25 * hamlets.length });
      expect(proposal!.communeName).toBe(instance.communes.find((c) => c.id === post.communeId)!.name);
    }
  });

  it('weighs each hamlet by its people short: one large shortfall outweighs a few small ones elsewhere', () => {
    const [far, near] = [instance.hamlets[0]!, instance.hamlets.at(-1)!];
    const heavyFar = proposeBase(instance, [short(far.id, 500), short(near.id, 5)]);
    const heavyNear = proposeBase(instance, [short(far.id, 5), short(near.id, 500)]);
    expect(heavyFar!.baseName).not.toBe(heavyNear!.baseName);
    expect(heavyFar!.communeName).toBe(instance.communes.find((c) => c.id === far.communeId)!.name);
  });

  it('proposes nothing when nobody is short', () => {
    expect(proposeBase(instance, [])).toBeNull();
    expect(proposeBase(instance, [short(instance.hamlets[0]!.id, 0, 0)])).toBeNull();
  });
});
