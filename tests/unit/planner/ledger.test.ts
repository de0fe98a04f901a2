import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { construct } from '../../../src-main/core/planner/construct/construct';
import { PlanState } from '../../../src-main/core/planner/construct/state';
import { routeFrame } from '../../../src-main/core/planner/evaluate/allocate';
import { Ledger } from '../../../src-main/core/planner/evaluate/ledger';
import { compareSkeletons, evaluate, makeBaseline } from '../../../src-main/core/planner/evaluate/objective';
import type { Skeleton } from '../../../src-main/core/planner/evaluate/route-plan';
import { prepare } from '../../../src-main/core/planner/prepare/prepare';
import { Rng } from '../../../src-main/core/rng';
import { smallInstance } from './random';

describe('incremental evaluation (ledger)', () => {
  it('after any run of route changes, totals and what is left match a full evaluation', () => {
    fc.assert(
      fc.property(smallInstance, fc.integer({ min: 1, max: 1_000_000 }), (inst, seed) => {
        const P = prepare(inst);
        // A guide on every team and hamlet, so its targets are followed through the changes too.
        const H = P.hamlets.length;
        P.guide = Float64Array.from({ length: P.teams.length * H * 3 }, (_, i) => (i * 7919) % 13);
        const start = new PlanState(P);
        const baseline = makeBaseline(P, { nonHomebound: start.nonHomebound, homebound: start.homebound, guide: P.guide });
        const skeletons = construct(P, new PlanState(P), P.slots, { rng: null, noise: 0, previous: new Map() })
          .map((b) => b.skeleton).sort((a, b) => compareSkeletons(P, a, b));
        const ledger = new Ledger(P, baseline, skeletons);
        const rng = new Rng(seed);
        for (let step = 0; step < 30 && ledger.size > 0; step++) {
          const list = ledger.list();
          const e = list[rng.int(list.length)]!;
          const f = list[rng.int(list.length)]!;
          let added: Skeleton[] = [];
          let removed = [e];
          const kind = rng.int(3);
          if (kind === 0) {
            const stops = e.sk.stops.slice();
            stops[rng.int(stops.length)] = rng.int(H);
            if (new Set(stops).size !== stops.length || routeFrame(P, e.sk.team, e.sk.slot, stops).work < 0) continue;
            added = [{ ...e.sk, stops }];
          } else if (kind === 1 && e !== f) {
            if (routeFrame(P, e.sk.team, e.sk.slot, f.sk.stops).work < 0 || routeFrame(P, f.sk.team, f.sk.slot, e.sk.stops).work < 0) continue;
            removed = [e, f];
            added = [{ ...e.sk, stops: f.sk.stops }, { ...f.sk, stops: e.sk.stops }];
          }
          const before = ledger.weighted;
          const trial = ledger.trial(removed, added);
          if (!trial) continue;
          expect(ledger.weighted).toBe(before); // a trial alone changes nothing
          ledger.commit(trial);
          expect(ledger.weighted).toBeCloseTo(before + trial.weighted, 6);
          const full = evaluate(P, baseline, ledger.list().map((x) => x.sk));
          expect(ledger.people).toBe(full.objective.people);
          expect(ledger.weighted).toBeCloseTo(full.objective.weighted, 6);
          expect([ledger.cost, ledger.distanceM]).toEqual([full.objective.cost, full.objective.distanceM]);
          expect(ledger.imbalance).toBeCloseTo(full.objective.imbalance, 9);
          expect([...ledger.pools.nonHomebound, ...ledger.pools.homebound]).toEqual([...full.pools.nonHomebound, ...full.pools.homebound]);
          for (let i = 0; i < P.guide.length; i++) expect(ledger.pools.guide![i]).toBeCloseTo(full.pools.guide![i]!, 6);
          ledger.list().forEach((x, i) => expect(x.plan.stops).toEqual(full.plans[i]!.stops));
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
