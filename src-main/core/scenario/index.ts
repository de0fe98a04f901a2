export { applyScenario, type AppliedScenario, type ScenarioProblem } from './apply';
