import type { PlanReport, PlanningInstance, Route, Violation } from '../model';
import { Findings } from './findings';
import { PLAN_RULES } from './plan-rules';
import { REPORT_RULES } from './report-rules';
import { resolveRoute, ROUTE_RULES } from './route-rules';

export { VIOLATION_CODES, type ViolationCode } from './findings';

export interface Verdict {
  valid: boolean;
  violations: Violation[];
}

/**
 * The independent verifier: every rule of DOMAIN.md checked on a finished plan, from the
 * raw instance alone. It shares no code with the planner, its calendar or its travel
 * matrix (a lint rule keeps it so): a bug there cannot hide here. Simple and slow on
 * purpose; each rule is one function that reads like the rule book.
 */
export function verifyPlan(instance: PlanningInstance, routes: readonly Route[], report?: Omit<PlanReport, 'checker'>): Verdict {
  const findings = new Findings(instance, routes);
  routes.forEach((route, index) => {
    const at = resolveRoute(findings, route, index);
    if (at) for (const rule of ROUTE_RULES) rule(findings, at);
  });
  for (const rule of PLAN_RULES) rule(findings);
  if (report) for (const rule of REPORT_RULES) rule(findings, report);
  return { valid: findings.violations.length === 0, violations: findings.violations };
}
