import { burndown, clearanceDate, enrolledUntil, residualLeft, shortfall } from '../../analysis';
import type { PlanReport, Route } from '../../model';
import type { Baseline, Evaluation } from '../evaluate/objective';
import type { Skeleton } from '../evaluate/route-plan';
import type { Prepared } from '../prepare/prepared';
import { sortRoutes, toRoute } from './routes';

/** The plan's routes as the model's Routes, pinned ones included, in output order. */
export function materialize(prepared: Prepared, baseline: Baseline, skeletons: readonly Skeleton[], evaluation: Evaluation): Route[] {
  const planned = skeletons.map((skeleton, i) => toRoute(prepared, skeleton, evaluation.plans[i]!));
  return sortRoutes(prepared, [...baseline.pinned.map((route) => ({ ...route, pinned: true })), ...planned]);
}

/** The report of a plan (the checker's verdict and the seconds are the caller's). */
export function buildReport(
  prepared: Prepared, routes: readonly Route[], projected: readonly Route[], evaluation: Evaluation, bound: { people: number; source: 'lp' | 'capacity' }, seed: number,
): Omit<PlanReport, 'checker'> {
  const { instance } = prepared;
  const deadline = instance.campaign.deadline;
  const backlog = { cccd: 0, eid: 0 };
  for (const hamletBacklog of instance.backlogs) {
    backlog.cccd += hamletBacklog.remaining.cccd;
    backlog.eid += hamletBacklog.remaining.eid;
  }
  const enrolled = enrolledUntil(routes, deadline);
  const clearance = clearanceDate(instance, [...routes, ...projected]);
  const short = shortfall(instance, routes);
  let distanceM = 0;
  let cost = 0;
  for (const route of routes) {
    distanceM += route.distanceM;
    cost += route.cost;
  }
  return {
    from: instance.from,
    deadline,
    backlog,
    enrolled,
    upperBound: bound.people,
    upperBoundSource: bound.source,
    clearanceDate: clearance,
    deadlineMet: clearance !== null && clearance <= deadline,
    shortfall: short,
    hamletsShort: short.length,
    residual: residualLeft(instance, routes),
    burndown: instance.from <= deadline ? burndown(backlog, routes, instance.from, deadline) : [],
    objectives: {
      weightedEnrolled: round6(evaluation.objective.weighted),
      imbalance: round6(evaluation.objective.imbalance),
      distanceM,
      cost,
      changes: evaluation.objective.changes,
    },
    shifts: routes.length,
    seconds: 0,
    seed,
  };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
