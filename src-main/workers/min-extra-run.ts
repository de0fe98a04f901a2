import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../core/model';
import { deadlinePossibleOf, upperBoundOf } from '../core/planner';
import {
  applyScenario, extraChanges, minExtra, peopleToMeet, proposeBase, type BaseProposal, type ExtraResource, type MinExtraAnswer, type MinExtraStep, type Trial,
} from '../core/scenario';
import { solveOnThread } from './lp-thread';

export interface PlannedTrial extends Trial {
  routes: Route[];
  report: PlanReport;
}

type Start = (instance: PlanningInstance, options: PlanOptions) => { result: Promise<{ routes: Route[]; report: PlanReport }>; cancel: () => void };

export interface MinExtraRun {
  answer: MinExtraAnswer<PlannedTrial>;
  /** The plan with nothing added (its clearance date is how far the deadline slips). */
  nothingAdded: PlannedTrial;
  /** Teams asked for without a base go to the base nearest the people that plan leaves short. */
  proposedBase: BaseProposal | null;
}

/** What a verified plan achieved, as the search weighs it. */
export const trialOf = (routes: Route[], report: PlanReport): PlannedTrial => ({
  routes, report, deadlineMet: report.deadlineMet, enrolled: report.enrolled.cccd + report.enrolled.eid, clearanceDate: report.clearanceDate,
  verifierValid: report.checker.valid && report.checker.source === 'verifier',
});

/**
 * The least extra of a resource for an instance (a scenario's), the shell's side of
 * core/scenario/min-extra: plans on the planner's workers (each verified there), bounds with
 * the LP on a thread of its own; the plan with nothing added is always made too (first, when
 * teams are asked for without a base: they go where it leaves the most people short).
 */
export async function runMinExtra(
  instance: PlanningInstance, resource: ExtraResource,
  o: { start: Start; options: PlanOptions; maxExtra: number; onStep?: (s: MinExtraStep) => void; shouldStop?: () => boolean; onJob?: (cancel: () => void) => void },
): Promise<MinExtraRun> {
  const trials = new Map<number, PlannedTrial>();
  let proposedBase: BaseProposal | null = null;
  // What is searched: the resource asked for, with the proposed base when teams came without one.
  let asked = resource;
  const withExtra = (k: number): PlanningInstance => applyScenario(instance, extraChanges(asked, k)).instance;
  const planAt = async (k: number): Promise<PlannedTrial> => {
    const known = trials.get(k);
    if (known) return known;
    const job = o.start(withExtra(k), o.options);
    o.onJob?.(job.cancel);
    const { routes, report } = await job.result;
    const trial = trialOf(routes, report);
    trials.set(k, trial);
    return trial;
  };
  if (asked.kind === 'teams' && !asked.baseName) {
    proposedBase = proposeBase(instance, (await planAt(0)).report.shortfall);
    if (proposedBase) asked = { ...asked, baseName: proposedBase.baseName };
  }
  const need = peopleToMeet(instance);
  const answer = await minExtra({
    need,
    maxExtra: asked.kind === 'shifts' ? asked.shifts.length : o.maxExtra,
    bound: async (k) => {
      const inst = withExtra(k);
      const bound = await upperBoundOf(inst, 60, solveOnThread);
      // The every-hamlet LP only where the people bound leaves room: below it, that bound is the proof.
      return { ...bound, possible: bound.people >= need ? await deadlinePossibleOf(inst, 60, solveOnThread) : null };
    },
    plan: planAt,
    onStep: o.onStep,
    shouldStop: o.shouldStop,
  });
  const nothingAdded = await planAt(0);
  return { answer, nothingAdded, proposedBase };
}
