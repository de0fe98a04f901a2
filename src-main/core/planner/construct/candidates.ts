import { allocate, shiftReachable } from '../evaluate/allocate';
import { shiftKeyOf, type Pools, type RoutePlan } from '../evaluate/route-plan';
import { daysToCut } from '../prepare/days';
import type { Prepared, PSlot } from '../prepare/prepared';
import type { Rng } from '../../rng';
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

function closingBonus(prepared: Prepared, hamlet: number, day: number): number {
  const ph = prepared.hamlets[hamlet]!;
  if (ph.firstCutDay < 0) return 1;
  const days = daysToCut(ph.cut, day, CLOSING_WINDOW);
  return days === Infinity ? 1 : 1 + CLOSING_BONUS * (1 - days / CLOSING_WINDOW);
}

/**
 * What a team could enrol at one hamlet alone in a shift, from the pools given: the
 * single-stop case of allocate(), kept allocation-free because the search calls it for
 * every hamlet it looks at, and filling in the same order. Returns the guided value
 * (weighted people, those beyond the guide at prepared.offGuide) or, with `plain`, weighted people.
 */
export function singleValue(prepared: Prepared, teamIndex: number, slot: PSlot, hamlet: number, pools: Pools, plain = false): number {
  const team = prepared.teams[teamIndex]!;
  const ph = prepared.hamlets[hamlet]!;
  const nodeCount = prepared.nodeCount;
  const work = slot.end - slot.start - prepared.minutes[team.node * nodeCount + ph.node]! - prepared.minutes[ph.node * nodeCount + team.node]! - team.setup;
  if (work < 0) return -1;
  const hamletCount = prepared.hamlets.length;
  const { homebound } = pools;
  const guide = plain ? null : pools.guide;
  const reach = ph.reach[slot.kind] ?? 0;
  const key = shiftKeyOf(slot);
  let count = 0;
  for (let service = 0; service < 2; service++) {
    if (!team.can[service]) continue;
    if (!slot.homeOnly && reach > 0) {
      const cap = shiftReachable(pools, reach, hamlet, service * hamletCount + hamlet, key);
      if (cap > 0) { RATE[count] = team.tp[service]!; CAP[count] = cap; GROUP[count] = service; WORTH[count] = prepared.serviceWeight[service]!; count++; }
    }
    if (team.htp > 0 && homebound[service * hamletCount + hamlet]! > 0) {
      RATE[count] = team.htp; CAP[count] = homebound[service * hamletCount + hamlet]!; GROUP[count] = 2; WORTH[count] = prepared.serviceWeight[service]!; count++;
    }
  }
  if (count === 0) return 0;
  // allocate() sorts by worth per minute (the hamlet's urgency is the same for every option
  // here), then service, venue first: the insertion order above is already service-then-venue,
  // so a stable sort matches.
  for (let i = 0; i < count; i++) ORDER[i] = i;
  for (let i = 1; i < count; i++) {
    const option = ORDER[i]!;
    let j = i - 1;
    while (j >= 0 && RATE[ORDER[j]!]! * WORTH[ORDER[j]!]! < RATE[option]! * WORTH[option]!) { ORDER[j + 1] = ORDER[j]!; j--; }
    ORDER[j + 1] = option;
  }
  let exact = 0;
  let value = 0;
  for (let phase = guide ? 0 : 1; phase < 2; phase++) {
    for (let rank = 0; rank < count; rank++) {
      const i = ORDER[rank]!;
      const target = phase === 0 ? Math.ceil(guide![(teamIndex * hamletCount + hamlet) * 3 + GROUP[i]!]! - 1e-6) : Infinity;
      if (target <= 0) continue;
      const pp = 60 / RATE[i]!;
      let take = Math.min(CAP[i]!, Math.floor((work - exact + 1e-7) / pp), target);
      while (take > 0 && Math.ceil(exact + take * pp - 1e-7) > work) take--;
      if (take <= 0) continue;
      CAP[i] = CAP[i]! - take;
      exact += take * pp;
      value += (phase === 0 || !guide ? take : take * prepared.offGuide) * WORTH[i]!;
    }
  }
  return value * ph.weight;
}

const RATE = new Float64Array(4);
/** Worth of one person of the option's service (prepared.serviceWeight). */
const WORTH = new Float64Array(4);
const CAP = new Float64Array(4);
const GROUP = new Int32Array(4);
const ORDER = new Int32Array(4);

function score(prepared: Prepared, ctx: ScoreContext, team: number, slot: PSlot, stops: readonly number[], plan: RoutePlan): number {
  let bonus = 1;
  for (const hamlet of stops) bonus = Math.max(bonus, closingBonus(prepared, hamlet, slot.day));
  let rated = plan.guided * bonus;
  if (ctx.rng && ctx.noise > 0) rated *= 1 + ctx.noise * (ctx.rng.next() - 0.5);
  const prev = ctx.previous.get(`${slot.day}|${slot.templateId}|${team}`);
  if (prev && stops.every((h) => prev.has(h))) rated += PREVIOUS_TIEBREAK;
  return rated - KM_TIEBREAK * plan.distanceM;
}

function hasDemand(prepared: Prepared, teamIndex: number, hamlet: number, slot: PSlot, nonHomebound: Int32Array, homebound: Int32Array): boolean {
  const team = prepared.teams[teamIndex]!;
  const hamletCount = prepared.hamlets.length;
  for (let service = 0; service < 2; service++) {
    if (!team.can[service]) continue;
    if (!slot.homeOnly && nonHomebound[service * hamletCount + hamlet]! > 0 && (prepared.hamlets[hamlet]!.reach[slot.kind] ?? 0) > 0) return true;
    if (team.htp > 0 && homebound[service * hamletCount + hamlet]! > 0) return true;
  }
  return false;
}

/**
 * Upper estimate of what a team can do in a shift (vehicles and other teams ignored):
 * the construction uses it to choose which shifts of a week each team works.
 */
export function estimateShift(prepared: Prepared, state: PlanState, teamIndex: number, slot: PSlot): number {
  const team = prepared.teams[teamIndex]!;
  if (team.base < 0) return 0;
  const hamletCount = prepared.hamlets.length;
  const length = slot.end - slot.start - team.setup;
  let best = 0;
  for (const hamlet of prepared.byDistance[team.base]!) {
    const ph = prepared.hamlets[hamlet]!;
    const work = length - prepared.minutes[team.node * prepared.nodeCount + ph.node]! - prepared.minutes[ph.node * prepared.nodeCount + team.node]!;
    if (work * team.maxRatePerMin * (1 + 1e-9) * 1.1 < best) break;
    if (ph.cut[slot.month] || !prepared.reachable[teamIndex * hamletCount + hamlet]) continue;
    best = Math.max(best, singleValue(prepared, teamIndex, slot, hamlet, state, true));
  }
  return best;
}

/** The best route for one team in one shift, given who is already where. */
export function bestRoute(prepared: Prepared, state: PlanState, teamIndex: number, slot: PSlot, ctx: ScoreContext): Candidate | null {
  const team = prepared.teams[teamIndex]!;
  if (team.base < 0) return null;
  const hamletCount = prepared.hamlets.length;
  const length = slot.end - slot.start - team.setup;
  const noiseMax = 1 + ctx.noise / 2;
  const singles: { hamlet: number; bound: number; vehicles: number[] }[] = [];
  const fleet = new Map<number, number[] | null>();
  let threshold = 0;
  for (const hamletIndex of prepared.byDistance[team.base]!) {
    const ph = prepared.hamlets[hamletIndex]!;
    const work = length - prepared.minutes[team.node * prepared.nodeCount + ph.node]! - prepared.minutes[ph.node * prepared.nodeCount + team.node]!;
    if (work <= 0 || work * team.maxRatePerMin * 1.1 * MAX_BONUS * noiseMax < threshold) break;
    if (!prepared.reachable[teamIndex * hamletCount + hamletIndex] || !state.hamletFree(hamletIndex, slot)) continue;
    const single = singleValue(prepared, teamIndex, slot, hamletIndex, state);
    if (single <= 0) continue;
    const bound = single * closingBonus(prepared, hamletIndex, slot.day) * noiseMax;
    if (bound < threshold) continue;
    const fleetKey = ph.roadMask * 2 + (ph.moto ? 1 : 0);
    if (!fleet.has(fleetKey)) fleet.set(fleetKey, state.pickVehicles(teamIndex, [hamletIndex], slot));
    const vehicles = fleet.get(fleetKey);
    if (!vehicles) continue;
    singles.push({ hamlet: hamletIndex, bound, vehicles });
    singles.sort((a, b) => b.bound - a.bound || a.hamlet - b.hamlet);
    if (singles.length > TOP_SINGLES) singles.length = TOP_SINGLES;
    // Bounds carry the noise factor both ways: keep whatever might still come out on top.
    if (singles.length === TOP_SINGLES) threshold = singles[TOP_SINGLES - 1]!.bound / (noiseMax * noiseMax);
  }
  let best: Candidate | null = null;
  for (const single of singles) {
    const plan = allocate(prepared, teamIndex, slot, [single.hamlet], state);
    if (!plan || plan.people === 0) continue;
    const stops = [single.hamlet];
    let cand: Candidate = { team: teamIndex, stops, vehicles: single.vehicles, plan, score: score(prepared, ctx, teamIndex, slot, stops, plan) };
    if (plan.idleMinutes >= EXTEND_IDLE_MIN) cand = extend(prepared, state, cand, slot, ctx);
    if (!best || cand.score > best.score) best = cand;
  }
  return best;
}

/** Adds up to two more hamlets near the first when the shift has time left over. */
function extend(prepared: Prepared, state: PlanState, start: Candidate, slot: PSlot, ctx: ScoreContext): Candidate {
  const teamIndex = start.team;
  const hamletCount = prepared.hamlets.length;
  let current = start;
  for (let round = 0; round < MAX_STOPS - 1 && current.plan.idleMinutes >= EXTEND_IDLE_MIN; round++) {
    let improved: Candidate | null = null;
    const seen = new Set(current.stops);
    for (const anchor of current.stops) {
      for (const hamlet of prepared.neighbours[anchor]!) {
        if (seen.has(hamlet)) continue;
        seen.add(hamlet);
        if (!prepared.reachable[teamIndex * hamletCount + hamlet] || !state.hamletFree(hamlet, slot)) continue;
        if (!hasDemand(prepared, teamIndex, hamlet, slot, state.nonHomebound, state.homebound)) continue;
        for (let pos = 0; pos <= current.stops.length; pos++) {
          const stops = [...current.stops.slice(0, pos), hamlet, ...current.stops.slice(pos)];
          const plan = allocate(prepared, teamIndex, slot, stops, state);
          if (!plan || plan.stops.some((s) => s.quota[0] + s.quota[1] + s.home[0] + s.home[1] === 0)) continue;
          const sc = score(prepared, ctx, teamIndex, slot, stops, plan);
          if (sc <= (improved ?? current).score) continue;
          const vehicles = state.pickVehicles(teamIndex, stops, slot);
          if (!vehicles) continue;
          improved = { team: teamIndex, stops, vehicles, plan, score: sc };
        }
      }
    }
    if (!improved) break;
    current = improved;
  }
  return current;
}
