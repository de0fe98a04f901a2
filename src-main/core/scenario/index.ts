export { applyScenario, type AppliedScenario, type ScenarioProblem } from './apply';
export {
  extraChanges, minExtra, MinExtraStopped, peopleToMeet, resourceLabel, shiftCopy,
  type ExtraResource, type MinExtraAnswer, type MinExtraDeps, type MinExtraStep, type Trial,
} from './min-extra';
export { proposeBase, type BaseProposal } from './propose-base';
