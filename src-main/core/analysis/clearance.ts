import type { IsoDate, PlanningInstance, Route } from '../model';
import { applyRoutes, bestVenueReach, isHamletCleared, openingPools } from './pools';
import { residualAllowances } from './residual';

/**
 * The date the backlog is cleared: the end of the first day after which every hamlet is
 * done (isHamletCleared: nobody left a team could enrol, or no more than its residual left
 * for the commune post). `routes` may run past the deadline (a projection). Returns
 * `from` if nothing needs doing, null if the routes never clear it.
 */
export function clearanceDate(instance: PlanningInstance, routes: readonly Route[]): IsoDate | null {
  const pools = openingPools(instance);
  const reach = new Map(instance.hamlets.map((h) => [h.id, bestVenueReach(instance, h.id)]));
  const allowances = residualAllowances(instance);
  const cleared = (id: number, left: Parameters<typeof isHamletCleared>[0]): boolean => isHamletCleared(left, reach.get(id) ?? 0, allowances.get(id));
  const open = new Set<number>();
  for (const [id, left] of pools) if (!cleared(id, left)) open.add(id);
  if (open.size === 0) return instance.from;
  const dates = [...new Set(routes.map((r) => r.date))].sort();
  const byDate = new Map<IsoDate, Route[]>();
  for (const r of routes) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  for (const date of dates) {
    const today = byDate.get(date) ?? [];
    applyRoutes(pools, today);
    for (const r of today) {
      for (const s of r.stops) {
        const left = pools.get(s.hamletId);
        if (left && cleared(s.hamletId, left)) open.delete(s.hamletId);
      }
    }
    if (open.size === 0) return date < instance.from ? instance.from : date;
  }
  return null;
}
