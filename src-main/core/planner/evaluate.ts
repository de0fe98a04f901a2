import type { Prepared, PSlot } from './prepare';

/** Numerical guard when turning fractional work hours into whole minutes. */
const MINUTE_EPS = 1e-7;
/** floor(reach × left) with a guard so 0.7 × 10 counts as 7, as a person would count it. */
export const reachable = (reach: number, left: number): number => Math.floor(reach * left + 1e-9);

/** What is left to enrol, per service s and hamlet h (s * H + h), and the guide still to follow. */
export interface Pools {
  nonHomebound: Int32Array;
  homebound: Int32Array;
  /** Guide targets not yet met ((t * H + h) * 3 + group), or null without a guide. */
  guide: Float64Array | null;
}

export const clonePools = (p: Pools): Pools => ({
  nonHomebound: p.nonHomebound.slice(), homebound: p.homebound.slice(), guide: p.guide ? p.guide.slice() : null,
});

/**
 * Worth, when choosing routes, of people a team enrols beyond what the guide gives it at
 * that hamlet (Prepared.offGuide): low, so teams keep to their part of the division of
 * labour, not zero, so spare time is still used.
 */

export interface StopPlan {
  hamlet: number;
  arrive: number;
  start: number;
  end: number;
  quota: [number, number];
  home: [number, number];
}

export interface RoutePlan {
  stops: StopPlan[];
  depart: number;
  ret: number;
  distanceM: number;
  travel: number;
  people: number;
  /** Urgency-weighted people (objective level 1). */
  value: number;
  /** Urgency-weighted people, those beyond the guide's targets counted at Prepared.offGuide. */
  guided: number;
  /** Guide targets this route meets: pairs of (index, people). */
  guideUse: number[];
  /** Work minutes left unused in the shift. */
  idleMinutes: number;
}

interface Option {
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

/** Travel and setup of a sequence: what is left of the shift for work, or -1 if it does not fit. */
export function routeFrame(P: Prepared, t: number, slot: PSlot, stops: readonly number[]): { travel: number; distanceM: number; work: number } {
  const team = P.teams[t]!;
  const n = P.n;
  let at = team.node;
  let travel = 0;
  let distanceM = 0;
  for (const h of stops) {
    const node = P.hamlets[h]!.node;
    travel += P.minutes[at * n + node]!;
    distanceM += P.metres[at * n + node]!;
    at = node;
  }
  travel += P.minutes[at * n + team.node]!;
  distanceM += P.metres[at * n + team.node]!;
  const work = slot.end - slot.start - travel - stops.length * team.setup;
  return { travel, distanceM, work: work < 0 ? -1 : work };
}

/** Hamlet h added to a route where the route travels least, or null if no position leaves time to work. */
export function insertion(P: Prepared, sk: { team: number; slot: PSlot; stops: readonly number[] }, h: number): number[] | null {
  let best: number[] | null = null;
  let bestWork = 0;
  for (let pos = 0; pos <= sk.stops.length; pos++) {
    const stops = [...sk.stops.slice(0, pos), h, ...sk.stops.slice(pos)];
    const work = routeFrame(P, sk.team, sk.slot, stops).work;
    if (work > bestWork) {
      bestWork = work;
      best = stops;
    }
  }
  return best;
}

/**
 * Quotas for one route given what is left in each hamlet: work time goes to the best
 * urgency-weighted people per minute first (a fractional knapsack in whole people), each
 * stop working whole minutes. Venue quotas stay within floor(reach × non-homebound left),
 * home visits within the homebound left. Returns null if travel and setup alone overrun.
 */
export function allocate(P: Prepared, t: number, slot: PSlot, stops: readonly number[], pools: Pools): RoutePlan | null {
  const { nonHomebound, homebound, guide } = pools;
  const frame = routeFrame(P, t, slot, stops);
  if (frame.work < 0) return null;
  const team = P.teams[t]!;
  const H = P.hamlets.length;
  const options: Option[] = [];
  stops.forEach((h, i) => {
    const ph = P.hamlets[h]!;
    const reach = ph.reach[slot.kind] ?? 0;
    for (let s = 0; s < 2; s++) {
      if (!team.can[s]) continue;
      if (!slot.homeOnly && reach > 0) {
        const cap = reachable(reach, nonHomebound[s * H + h]!);
        if (cap > 0) options.push({ stop: i, service: s, home: false, group: s, cap, perPerson: 60 / team.tp[s]!, rate: ph.weight * team.tp[s]! });
      }
      if (team.htp > 0) {
        const cap = homebound[s * H + h]!;
        if (cap > 0) options.push({ stop: i, service: s, home: true, group: 2, cap, perPerson: 60 / team.htp, rate: ph.weight * team.htp });
      }
    }
  });
  options.sort((a, b) => b.rate - a.rate || a.stop - b.stop || a.service - b.service || Number(a.home) - Number(b.home));

  const m = stops.length;
  const exact = new Float64Array(m);
  const used = new Int32Array(m);
  const quota = stops.map((): [number, number] => [0, 0]);
  const home = stops.map((): [number, number] => [0, 0]);
  let totalUsed = 0;
  let guided = 0;
  const guideUse: number[] = [];
  // Phase 0: what the guide gives this team here; phase 1: everything by people per minute.
  for (let phase = 0; phase < 2; phase++) {
    if (phase === 0 && !guide) continue;
    for (const o of options) {
      const gk = (t * H + stops[o.stop]!) * 3 + o.group;
      const target = phase === 0 ? Math.ceil(guide![gk]! - 1e-6) : Infinity;
      if (target <= 0) continue;
      const room = frame.work - (totalUsed - used[o.stop]!);
      const fit = Math.floor((room - exact[o.stop]! + MINUTE_EPS) / o.perPerson);
      let take = Math.min(o.cap, fit, target);
      while (take > 0 && Math.ceil(exact[o.stop]! + take * o.perPerson - MINUTE_EPS) > room) take--;
      if (take <= 0) continue;
      o.cap -= take;
      const weight = P.hamlets[stops[o.stop]!]!.weight;
      if (phase === 0 || !guide) {
        guided += take * weight;
        if (guide) guideUse.push(gk, take);
      } else guided += take * weight * P.offGuide;
      exact[o.stop] = exact[o.stop]! + take * o.perPerson;
      const minutes = Math.ceil(exact[o.stop]! - MINUTE_EPS);
      totalUsed += minutes - used[o.stop]!;
      used[o.stop] = minutes;
      const row = (o.home ? home : quota)[o.stop]!;
      row[o.service] = row[o.service]! + take;
    }
  }

  let clock = slot.start;
  let at = team.node;
  let people = 0;
  let value = 0;
  const planned: StopPlan[] = stops.map((h, i) => {
    const node = P.hamlets[h]!.node;
    const arrive = clock + P.minutes[at * P.n + node]!;
    const start = arrive + team.setup;
    const end = start + used[i]!;
    clock = end;
    at = node;
    const q = quota[i]!;
    const hv = home[i]!;
    const got = q[0] + q[1] + hv[0] + hv[1];
    people += got;
    value += got * P.hamlets[h]!.weight;
    return { hamlet: h, arrive, start, end, quota: q, home: hv };
  });
  const ret = clock + P.minutes[at * P.n + team.node]!;
  return { stops: planned, depart: slot.start, ret, distanceM: frame.distanceM, travel: frame.travel, people, value, guided, guideUse, idleMinutes: frame.work - totalUsed };
}

/** Takes a route's share of the guide off the targets still to meet. */
export function consumeGuide(plan: RoutePlan, pools: Pools): void {
  const { guide } = pools;
  if (guide) for (let i = 0; i < plan.guideUse.length; i += 2) guide[plan.guideUse[i]!] = guide[plan.guideUse[i]!]! - plan.guideUse[i + 1]!;
}

/** Takes a route's quotas out of what is left to enrol, and its share of the guide. */
export function commit(P: Prepared, plan: RoutePlan, pools: Pools): void {
  const { nonHomebound, homebound } = pools;
  const H = P.hamlets.length;
  consumeGuide(plan, pools);
  for (const s of plan.stops) {
    for (let k = 0; k < 2; k++) {
      nonHomebound[k * H + s.hamlet] = nonHomebound[k * H + s.hamlet]! - s.quota[k]!;
      homebound[k * H + s.hamlet] = homebound[k * H + s.hamlet]! - s.home[k]!;
    }
  }
}

export function routeCost(P: Prepared, vehicles: readonly number[], distanceM: number): number {
  let perKm = 0;
  for (const v of vehicles) perKm += P.vehicles[v]!.vehicle.costPerKm;
  return Math.round((distanceM * perKm) / 1000);
}
