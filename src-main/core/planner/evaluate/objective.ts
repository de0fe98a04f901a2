import type { Route } from '../../model';
import { teamWorksSlot, type Prepared } from '../prepare/prepared';
import { allocate, commit, routeCost } from './allocate';
import { clonePools, type Pools, type RoutePlan, type Skeleton } from './route-plan';

/**
 * The four levels of DOMAIN.md, compared lexicographically:
 * 1. urgency-weighted people enrolled by the deadline (higher is better), in a re-plan less
 *    CHANGE_PRICE per route changed against the published plan;
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
/**
 * In a re-plan, what one changed route must win to be made (weighted people): the published
 * plan was printed and announced, and a plan that differs for a handful of people more is not
 * worth re-printing rosters and re-telling hamlets. With nothing published, changes are 0.
 */
export const CHANGE_PRICE = 5;
const EPS_IMBALANCE = 1e-9;

/** Positive when a is better than b. */
export function compareObjectives(a: Objective, b: Objective): number {
  const gain = a.weighted - CHANGE_PRICE * a.changes - (b.weighted - CHANGE_PRICE * b.changes);
  if (Math.abs(gain) > EPS_WEIGHTED) return gain;
  if (Math.abs(a.imbalance - b.imbalance) > EPS_IMBALANCE) return b.imbalance - a.imbalance;
  if (a.cost !== b.cost) return b.cost - a.cost;
  if (a.distanceM !== b.distanceM) return b.distanceM - a.distanceM;
  return b.changes - a.changes;
}

export function compareSkeletons(prepared: Prepared, a: Skeleton, b: Skeleton): number {
  return a.slot.day - b.slot.day || a.slot.start - b.slot.start || a.slot.templateId - b.slot.templateId
    || prepared.teams[a.team]!.team.id - prepared.teams[b.team]!.team.id;
}

export const routeKey = (date: string, templateId: number, teamId: number, hamletIds: readonly number[]): string =>
  `${date}|${templateId}|${teamId}|${[...hamletIds].sort((x, y) => x - y).join(',')}`;

/** Routes that differ from the previous plan: added plus dropped, on (date, shift, team, hamlets). */
export function countChanges(previous: readonly Route[], current: readonly string[], from: string, deadline: string): number {
  const left = new Map<string, number>();
  for (const route of previous) {
    if (route.date < from || route.date > deadline) continue;
    const key = routeKey(route.date, route.templateId, route.teamId, route.stops.map((s) => s.hamletId));
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

/** A plan the search holds: its routes in chronological order, and their evaluation. */
export interface Solution {
  skeletons: Skeleton[];
  evaluation: Evaluation;
}

/** Pools after the pinned routes took their share, shared by every evaluation. */
export interface Baseline extends Pools {
  pinned: readonly Route[];
  /** Teams that have at least one shift they may work: the population for imbalance. */
  activeTeams: number[];
}

export function makeBaseline(prepared: Prepared, pools: Pools): Baseline {
  const activeTeams = prepared.teams.flatMap((team, t) => (prepared.slots.some((s) => teamWorksSlot(team, s)) ? [t] : []));
  return { ...clonePools(pools), pinned: prepared.instance.pinned, activeTeams };
}

/**
 * Quotas and times of every planned route, in chronological order from the pools left
 * by the pinned routes, and the objective of the whole plan. `skeletons` must be sorted
 * with compareSkeletons.
 */
export function evaluate(prepared: Prepared, base: Baseline, skeletons: readonly Skeleton[]): Evaluation {
  const pools = clonePools(base);
  const plans: RoutePlan[] = [];
  let weighted = 0;
  let people = 0;
  let cost = 0;
  let distanceM = 0;
  const shifts = new Float64Array(prepared.teams.length);
  const keys: string[] = [];
  for (const sk of skeletons) {
    const plan = allocate(prepared, sk.team, sk.slot, sk.stops, pools, sk.targets);
    if (!plan) throw new Error('planner: a planned route does not fit its shift');
    commit(prepared, plan, pools, sk.slot);
    plans.push(plan);
    weighted += plan.value;
    people += plan.people;
    distanceM += plan.distanceM;
    cost += routeCost(prepared, sk.vehicles, plan.distanceM);
    shifts[sk.team] = shifts[sk.team]! + 1;
    keys.push(routeKey(sk.slot.date, sk.slot.templateId, prepared.teams[sk.team]!.team.id, sk.stops.map((h) => prepared.hamlets[h]!.hamlet.id)));
  }
  for (const route of base.pinned) {
    const teamIndex = prepared.teamIdx.get(route.teamId);
    if (teamIndex !== undefined) shifts[teamIndex] = shifts[teamIndex]! + 1;
    distanceM += route.distanceM;
    cost += route.cost;
    for (const stop of route.stops) {
      people += stop.quota.cccd + stop.quota.eid + stop.homeVisits.cccd + stop.homeVisits.eid;
      const hamletIndex = prepared.hamletIdx.get(stop.hamletId);
      const [cccd, eid] = prepared.serviceWeight;
      weighted += ((stop.quota.cccd + stop.homeVisits.cccd) * cccd + (stop.quota.eid + stop.homeVisits.eid) * eid)
        * (hamletIndex === undefined ? 1 : prepared.hamlets[hamletIndex]!.weight);
    }
    keys.push(routeKey(route.date, route.templateId, route.teamId, route.stops.map((s) => s.hamletId)));
  }
  const imbalance = coefficientOfVariation(base.activeTeams.map((t) => shifts[t]!));
  const { previous } = prepared.instance;
  const changes = previous.length ? countChanges(previous, keys, prepared.instance.from, prepared.instance.campaign.deadline) : 0;
  return { plans, objective: { weighted, people, imbalance, cost, distanceM, changes }, pools };
}
