import type { Route } from '../model';
import { allocate, clonePools, commit, routeCost, type Pools, type RoutePlan } from './evaluate';
import { teamWorksSlot, type Prepared } from './prepare';
import type { Skeleton } from './state';

/**
 * The four levels of DOMAIN.md, compared lexicographically:
 * 1. urgency-weighted people enrolled by the deadline (higher is better);
 * 2. imbalance: coefficient of variation of shifts per team (lower is better);
 * 3. vehicle cost, then kilometres (lower is better);
 * 4. routes changed against the previous plan (lower is better).
 */
export interface Objective {
  weighted: number;
  people: number;
  imbalance: number;
  cost: number;
  distanceM: number;
  changes: number;
}

const EPS_WEIGHTED = 1e-6;
const EPS_IMBALANCE = 1e-9;

/** Positive when a is better than b. */
export function compareObjectives(a: Objective, b: Objective): number {
  if (Math.abs(a.weighted - b.weighted) > EPS_WEIGHTED) return a.weighted - b.weighted;
  if (Math.abs(a.imbalance - b.imbalance) > EPS_IMBALANCE) return b.imbalance - a.imbalance;
  if (a.cost !== b.cost) return b.cost - a.cost;
  if (a.distanceM !== b.distanceM) return b.distanceM - a.distanceM;
  return b.changes - a.changes;
}

export function compareSkeletons(P: Prepared, a: Skeleton, b: Skeleton): number {
  return a.slot.day - b.slot.day || a.slot.start - b.slot.start || a.slot.templateId - b.slot.templateId
    || P.teams[a.team]!.team.id - P.teams[b.team]!.team.id;
}

export const routeKey = (date: string, templateId: number, teamId: number, hamletIds: readonly number[]): string =>
  `${date}|${templateId}|${teamId}|${[...hamletIds].sort((x, y) => x - y).join(',')}`;

/** Routes that differ from the previous plan: added plus dropped, on (date, shift, team, hamlets). */
export function countChanges(previous: readonly Route[], current: readonly string[], from: string, deadline: string): number {
  const left = new Map<string, number>();
  for (const r of previous) {
    if (r.date < from || r.date > deadline) continue;
    const key = routeKey(r.date, r.templateId, r.teamId, r.stops.map((s) => s.hamletId));
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  let changes = 0;
  for (const key of current) {
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else changes++;
  }
  for (const count of left.values()) changes += count;
  return changes;
}

export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

export interface Evaluation {
  plans: RoutePlan[];
  objective: Objective;
  pools: Pools;
}

/** Pools after the pinned routes took their share, shared by every evaluation. */
export interface Baseline extends Pools {
  pinned: readonly Route[];
  /** Teams that have at least one shift they may work: the population for imbalance. */
  activeTeams: number[];
}

export function makeBaseline(P: Prepared, pools: Pools): Baseline {
  const activeTeams = P.teams.flatMap((team, t) => (P.slots.some((s) => teamWorksSlot(team, s)) ? [t] : []));
  return { ...clonePools(pools), pinned: P.instance.pinned, activeTeams };
}

/**
 * Quotas and times of every planned route, in chronological order from the pools left
 * by the pinned routes, and the objective of the whole plan. `skeletons` must be sorted
 * with compareSkeletons.
 */
export function evaluate(P: Prepared, base: Baseline, skeletons: readonly Skeleton[]): Evaluation {
  const pools = clonePools(base);
  const plans: RoutePlan[] = [];
  let weighted = 0;
  let people = 0;
  let cost = 0;
  let distanceM = 0;
  const shifts = new Float64Array(P.teams.length);
  const keys: string[] = [];
  for (const sk of skeletons) {
    const plan = allocate(P, sk.team, sk.slot, sk.stops, pools);
    if (!plan) throw new Error('planner: a planned route does not fit its shift');
    commit(P, plan, pools);
    plans.push(plan);
    weighted += plan.value;
    people += plan.people;
    distanceM += plan.distanceM;
    cost += routeCost(P, sk.vehicles, plan.distanceM);
    shifts[sk.team] = shifts[sk.team]! + 1;
    keys.push(routeKey(sk.slot.date, sk.slot.templateId, P.teams[sk.team]!.team.id, sk.stops.map((h) => P.hamlets[h]!.hamlet.id)));
  }
  for (const r of base.pinned) {
    const t = P.teamIdx.get(r.teamId);
    if (t !== undefined) shifts[t] = shifts[t]! + 1;
    distanceM += r.distanceM;
    cost += r.cost;
    for (const s of r.stops) {
      const got = s.quota.cccd + s.quota.eid + s.homeVisits.cccd + s.homeVisits.eid;
      people += got;
      const h = P.hamletIdx.get(s.hamletId);
      weighted += got * (h === undefined ? 1 : P.hamlets[h]!.weight);
    }
    keys.push(routeKey(r.date, r.templateId, r.teamId, r.stops.map((s) => s.hamletId)));
  }
  const imbalance = coefficientOfVariation(base.activeTeams.map((t) => shifts[t]!));
  const changes = countChanges(P.instance.previous, keys, P.instance.from, P.instance.campaign.deadline);
  return { plans, objective: { weighted, people, imbalance, cost, distanceM, changes }, pools };
}
