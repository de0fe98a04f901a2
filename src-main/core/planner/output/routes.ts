import type { Route } from '../../model';
import { routeCost } from '../evaluate/allocate';
import type { RoutePlan, Skeleton } from '../evaluate/route-plan';
import type { Prepared } from '../prepare/prepared';

/** A planned route as the model's Route, with its quotas and clock. */
export function toRoute(prepared: Prepared, sk: Skeleton, plan: RoutePlan): Route {
  const team = prepared.teams[sk.team]!.team;
  return {
    date: sk.slot.date,
    templateId: sk.slot.templateId,
    teamId: team.id,
    vehicleIds: sk.vehicles.map((v) => prepared.vehicles[v]!.vehicle.id).sort((a, b) => a - b),
    baseId: team.baseId,
    departMin: plan.depart,
    returnMin: plan.ret,
    stops: plan.stops.map((s) => ({
      hamletId: prepared.hamlets[s.hamlet]!.hamlet.id,
      arriveMin: s.arrive,
      startMin: s.start,
      endMin: s.end,
      quota: { cccd: s.quota[0], eid: s.quota[1] },
      homeVisits: { cccd: s.home[0], eid: s.home[1] },
    })),
    distanceM: plan.distanceM,
    cost: routeCost(prepared, sk.vehicles, plan.distanceM),
    pinned: false,
  };
}

/** Output order: date, shift start, shift, team; pinned before planned on a tie. */
export function sortRoutes(prepared: Prepared, routes: Route[]): Route[] {
  const start = (r: Route): number => prepared.instance.shiftTemplates[prepared.templateIdx.get(r.templateId) ?? -1]?.startMin ?? 0;
  return routes.sort((a, b) =>
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || start(a) - start(b) || a.templateId - b.templateId
    || a.teamId - b.teamId || Number(b.pinned) - Number(a.pinned) || a.departMin - b.departMin);
}
