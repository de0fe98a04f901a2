export { plan, type PlanHooks, type PlanProgress, type PlanResult } from './plan';
export { checkPlan, describeRoute, type CheckResult } from './selfcheck/check';
export { configureHighs, type HighsSetup } from './bound/highs';
export { deadlinePossibleOf, upperBoundOf } from './bound/bound-of';
export type { UpperBound } from './bound/bound';
