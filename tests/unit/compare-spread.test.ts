import { describe, expect, it } from 'vitest';
import { undecidedAgainstBase } from '../../src-renderer/features/scenarios/compare-spread';

const base = { label: 'Kế hoạch gốc', enrolled: 65_144, upperBound: 66_639 };

describe('the comparison says when the plans alone do not settle which column is better', () => {
  it('a scenario with fewer cars out-planning the base by less than the base could still gain is undecided', () => {
    const lostCars = { label: 'Mất 2 xe ô tô', enrolled: 65_278, upperBound: 66_639 };
    expect(undecidedAgainstBase(base, [lostCars])).toEqual([
      { ahead: 'Mất 2 xe ô tô', behind: 'Kế hoạch gốc', difference: 134, behindBound: 66_639 },
    ]);
  });

  it('a scenario whose bound is below the base plan is certainly worse: nothing to say', () => {
    const earlier = { label: 'Hạn sớm 1 tuần', enrolled: 59_800, upperBound: 60_120 };
    expect(undecidedAgainstBase(base, [earlier])).toEqual([]);
  });

  it('a scenario planned at or above everything the base could reach is certainly better', () => {
    const borrowed = { label: 'Mượn 3 tổ', enrolled: 66_639, upperBound: 66_639 };
    expect(undecidedAgainstBase(base, [borrowed])).toEqual([]);
  });

  it('a scenario a little behind the base, whose own bound is above the base plan, is undecided too', () => {
    const fewerShifts = { label: 'Bớt ca tối', enrolled: 64_990, upperBound: 66_100 };
    expect(undecidedAgainstBase(base, [fewerShifts])).toEqual([
      { ahead: 'Kế hoạch gốc', behind: 'Bớt ca tối', difference: 154, behindBound: 66_100 },
    ]);
  });

  it('equal plans are not listed', () => {
    expect(undecidedAgainstBase(base, [{ label: 'Như gốc', enrolled: 65_144, upperBound: 66_639 }])).toEqual([]);
  });
});
