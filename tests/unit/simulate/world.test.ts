import { describe, expect, it } from 'vitest';
import { CUT_SHARE, makeWorld, TURNOUT_SPREAD, visitOutcome } from '../../../src-main/core/simulate/world';

const visit = { date: '2022-11-20', teamId: 1, hamletId: 7, quota: { cccd: 10, eid: 40 }, homeVisits: { cccd: 0, eid: 4 } };

describe('simulated field', () => {
  it('is fixed by its seed: the same day meets the same turnout and cuts, whatever plan visits it', () => {
    const a = makeWorld(5, [1, 2, 3], '2022-11-17', '2022-12-31');
    const b = makeWorld(5, [1, 2, 3], '2022-11-17', '2022-12-31');
    expect(a.away).toEqual(b.away);
    expect(a.turnout('2022-11-20', 7)).toBe(b.turnout('2022-11-20', 7));
    expect(makeWorld(6, [1, 2, 3], '2022-11-17', '2022-12-31').turnout('2022-11-20', 7)).not.toBe(a.turnout('2022-11-20', 7));
  });

  it('turnout stays within ±25 % and about 5 % of hamlet-days are cut; one team is away for 7 days', () => {
    const world = makeWorld(1, [1, 2], '2022-11-17', '2022-12-31');
    let cuts = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const factor = world.turnout('2022-12-01', i);
      expect(factor).toBeGreaterThanOrEqual(1 - TURNOUT_SPREAD);
      expect(factor).toBeLessThanOrEqual(1 + TURNOUT_SPREAD);
      if (world.cut('2022-12-01', i)) cuts++;
    }
    expect(cuts / n).toBeGreaterThan(CUT_SHARE * 0.6);
    expect(cuts / n).toBeLessThan(CUT_SHARE * 1.4);
    expect(world.away).not.toBeNull();
    expect(world.away!.from <= world.away!.to).toBe(true);
  });

  it('a visit enrols the plan times the turnout, never more than is left; not done when the team is away', () => {
    const world = makeWorld(2, [1], '2022-11-17', '2022-12-31');
    const open = { ...world, cut: () => false, away: null, turnout: () => 1.2 };
    expect(visitOutcome(open, visit, { cccd: 100, eid: 30 })).toMatchObject({ enrolled: { cccd: 12, eid: 30 }, homeVisits: { cccd: 0, eid: 4 }, notDone: null });
    const away = { ...open, away: { teamId: 1, from: '2022-11-18', to: '2022-11-24' } };
    expect(visitOutcome(away, visit, { cccd: 100, eid: 100 })).toMatchObject({ enrolled: { cccd: 0, eid: 0 }, notDone: 'team_called_away' });
    expect(visitOutcome({ ...open, cut: () => true }, visit, { cccd: 100, eid: 100 }).notDone).toBe('rain_road_cut');
  });
});
