import type { Highs } from 'highs';
import type { PlanningInstance, Violation } from '../model';
import { checkPlan, plan } from '../planner';
import { verifyPlan } from '../verify';
import { tinyShortageInstance, withHomeboundShare, type TinySize } from './generate';
import { solveExact } from './solve';

/**
 * One tiny instance three ways: the planner's LP upper bound, the exact optimum (HiGHS
 * branch and bound on the exact model) and the planner's plan. On a sound bound and a
 * correct planner, bound ≥ optimum ≥ planned, and both plans pass the verifier.
 */
export interface BoundCase {
  seed: number;
  size: { hamlets: number; teams: number; days: number };
  backlog: number;
  upperBound: number;
  /** HiGHS status of the exact model; the optimum counts only when 'Optimal'. */
  status: string;
  optimum: number | null;
  /** People the planner's plan enrols by the deadline (both services). */
  planned: number;
  /** The verifier's (core/verify) and the planner's checker's findings on the planner's plan. */
  plannerViolations: Violation[];
  /** The same on the exact model's optimal plan (empty when there is none). */
  optimumViolations: Violation[];
  planSeconds: number;
  exactSeconds: number;
}

export interface BoundCaseOptions {
  planSeconds: number;
  exactSeconds: number;
  size?: TinySize;
  /** Every hamlet's homebound as this share of its backlog (withHomeboundShare); the generator's own when absent. */
  homeboundShare?: number;
  /** Milliseconds from any fixed origin (for the timings only). */
  now: () => number;
  highs?: Highs;
}

/** The tiny instance of a seed, as `options` shape it. */
export function boundCaseInstance(seed: number, options: Pick<BoundCaseOptions, 'size' | 'homeboundShare'>): PlanningInstance {
  const instance = tinyShortageInstance(seed, options.size);
  return options.homeboundShare === undefined ? instance : withHomeboundShare(instance, options.homeboundShare);
}

export async function runBoundCase(seed: number, options: BoundCaseOptions): Promise<BoundCase> {
  const instance = boundCaseInstance(seed, options);
  const t0 = options.now();
  const planned = await plan(instance, { seed: 1, timeLimitSeconds: options.planSeconds });
  const t1 = options.now();
  const exact = await solveExact(instance, { timeLimitSeconds: options.exactSeconds, highs: options.highs });
  const t2 = options.now();
  const { report, routes } = planned;
  return {
    seed,
    size: sizeOf(instance),
    backlog: report.backlog.cccd + report.backlog.eid,
    upperBound: report.upperBound,
    status: exact.status,
    optimum: exact.optimum,
    planned: report.enrolled.cccd + report.enrolled.eid,
    plannerViolations: verdicts(instance, routes, report),
    optimumViolations: exact.optimum === null ? [] : verdicts(instance, exact.routes),
    planSeconds: (t1 - t0) / 1000,
    exactSeconds: (t2 - t1) / 1000,
  };
}

/** The independent verifier's findings, and the planner's own checker's (it must agree). */
function verdicts(instance: PlanningInstance, routes: Parameters<typeof verifyPlan>[1], report?: Parameters<typeof verifyPlan>[2]): Violation[] {
  return [...verifyPlan(instance, routes, report).violations, ...checkPlan(instance, routes, report).violations];
}

function sizeOf(instance: PlanningInstance): BoundCase['size'] {
  const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return { hamlets: instance.hamlets.length, teams: instance.teams.length, days: day(instance.campaign.deadline) - day(instance.from) + 1 };
}
