import type { IsoDate, PlanningInstance, Route } from '../model';
import { applyRoutes, bestVenueReach, isHamletCleared, openingPools } from './pools';

/**
 * The date the backlog is cleared: the end of the first day after which nobody is left
 * whom the rules let a team enrol (no homebound left, and at every hamlet fewer
 * non-homebound people left than the best shift's reach can meet, i.e. only the
 * geometric stragglers). `routes` may run past the deadline (a projection). Returns
 * `from` if nothing needs doing, null if the routes never clear it.
 */
export function clearanceDate(instance: PlanningInstance, routes: readonly Route[]): IsoDate | null {
  const pools = openingPools(instance);
  const reach = new Map(instance.hamlets.map((h) => [h.id, bestVenueReach(instance, h.id)]));
  const open = new Set<number>();
  for (const [id, left] of pools) if (!isHamletCleared(left, reach.get(id) ?? 0)) open.add(id);
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
        if (left && isHamletCleared(left, reach.get(s.hamletId) ?? 0)) open.delete(s.hamletId);
      }
    }
    if (open.size === 0) return date < instance.from ? instance.from : date;
  }
  return null;
}
