import type { Prepared, PSlot } from '../prepare/prepared';
import { shiftKeyOf, takeInShift, type Pools, type RoutePlan, type StopPlan } from './route-plan';

/**
 * floor(reach × left) with a guard so 0.7 × 10 counts as 7, as a person would count it. Kept
 * in the module of its hottest caller: a call across modules costs a getter under tsx.
 */
export const reachable = (reach: number, left: number): number => Math.floor(reach * left + 1e-9);

/**
 * Venue people of one service (index `at` = service * hamletCount + hamlet) a visit in the shift
 * `key` can still meet: teams there earlier in the same shift met the same people, so the shift
 * reaches floor(reach × what was left then), less what they took.
 */
export function shiftReachable(pools: Pools, reach: number, hamlet: number, at: number, key: number): number {
  const { shift } = pools;
  const taken = shift && shift.key[hamlet] === key ? shift.taken[at]! : 0;
  return reachable(reach, pools.nonHomebound[at]! + taken) - taken;
}

/** Numerical guard when turning fractional work hours into whole minutes. */
const MINUTE_EPS = 1e-7;

/** One kind of work a route could do at one of its stops. */
interface WorkOption {
  stop: number;
  service: number;
  home: boolean;
  /** 0 = CCCD at the venue, 1 = e-ID at the venue, 2 = home visits. */
  group: number;
  cap: number;
  /** Minutes of work per person. */
  perPerson: number;
  rate: number;
}

/** Work minutes and people booked at each stop while quotas are filled. */
interface Fill {
  exact: Float64Array;
  used: Int32Array;
  quota: [number, number][];
  home: [number, number][];
  totalUsed: number;
  guided: number;
  guideUse: number[];
}

/** Travel and setup of a sequence: what is left of the shift for work, or -1 if it does not fit. */
export function routeFrame(prepared: Prepared, team: number, slot: PSlot, stops: readonly number[]): { travel: number; distanceM: number; work: number } {
  const { node: base, setup } = prepared.teams[team]!;
  const size = prepared.nodeCount;
  let at = base;
  let travel = 0;
  let distanceM = 0;
  for (const hamlet of stops) {
    const node = prepared.hamlets[hamlet]!.node;
    travel += prepared.minutes[at * size + node]!;
    distanceM += prepared.metres[at * size + node]!;
    at = node;
  }
  travel += prepared.minutes[at * size + base]!;
  distanceM += prepared.metres[at * size + base]!;
  const work = slot.end - slot.start - travel - stops.length * setup;
  return { travel, distanceM, work: work < 0 ? -1 : work };
}

/** A hamlet added to a route where the route travels least, or null if no position leaves time to work. */
export function insertion(prepared: Prepared, route: { team: number; slot: PSlot; stops: readonly number[] }, hamlet: number): number[] | null {
  let best: number[] | null = null;
  let bestWork = 0;
  for (let pos = 0; pos <= route.stops.length; pos++) {
    const stops = [...route.stops.slice(0, pos), hamlet, ...route.stops.slice(pos)];
    const work = routeFrame(prepared, route.team, route.slot, stops).work;
    if (work > bestWork) {
      bestWork = work;
      best = stops;
    }
  }
  return best;
}

/** A kept route's quotas as published, per hamlet: [venue CCCD, venue e-ID, home visits]; allocated first. */
export type RouteTargets = ReadonlyMap<number, readonly [number, number, number]>;

/**
 * Quotas for one route given what is left in each hamlet: work time goes to the best
 * urgency-weighted people per minute first (a fractional knapsack in whole people), each
 * stop working whole minutes. Venue quotas stay within floor(reach × non-homebound left),
 * home visits within the homebound left. Returns null if travel and setup alone overrun.
 */
export function allocate(prepared: Prepared, team: number, slot: PSlot, stops: readonly number[], pools: Pools, targets?: RouteTargets): RoutePlan | null {
  const frame = routeFrame(prepared, team, slot, stops);
  if (frame.work < 0) return null;
  const options = workOptions(prepared, team, slot, stops, pools);
  const fill = fillQuotas(prepared, team, stops, options, targets ? null : pools.guide, frame.work, targets);
  const timed = timeStops(prepared, team, slot, stops, fill);
  return {
    stops: timed.stops, depart: slot.start, ret: timed.ret, distanceM: frame.distanceM, travel: frame.travel,
    people: timed.people, value: timed.value, guided: fill.guided, guideUse: fill.guideUse, idleMinutes: frame.work - fill.totalUsed,
  };
}

/** Every kind of work the team could do at the stops, best urgency-weighted people per minute first. */
function workOptions(prepared: Prepared, team: number, slot: PSlot, stops: readonly number[], pools: Pools): WorkOption[] {
  const { homebound } = pools;
  const { can, tp, htp } = prepared.teams[team]!;
  const hamletCount = prepared.hamlets.length;
  const key = shiftKeyOf(slot);
  const options: WorkOption[] = [];
  stops.forEach((hamlet, stop) => {
    const { reach: reaches, weight: urgency } = prepared.hamlets[hamlet]!;
    const reach = reaches[slot.kind] ?? 0;
    for (let service = 0; service < 2; service++) {
      if (!can[service]) continue;
      const at = service * hamletCount + hamlet;
      const weight = urgency * prepared.serviceWeight[service]!;
      if (!slot.homeOnly && reach > 0) {
        const cap = shiftReachable(pools, reach, hamlet, at, key);
        if (cap > 0) options.push({ stop, service, home: false, group: service, cap, perPerson: 60 / tp[service]!, rate: weight * tp[service]! });
      }
      if (htp > 0) {
        const cap = homebound[at]!;
        if (cap > 0) options.push({ stop, service, home: true, group: 2, cap, perPerson: 60 / htp, rate: weight * htp });
      }
    }
  });
  return options.sort((a, b) => b.rate - a.rate || a.stop - b.stop || a.service - b.service || Number(a.home) - Number(b.home));
}

/** Phase 0: what the guide gives this team here; phase 1: everything by people per minute. */
function fillQuotas(
  prepared: Prepared, team: number, stops: readonly number[], options: WorkOption[], guide: Float64Array | null, work: number, targets?: RouteTargets,
): Fill {
  const hamletCount = prepared.hamlets.length;
  const fill: Fill = {
    exact: new Float64Array(stops.length), used: new Int32Array(stops.length),
    quota: stops.map((): [number, number] => [0, 0]), home: stops.map((): [number, number] => [0, 0]),
    totalUsed: 0, guided: 0, guideUse: [],
  };
  const { exact, used } = fill;
  for (let phase = 0; phase < 2; phase++) {
    if (phase === 0 && !guide && !targets) continue;
    for (const option of options) {
      const hamlet = stops[option.stop]!;
      const guideKey = (team * hamletCount + hamlet) * 3 + option.group;
      const target = phase !== 0 ? Infinity : targets ? (targets.get(hamlet)?.[option.group] ?? 0) : Math.ceil(guide![guideKey]! - 1e-6);
      if (target <= 0) continue;
      const room = work - (fill.totalUsed - used[option.stop]!);
      const fit = Math.floor((room - exact[option.stop]! + MINUTE_EPS) / option.perPerson);
      let take = Math.min(option.cap, fit, target);
      while (take > 0 && Math.ceil(exact[option.stop]! + take * option.perPerson - MINUTE_EPS) > room) take--;
      if (take <= 0) continue;
      option.cap -= take;
      const weight = prepared.hamlets[hamlet]!.weight * prepared.serviceWeight[option.service]!;
      if (phase === 0 || (!guide && !targets)) {
        fill.guided += take * weight;
        if (guide) fill.guideUse.push(guideKey, take);
      } else fill.guided += take * weight * prepared.offGuide;
      exact[option.stop] = exact[option.stop]! + take * option.perPerson;
      const minutes = Math.ceil(exact[option.stop]! - MINUTE_EPS);
      fill.totalUsed += minutes - used[option.stop]!;
      used[option.stop] = minutes;
      const row = (option.home ? fill.home : fill.quota)[option.stop]!;
      row[option.service] = row[option.service]! + take;
    }
  }
  return fill;
}

/** The route's clock: leave at the shift's start, travel, set up and work each stop in turn. */
function timeStops(
  prepared: Prepared, team: number, slot: PSlot, stops: readonly number[], fill: Fill,
): { stops: StopPlan[]; ret: number; people: number; value: number } {
  const { node: base, setup } = prepared.teams[team]!;
  let clock = slot.start;
  let at = base;
  let people = 0;
  let value = 0;
  const planned: StopPlan[] = stops.map((hamlet, stop) => {
    const node = prepared.hamlets[hamlet]!.node;
    const arrive = clock + prepared.minutes[at * prepared.nodeCount + node]!;
    const start = arrive + setup;
    const end = start + fill.used[stop]!;
    clock = end;
    at = node;
    const quota = fill.quota[stop]!;
    const home = fill.home[stop]!;
    const got = quota[0] + quota[1] + home[0] + home[1];
    people += got;
    value += ((quota[0] + home[0]) * prepared.serviceWeight[0] + (quota[1] + home[1]) * prepared.serviceWeight[1]) * prepared.hamlets[hamlet]!.weight;
    return { hamlet, arrive, start, end, quota, home };
  });
  return { stops: planned, ret: clock + prepared.minutes[at * prepared.nodeCount + base]!, people, value };
}

/** Takes a route's share of the guide off the targets still to meet. */
export function consumeGuide(plan: RoutePlan, pools: Pools): void {
  const { guide } = pools;
  if (!guide) return;
  for (let i = 0; i < plan.guideUse.length; i += 2) guide[plan.guideUse[i]!] = guide[plan.guideUse[i]!]! - plan.guideUse[i + 1]!;
}

/** Takes a route's quotas out of what is left to enrol, and its share of the guide. */
export function commit(prepared: Prepared, plan: RoutePlan, pools: Pools, slot: PSlot): void {
  const { nonHomebound, homebound, shift } = pools;
  const hamletCount = prepared.hamlets.length;
  consumeGuide(plan, pools);
  const key = shiftKeyOf(slot);
  for (const stop of plan.stops) {
    if (shift) takeInShift(shift, hamletCount, stop.hamlet, stop.quota, key);
    for (let service = 0; service < 2; service++) {
      const at = service * hamletCount + stop.hamlet;
      nonHomebound[at] = nonHomebound[at]! - stop.quota[service]!;
      homebound[at] = homebound[at]! - stop.home[service]!;
    }
  }
}

export function routeCost(prepared: Prepared, vehicles: readonly number[], distanceM: number): number {
  let perKm = 0;
  for (const vehicle of vehicles) perKm += prepared.vehicles[vehicle]!.vehicle.costPerKm;
  return Math.round((distanceM * perKm) / 1000);
}
