import type { MipText, Term } from './lp-text';
import { names } from './names';
import { SERVICE_INDICES, type ExactProblem, type ServiceIndex, type TeamShift } from './problem-types';

/**
 * The checker's turnout rule, exactly: visits to a hamlet in chronological order (date,
 * minute work starts, then the order routes are listed in), each venue quota at most
 * floor(reach of the shift's kind × the non-homebound people still left).
 *
 * - Visits of different shifts are ordered by their shift (shifts of one day never overlap,
 *   scope.ts): "people taken before slot g" is a running sum c over earlier slots.
 * - Visits of one shift by different teams are ordered by a binary o per pair and hamlet,
 *   tied to their start minutes; equal minutes fall back on the order routes are listed,
 *   a binary p per pair of routes of the shift, acyclic over each triple.
 * - With reach = R / D, the quota q is an integer, so q ≤ floor(R/D × left) is D·q ≤ R·left.
 */
export function writeTurnout(lp: MipText, problem: ExactProblem): void {
  problem.instance.hamlets.forEach((_, h) => {
    for (const s of SERVICE_INDICES) writeHamletService(lp, problem, h, s);
  });
  writeListingOrder(lp, problem);
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
    for (const a of here) {
      const terms: Term[] = [[D, names.quota(a.index, h, s)]];
      if (before) terms.push([R, before]);
      for (const b of here) if (b !== a) terms.push([R, takenBefore(lp, problem, h, s, b, a)]);
      lp.row(terms, '<=', R * people);
    }
    previous = here;
  }
}

/**
 * People of service s team-shift `a` takes at hamlet h before `b` does (same slot): its
 * quota when it works there first, else nothing (z ≥ 0 is all the rule needs, as more
 * taken before only tightens b's quota).
 */
function takenBefore(lp: MipText, problem: ExactProblem, h: number, s: ServiceIndex, a: TeamShift, b: TeamShift): string {
  const name = names.taken(h, s, a.index, b.index);
  if (lp.has(name)) return name;
  const most = a.options.find((x) => x.hamlet === h)!.venueCap[s];
  const z = lp.real(name, 0, most);
  const [lo, hi] = a.index < b.index ? [a, b] : [b, a];
  const o = orderAt(lp, problem, h, lo, hi);
  const q = names.quota(a.index, h, s);
  // o = 1: lo works first.
  if (a === lo) lp.row([[1, z], [-1, q], [-most, o]], '>=', -most);
  else lp.row([[1, z], [-1, q], [most, o]], '>=', 0);
  return z;
}

/** o = 1 when `lo` starts work at h before `hi`, or at the same minute and its route is listed first. */
function orderAt(lp: MipText, problem: ExactProblem, h: number, lo: TeamShift, hi: TeamShift): string {
  const name = names.first(h, lo.index, hi.index);
  if (lp.has(name)) return name;
  const o = lp.integer(name, 0, 1);
  const p = lp.integer(names.listed(lo.index, hi.index), 0, 1);
  const { startMin, endMin } = problem.slots[lo.slot]!.template;
  const big = endMin - startMin + 1;
  const tLo = names.start(lo.index, h);
  const tHi = names.start(hi.index, h);
  // o = 1: tLo ≤ tHi − 1 + p.   o = 0: tHi ≤ tLo − p.
  lp.row([[1, tLo], [-1, tHi], [-1, p], [big, o]], '<=', big - 1);
  lp.row([[1, tHi], [-1, tLo], [1, p], [-big, o]], '<=', 0);
  return o;
}

/**
 * Routes of a shift are listed in one order. Over all pairs of a shift's routes, the order
 * is a linear one exactly when no three form a cycle (a before b before c before a); pairs
 * that never meet at a hamlet get a free p so that this holds for any number of teams.
 */
function writeListingOrder(lp: MipText, problem: ExactProblem): void {
  const bySlot = new Map<number, number[]>();
  for (const ts of problem.teamShifts) bySlot.set(ts.slot, [...(bySlot.get(ts.slot) ?? []), ts.index]);
  for (const members of bySlot.values()) {
    const pairs = members.flatMap((a, x) => members.slice(x + 1).map((b) => names.listed(a, b)));
    if (members.length < 3 || !pairs.some((p) => lp.has(p))) continue;
    for (const p of pairs) lp.integer(p, 0, 1);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        for (let z = y + 1; z < members.length; z++) {
          const [a, b, c] = [members[x]!, members[y]!, members[z]!];
          const terms: Term[] = [[1, names.listed(a, b)], [1, names.listed(b, c)], [-1, names.listed(a, c)]];
          lp.row(terms, '<=', 1);
          lp.row(terms, '>=', 0);
        }
      }
    }
  }
}
