import { allocate } from '../evaluate/allocate';
import { vehiclesPass } from '../evaluate/bookings';
import type { Skeleton } from '../evaluate/route-plan';
import { dayNumber } from '../prepare/days';
import type { Prepared, PSlot } from '../prepare/prepared';
import { slotKey } from './construct';
import type { PlanState } from './state';

/**
 * The previous (published) plan's routes that still hold under today's data, as skeletons the
 * construction keeps and plans around: same shift, team, vehicles and hamlets in the same
 * order; their quotas are worked out again from what is left. A route goes when any rule now
 * refuses it: the team or a vehicle is away or already held, a hamlet is cut or gone, a road
 * class no longer passes, or the route no longer fits its shift. Books what it keeps in `state`.
 */
export function keptFromPrevious(prepared: Prepared, state: PlanState): Map<string, Skeleton[]> {
  const slotOf = new Map<string, PSlot>();
  for (const slot of prepared.slots) slotOf.set(`${slot.day}|${slot.templateId}`, slot);
  const fixed = new Map<string, Skeleton[]>();
  const routes = [...prepared.instance.previous].sort((a, b) => a.date.localeCompare(b.date) || a.departMin - b.departMin || a.teamId - b.teamId);
  for (const route of routes) {
    const slot = slotOf.get(`${dayNumber(route.date)}|${route.templateId}`);
    const team = prepared.teamIdx.get(route.teamId);
    if (!slot || team === undefined) continue;
    const stops = route.stops.map((s) => prepared.hamletIdx.get(s.hamletId));
    const vehicles = route.vehicleIds.map((v) => prepared.vehicleIdx.get(v));
    if (stops.some((h) => h === undefined) || vehicles.some((v) => v === undefined)) continue;
    const targets = new Map<number, readonly [number, number, number]>();
    route.stops.forEach((s, i) => targets.set(stops[i]!, [s.quota.cccd, s.quota.eid, s.homeVisits.cccd + s.homeVisits.eid]));
    const skeleton: Skeleton = { slot, team, stops: stops as number[], vehicles: vehicles as number[], targets };
    if (!stillHolds(prepared, state, skeleton)) continue;
    state.hold(skeleton);
    const key = slotKey(slot);
    fixed.set(key, [...(fixed.get(key) ?? []), skeleton]);
  }
  return fixed;
}

function stillHolds(prepared: Prepared, state: PlanState, sk: Skeleton): boolean {
  const team = prepared.teams[sk.team]!;
  if (team.base < 0 || !state.teamCanTake(sk.team, sk.slot)) return false;
  if (!sk.vehicles.every((v) => prepared.vehicles[v]!.base === team.base && state.vehicleFree(v, sk.slot))) return false;
  if (!vehiclesPass(prepared, sk.vehicles, sk.stops)) return false;
  const seats = sk.vehicles.reduce((sum, v) => sum + prepared.vehicles[v]!.vehicle.seats, 0);
  if (seats < team.team.size) return false;
  if (!sk.stops.every((h) => state.hamletFree(h, sk.slot))) return false;
  return allocate(prepared, sk.team, sk.slot, sk.stops, state) !== null;
}
