import type { Route } from '../model';
import { routeCost, type RoutePlan } from './evaluate';
import type { Prepared } from './prepare';
import type { Skeleton } from './state';

/** A planned route as the model's Route, with its quotas and clock. */
export function toRoute(P: Prepared, sk: Skeleton, plan: RoutePlan): Route {
  const team = P.teams[sk.team]!.team;
  return {
    date: sk.slot.date,
    templateId: sk.slot.templateId,
    teamId: team.id,
    vehicleIds: sk.vehicles.map((v) => P.vehicles[v]!.vehicle.id).sort((a, b) => a - b),
    baseId: team.baseId,
    departMin: plan.depart,
    returnMin: plan.ret,
    stops: plan.stops.map((s) => ({
      hamletId: P.hamlets[s.hamlet]!.hamlet.id,
      arriveMin: s.arrive,
      startMin: s.start,
      endMin: s.end,
      quota: { cccd: s.quota[0], eid: s.quota[1] },
      homeVisits: { cccd: s.home[0], eid: s.home[1] },
    })),
    distanceM: plan.distanceM,
    cost: routeCost(P, sk.vehicles, plan.distanceM),
    pinned: false,
  };
}

/** Output order: date, shift start, shift, team; pinned before planned on a tie. */
export function sortRoutes(P: Prepared, routes: Route[]): Route[] {
  const start = (r: Route): number => P.instance.shiftTemplates[P.templateIdx.get(r.templateId) ?? -1]?.startMin ?? 0;
  return routes.sort((a, b) =>
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || start(a) - start(b) || a.templateId - b.templateId
    || a.teamId - b.teamId || Number(b.pinned) - Number(a.pinned) || a.departMin - b.departMin);
}
