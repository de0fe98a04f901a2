import { SERVICES, type IsoDate, type PerService, type PlanningInstance, type Route, type Service } from '../model';

/** What is left to enrol at one hamlet: at the venue (non-homebound) and at home. */
export interface HamletLeft {
  venue: PerService;
  home: PerService;
}

export function openingPools(instance: PlanningInstance): Map<number, HamletLeft> {
  const pools = new Map<number, HamletLeft>();
  for (const h of instance.hamlets) pools.set(h.id, { venue: { cccd: 0, eid: 0 }, home: { cccd: 0, eid: 0 } });
  for (const b of instance.backlogs) {
    pools.set(b.hamletId, {
      venue: { cccd: b.remaining.cccd - b.homebound.cccd, eid: b.remaining.eid - b.homebound.eid },
      home: { cccd: b.homebound.cccd, eid: b.homebound.eid },
    });
  }
  return pools;
}

/** Takes the routes' quotas (all of them, or those up to `until`) out of the pools. */
export function applyRoutes(pools: Map<number, HamletLeft>, routes: readonly Route[], until?: IsoDate): void {
  for (const r of routes) {
    if (until !== undefined && r.date > until) continue;
    for (const s of r.stops) {
      const left = pools.get(s.hamletId);
      if (!left) continue;
      for (const svc of SERVICES) {
        left.venue[svc] = Math.max(0, left.venue[svc] - s.quota[svc]);
        left.home[svc] = Math.max(0, left.home[svc] - s.homeVisits[svc]);
      }
    }
  }
}

/** The best share of a hamlet's people any venue shift can meet (0 if none can). */
export function bestVenueReach(instance: PlanningInstance, hamletId: number): number {
  const hamlet = instance.hamlets.find((h) => h.id === hamletId);
  if (!hamlet) return 0;
  let best = 0;
  for (const t of instance.shiftTemplates) if (!t.homeVisitsOnly) best = Math.max(best, hamlet.reach[t.kind]);
  return best;
}

/**
 * People a venue visit can never meet under the turnout rule: with floor(reach × left),
 * once fewer than 1/reach are left nobody more turns up. These stragglers do not keep the
 * backlog "open" (see clearanceDate); they show in the shortfall as reach_too_low.
 */
export function stragglers(left: number, reach: number): boolean {
  return left > 0 && reach > 0 && Math.floor(reach * left + 1e-9) === 0;
}

/**
 * Done for the verdict: per service, nothing left a team could still enrol (no homebound,
 * at most the stragglers), or no more left than the hamlet's residual for the commune post.
 */
export function isHamletCleared(left: HamletLeft, reach: number, allowance: PerService = { cccd: 0, eid: 0 }): boolean {
  return SERVICES.every((svc: Service) => isServiceDone(left, svc, reach, allowance[svc]));
}

export function isServiceDone(left: HamletLeft, svc: Service, reach: number, allowance: number): boolean {
  if (left.venue[svc] + left.home[svc] <= allowance) return true;
  return left.home[svc] === 0 && (left.venue[svc] === 0 || stragglers(left.venue[svc], reach));
}
