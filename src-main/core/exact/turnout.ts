import type { MipText, Term } from './lp-text';
import { names } from './names';
import { SERVICE_INDICES, type ExactProblem, type ServiceIndex, type TeamShift } from './problem-types';

/**
 * The checker's turnout rule, exactly: shift by shift (shifts of one day never overlap,
 * scope.ts), the venue quotas of every visit to a hamlet in the shift, one team or several,
 * together at most floor(reach of the shift's kind × the non-homebound people still left).
 *
 * - "People taken before slot g" is a running sum c over earlier slots.
 * - With reach = R / D, the quotas q are integers, so Σq ≤ floor(R/D × left) is D·Σq ≤ R·left.
 */
export function writeTurnout(lp: MipText, problem: ExactProblem): void {
  problem.instance.hamlets.forEach((_, h) => {
    for (const s of SERVICE_INDICES) writeHamletService(lp, problem, h, s);
  });
}

function writeHamletService(lp: MipText, problem: ExactProblem, h: number, s: ServiceIndex): void {
  const people = problem.venuePeople[h]![s]!;
  const bySlot = new Map<number, TeamShift[]>();
  for (const ts of problem.teamShifts) {
    if (ts.options.some((o) => o.hamlet === h && o.venue[s])) bySlot.set(ts.slot, [...(bySlot.get(ts.slot) ?? []), ts]);
  }
  const slots = [...bySlot.keys()].sort((a, b) => a - b);
  let before: string | null = null;
  let previous: TeamShift[] = [];
  for (const g of slots) {
    const here = bySlot.get(g)!;
    if (previous.length > 0) {
      const c = lp.real(names.before(g, h, s), 0, people);
      lp.row([[1, c], ...(before ? [[-1, before] as Term] : []), ...previous.map((ts): Term => [-1, names.quota(ts.index, h, s)])], '=', 0);
      before = c;
    }
    const { numerator: R, denominator: D } = problem.reach[h]![problem.slots[g]!.kind];
    const terms: Term[] = here.map((ts): Term => [D, names.quota(ts.index, h, s)]);
    if (before) terms.push([R, before]);
    lp.row(terms, '<=', R * people);
    previous = here;
  }
}
