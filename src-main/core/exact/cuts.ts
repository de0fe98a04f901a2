import type { MipText, Term } from './lp-text';
import { names } from './names';
import { SERVICE_INDICES, SERVICE_NAMES, type ExactProblem } from './problem-types';

/**
 * Valid inequalities that only speed up the proof (the model is exact without them; a
 * test solves cases both ways and asks for the same optimum).
 *
 * Venue people over all visits to a hamlet: with n visits, each taking at most
 * min(cap, floor(r × left)) (r the best reach of those visits' shift kinds, cap the most
 * one visit's minutes allow), no plan takes more than taking the most at every visit
 * does: x − min(cap, floor(r·x)) grows with x, so taking less never leaves less behind.
 * The gains only shrink, so the chords through (n, most) hold for every whole n: sum of
 * quotas ≤ most(j) + gain(j + 1)·(visits − j).
 */
export function writeTurnoutCuts(lp: MipText, problem: ExactProblem): void {
  problem.instance.hamlets.forEach((_, h) => {
    for (const s of SERVICE_INDICES) {
      const quotas: Term[] = [];
      const visits: Term[] = [];
      let reach = 0;
      let cap = 0;
      for (const ts of problem.teamShifts) {
        const o = ts.options.find((x) => x.hamlet === h && x.venue[s]);
        if (!o) continue;
        quotas.push([1, names.quota(ts.index, h, s)]);
        visits.push([1, names.visit(ts.index, h)]);
        const { numerator, denominator } = problem.reach[h]![problem.slots[ts.slot]!.kind];
        reach = Math.max(reach, numerator / denominator);
        cap = Math.max(cap, Math.floor((o.room * problem.teams[ts.team]!.throughputPerHour[SERVICE_NAMES[s]]) / 60));
      }
      if (quotas.length < 2) continue;
      let left = problem.venuePeople[h]![s]!;
      let most = 0;
      for (let j = 0; j < quotas.length && left > 0; j++) {
        const gain = Math.min(cap, Math.floor(reach * left + 1e-9));
        if (gain <= 0) break;
        // Σq ≤ most + gain·(visits − j)
        lp.row([...quotas, ...visits.map(([, v]): Term => [-gain, v])], '<=', most - gain * j);
        most += gain;
        left -= gain;
      }
      lp.row(quotas, '<=', most);
    }
  });
}
