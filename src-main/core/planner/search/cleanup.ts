import { slotKey } from '../construct/construct';
import { PlanState } from '../construct/state';
import { routeFrame } from '../evaluate/allocate';
import { compareObjectives, evaluate, type Baseline, type Solution } from '../evaluate/objective';
import type { Skeleton } from '../evaluate/route-plan';
import type { Prepared } from '../prepare/prepared';

/** Drops stops that enrol nobody (and routes left empty): less travel, more time elsewhere. */
export function cleanup(prepared: Prepared, baseline: Baseline, solution: Solution): Solution {
  let current = solution;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    const next: Skeleton[] = [];
    current.skeletons.forEach((sk, i) => {
      const plan = current.evaluation.plans[i]!;
      let stops = sk.stops.filter((_, stop) => {
        const planned = plan.stops[stop]!;
        return planned.quota[0] + planned.quota[1] + planned.home[0] + planned.home[1] > 0;
      });
      // Travel times need not obey the triangle inequality: a shortcut may be slower.
      if (stops.length > 0 && routeFrame(prepared, sk.team, sk.slot, stops).work < 0) stops = sk.stops;
      if (stops.length !== sk.stops.length) changed = true;
      if (stops.length > 0) next.push(stops.length === sk.stops.length ? sk : { ...sk, stops });
    });
    if (!changed) return current;
    current = { skeletons: next, evaluation: evaluate(prepared, baseline, next) };
  }
  return current;
}

/**
 * Cheapest vehicles per route, shift by shift (level 3): quotas do not depend on the
 * vehicles, so this never costs people. A shift whose routes cannot all be re-equipped
 * keeps its vehicles.
 */
export function polishVehicles(prepared: Prepared, baseline: Baseline, solution: Solution): Solution {
  const state = new PlanState(prepared);
  for (const route of baseline.pinned) state.addPinned(route);
  const out: Skeleton[] = [];
  const list = solution.skeletons;
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j < list.length && slotKey(list[j]!.slot) === slotKey(list[i]!.slot)) j++;
    const group = list.slice(i, j);
    const picked: Skeleton[] = [];
    for (const sk of group) {
      const vehicles = state.pickVehicles(sk.team, sk.stops, sk.slot);
      if (!vehicles) return solution; // keep the construction's vehicles: they fit together
      picked.push({ ...sk, vehicles });
      state.hold({ ...sk, vehicles, stops: [] });
    }
    out.push(...picked);
    i = j;
  }
  const evaluation = evaluate(prepared, baseline, out);
  return compareObjectives(evaluation.objective, solution.evaluation.objective) >= 0 ? { skeletons: out, evaluation } : solution;
}
