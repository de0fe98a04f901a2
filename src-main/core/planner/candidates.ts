import { daysToCut } from './days';
import { allocate, reachable, type Pools, type RoutePlan } from './evaluate';
import type { Prepared, PSlot } from './prepare';
import type { Rng } from './rng';
import type { PlanState } from './state';

/** A route the construction could commit: one team, one shift, 1-3 hamlets. */
export interface Candidate {
  team: number;
  stops: number[];
  vehicles: number[];
  plan: RoutePlan;
  score: number;
}

export interface ScoreContext {
  rng: Rng | null;
  /** Relative noise on scores (0 = pure greedy), for diversification in the search. */
  noise: number;
  /** `${day}|${templateId}|${team}` -> hamlets of the previous plan, to keep what was published. */
  previous: ReadonlyMap<string, ReadonlySet<number>>;
}

/** A hamlet whose road closes within this many days gets up to CLOSING_BONUS more score. */
const CLOSING_WINDOW = 21;
const CLOSING_BONUS = 0.3;
const MAX_BONUS = 1 + CLOSING_BONUS;
/** A multi-stop route is only tried when the first stop leaves this much of the shift idle. */
const EXTEND_IDLE_MIN = 15;
const TOP_SINGLES = 3;
/** Hamlets per route at most: more rarely pays once setups are counted (measured on the demo). */
const MAX_STOPS = 3;
const KM_TIEBREAK = 1e-7;
const PREVIOUS_TIEBREAK = 1e-3;

function closingBonus(P: Prepared, h: number, day: number): number {
  const ph = P.hamlets[h]!;
  if (ph.firstCutDay < 0) return 1;
  const days = daysToCut(ph.cut, day, CLOSING_WINDOW);
  return days === Infinity ? 1 : 1 + CLOSING_BONUS * (1 - days / CLOSING_WINDOW);
}

/**
 * What a team could enrol at one hamlet alone in a shift, from the pools given: the
 * single-stop case of allocate(), kept allocation-free because the search calls it for
 * every hamlet it looks at, and filling in the same order. Returns the guided value
 * (weighted people, those beyond the guide at P.offGuide) or, with `plain`, weighted people.
 */
export function singleValue(P: Prepared, t: number, slot: PSlot, h: number, pools: Pools, plain = false): number {
  const team = P.teams[t]!;
  const ph = P.hamlets[h]!;
  const n = P.n;
  const work = slot.end - slot.start - P.minutes[team.node * n + ph.node]! - P.minutes[ph.node * n + team.node]! - team.setup;
  if (work < 0) return -1;
  const H = P.hamlets.length;
  const { nonHomebound, homebound } = pools;
  const guide = plain ? null : pools.guide;
  const reach = ph.reach[slot.kind] ?? 0;
  let count = 0;
  for (let s = 0; s < 2; s++) {
    if (!team.can[s]) continue;
    if (!slot.homeOnly && reach > 0) {
      const cap = reachable(reach, nonHomebound[s * H + h]!);
      if (cap > 0) { RATE[count] = team.tp[s]!; CAP[count] = cap; GROUP[count] = s; count++; }
    }
    if (team.htp > 0 && homebound[s * H + h]! > 0) { RATE[count] = team.htp; CAP[count] = homebound[s * H + h]!; GROUP[count] = 2; count++; }
  }
  if (count === 0) return 0;
  // allocate() sorts by rate (weights are equal at one hamlet), then service, venue first:
  // the insertion order above is already service-then-venue, so a stable sort matches.
  for (let i = 0; i < count; i++) ORDER[i] = i;
  for (let i = 1; i < count; i++) {
    const k = ORDER[i]!;
    let j = i - 1;
    while (j >= 0 && RATE[ORDER[j]!]! < RATE[k]!) { ORDER[j + 1] = ORDER[j]!; j--; }
    ORDER[j + 1] = k;
  }
  let exact = 0;
  let value = 0;
  for (let phase = guide ? 0 : 1; phase < 2; phase++) {
    for (let o = 0; o < count; o++) {
      const i = ORDER[o]!;
      const target = phase === 0 ? Math.ceil(guide![(t * H + h) * 3 + GROUP[i]!]! - 1e-6) : Infinity;
      if (target <= 0) continue;
      const pp = 60 / RATE[i]!;
      let take = Math.min(CAP[i]!, Math.floor((work - exact + 1e-7) / pp), target);
      while (take > 0 && Math.ceil(exact + take * pp - 1e-7) > work) take--;
      if (take <= 0) continue;
      CAP[i] = CAP[i]! - take;
      exact += take * pp;
      value += phase === 0 || !guide ? take : take * P.offGuide;
    }
  }
  return value * ph.weight;
}

const RATE = new Float64Array(4);
const CAP = new Float64Array(4);
const GROUP = new Int32Array(4);
const ORDER = new Int32Array(4);

function score(P: Prepared, ctx: ScoreContext, t: number, slot: PSlot, stops: readonly number[], plan: RoutePlan): number {
  let bonus = 1;
  for (const h of stops) bonus = Math.max(bonus, closingBonus(P, h, slot.day));
  let s = plan.guided * bonus;
  if (ctx.rng && ctx.noise > 0) s *= 1 + ctx.noise * (ctx.rng.next() - 0.5);
  const prev = ctx.previous.get(`${slot.day}|${slot.templateId}|${t}`);
  if (prev && stops.every((h) => prev.has(h))) s += PREVIOUS_TIEBREAK;
  return s - KM_TIEBREAK * plan.distanceM;
}

function hasDemand(P: Prepared, t: number, h: number, slot: PSlot, nonHomebound: Int32Array, homebound: Int32Array): boolean {
  const team = P.teams[t]!;
  const H = P.hamlets.length;
  for (let s = 0; s < 2; s++) {
    if (!team.can[s]) continue;
    if (!slot.homeOnly && nonHomebound[s * H + h]! > 0 && (P.hamlets[h]!.reach[slot.kind] ?? 0) > 0) return true;
    if (team.htp > 0 && homebound[s * H + h]! > 0) return true;
  }
  return false;
}

/**
 * Upper estimate of what a team can do in a shift (vehicles and other teams ignored):
 * the construction uses it to choose which shifts of a week each team works.
 */
export function estimateShift(P: Prepared, state: PlanState, t: number, slot: PSlot): number {
  const team = P.teams[t]!;
  if (team.base < 0) return 0;
  const H = P.hamlets.length;
  const length = slot.end - slot.start - team.setup;
  let best = 0;
  for (const h of P.byDistance[team.base]!) {
    const ph = P.hamlets[h]!;
    const work = length - P.minutes[team.node * P.n + ph.node]! - P.minutes[ph.node * P.n + team.node]!;
    if (work * team.maxRatePerMin * (1 + 1e-9) * 1.1 < best) break;
    if (ph.cut[slot.month] || !P.reachable[t * H + h]) continue;
    best = Math.max(best, singleValue(P, t, slot, h, state, true));
  }
  return best;
}

/** The best route for one team in one shift, given who is already where. */
export function bestRoute(P: Prepared, state: PlanState, t: number, slot: PSlot, ctx: ScoreContext): Candidate | null {
  const team = P.teams[t]!;
  if (team.base < 0) return null;
  const H = P.hamlets.length;
  const length = slot.end - slot.start - team.setup;
  const noiseMax = 1 + ctx.noise / 2;
  const singles: { h: number; bound: number; vehicles: number[] }[] = [];
  const fleet = new Map<number, number[] | null>();
  let threshold = 0;
  for (const h of P.byDistance[team.base]!) {
    const ph = P.hamlets[h]!;
    const work = length - P.minutes[team.node * P.n + ph.node]! - P.minutes[ph.node * P.n + team.node]!;
    if (work <= 0 || work * team.maxRatePerMin * 1.1 * MAX_BONUS * noiseMax < threshold) break;
    if (!P.reachable[t * H + h] || !state.hamletFree(h, slot)) continue;
    const v = singleValue(P, t, slot, h, state);
    if (v <= 0) continue;
    const bound = v * closingBonus(P, h, slot.day) * noiseMax;
    if (bound < threshold) continue;
    const fleetKey = ph.roadMask * 2 + (ph.moto ? 1 : 0);
    if (!fleet.has(fleetKey)) fleet.set(fleetKey, state.pickVehicles(t, [h], slot));
    const vehicles = fleet.get(fleetKey);
    if (!vehicles) continue;
    singles.push({ h, bound, vehicles });
    singles.sort((a, b) => b.bound - a.bound || a.h - b.h);
    if (singles.length > TOP_SINGLES) singles.length = TOP_SINGLES;
    // Bounds carry the noise factor both ways: keep whatever might still come out on top.
    if (singles.length === TOP_SINGLES) threshold = singles[TOP_SINGLES - 1]!.bound / (noiseMax * noiseMax);
  }
  let best: Candidate | null = null;
  for (const { h, vehicles } of singles) {
    const plan = allocate(P, t, slot, [h], state);
    if (!plan || plan.people === 0) continue;
    let cand: Candidate = { team: t, stops: [h], vehicles, plan, score: score(P, ctx, t, slot, [h], plan) };
    if (plan.idleMinutes >= EXTEND_IDLE_MIN) cand = extend(P, state, cand, slot, ctx);
    if (!best || cand.score > best.score) best = cand;
  }
  return best;
}

/** Adds up to two more hamlets near the first when the shift has time left over. */
function extend(P: Prepared, state: PlanState, start: Candidate, slot: PSlot, ctx: ScoreContext): Candidate {
  const t = start.team;
  const H = P.hamlets.length;
  let current = start;
  for (let round = 0; round < MAX_STOPS - 1 && current.plan.idleMinutes >= EXTEND_IDLE_MIN; round++) {
    let improved: Candidate | null = null;
    const seen = new Set(current.stops);
    for (const anchor of current.stops) {
      for (const h of P.neighbours[anchor]!) {
        if (seen.has(h)) continue;
        seen.add(h);
        if (!P.reachable[t * H + h] || !state.hamletFree(h, slot)) continue;
        if (!hasDemand(P, t, h, slot, state.nonHomebound, state.homebound)) continue;
        for (let pos = 0; pos <= current.stops.length; pos++) {
          const stops = [...current.stops.slice(0, pos), h, ...current.stops.slice(pos)];
          const plan = allocate(P, t, slot, stops, state);
          if (!plan || plan.stops.some((s) => s.quota[0] + s.quota[1] + s.home[0] + s.home[1] === 0)) continue;
          const sc = score(P, ctx, t, slot, stops, plan);
          if (sc <= (improved ?? current).score) continue;
          const vehicles = state.pickVehicles(t, stops, slot);
          if (!vehicles) continue;
          improved = { team: t, stops, vehicles, plan, score: sc };
        }
      }
    }
    if (!improved) break;
    current = improved;
  }
  return current;
}
