export { solveExact, type ExactOptions, type ExactResult } from './solve';
export { buildExactProblem, ExactScopeError } from './problem';
export { buildExactModel, type ExactModel } from './model';
export { TINY, tinyShortageInstance, withHomeboundShare, type TinySize } from './generate';
export { boundCaseInstance, runBoundCase, type BoundCase, type BoundCaseOptions } from './compare';
