import type { ScoreContext } from '../construct/candidates';
import { yieldThread } from '../construct/construct';
import { Bookings } from '../evaluate/bookings';
import { Ledger, type Entry } from '../evaluate/ledger';
import { compareSkeletons, evaluate, type Baseline, type Solution } from '../evaluate/objective';
import type { Pools, Skeleton } from '../evaluate/route-plan';
import type { Prepared } from '../prepare/prepared';

export interface RepairParams {
  shouldStop: () => boolean;
  now: () => number;
  /** Wall-clock end (ms, same origin as now()): only a slow machine reaches it. */
  deadlineMs: number;
  /** Route allocations the repair may spend (the deterministic budget). */
  maxWork: number;
  previous: ScoreContext['previous'];
}

/**
 * The plan being repaired: routes evaluated incrementally (ledger.ts), who is where
 * (bookings.ts), the budget spent, and a clock check that hands the thread back every
 * 40 ms so a cancel message can arrive.
 */
export class RepairWorkspace {
  readonly ledger: Ledger;
  readonly bookings: Bookings;
  work = 0;
  private last: number;

  constructor(readonly prepared: Prepared, readonly baseline: Baseline, solution: Solution, readonly params: RepairParams) {
    this.ledger = new Ledger(prepared, baseline, solution.skeletons);
    this.bookings = new Bookings(prepared, baseline, this.ledger.list());
    this.last = params.now();
  }

  /** Budget, clock or cancel says stop (handing the thread back first when due). */
  async spent(): Promise<boolean> {
    const { params } = this;
    if (params.now() - this.last >= 40) {
      await yieldThread();
      this.last = params.now();
    }
    return this.work >= params.maxWork || params.shouldStop() || params.now() >= params.deadlineMs;
  }

  /** Applies the change when the plan gets strictly better; returns the new entries. */
  tryChange(removed: Entry[], added: Skeleton[]): Entry[] | null {
    const trial = this.ledger.trial(removed, added);
    if (!trial) return null;
    this.work += trial.work;
    if (this.ledger.verdict(trial) <= 0) return null;
    for (const entry of removed) this.bookings.remove(entry);
    const entries = this.ledger.commit(trial);
    for (const entry of entries) this.bookings.add(entry);
    return entries;
  }

  solution(): Solution {
    const skeletons = this.ledger.list().map((entry) => entry.sk).sort((a, b) => compareSkeletons(this.prepared, a, b));
    return { skeletons, evaluation: evaluate(this.prepared, this.baseline, skeletons) };
  }

  /** Pools at the end of the plan with the people of some routes given back. */
  givenBack(routes: readonly Entry[]): Pools {
    const hamletCount = this.prepared.hamlets.length;
    const end = this.ledger.pools;
    const out = { nonHomebound: end.nonHomebound.slice(), homebound: end.homebound.slice(), guide: null };
    for (const entry of routes) {
      for (const stop of entry.plan.stops) {
        for (let service = 0; service < 2; service++) {
          const at = service * hamletCount + stop.hamlet;
          out.nonHomebound[at] = out.nonHomebound[at]! + stop.quota[service]!;
          out.homebound[at] = out.homebound[at]! + stop.home[service]!;
        }
      }
    }
    return out;
  }
}
