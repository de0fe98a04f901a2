import { randomUUID } from 'node:crypto';
import type { PlanningInstance, ScenarioChange } from '../../core/model';
import { resourceLabel, shiftCopy, type ExtraResource, type MinExtraStep } from '../../core/scenario';
import { listPlans, savePlan } from '../../db';
import { createScenario, deleteScenario, getScenario, listScenarios, loadScenarioInstance, updateScenario, type Scenario } from '../../db/repos/scenarios';
import { runMinExtra } from '../../workers/min-extra-run';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { ExtraResourceDto, MinExtraAnswerDto, MinExtraRunDto, ScenarioDto } from '../methods/scenario';
import { refuseSecondRun, startRun } from './plan';

function scenarioOrThrow(ctx: HandlerContext, id: number): Scenario {
  const s = getScenario(ctx.db, id);
  if (!s) throw new AppError('NOT_FOUND', `There is no scenario ${id}.`, { key: 'noSuchScenario' });
  return s;
}

/** The scenario's own plan (the newest), never one with what "what would it take?" added. */
export function scenarioOwnPlan<P extends { scenarioId: number | null; extra?: string | null }>(plans: readonly P[], id: number): P | null {
  return plans.find((p) => p.scenarioId === id && !p.extra) ?? null;
}

function dto(ctx: HandlerContext, s: Scenario): ScenarioDto {
  // The scenario's verdict is its own plan's.
  return { ...s, lastPlan: scenarioOwnPlan(listPlans(ctx.db), s.id) };
}

/** The resource as the search takes it: shift codes become copies of those shifts on the days they lack. */
function askedResource(instance: PlanningInstance, resource: ExtraResourceDto): ExtraResource {
  if (resource.kind !== 'shifts') return resource;
  const shifts = resource.shiftCodes.map((code) => {
    const copy = shiftCopy(instance, code);
    if ('problem' in copy) throw new AppError('BAD_PARAMS', `resource.shiftCodes: ${copy.problem}`);
    return copy;
  });
  return { kind: 'shifts', shifts };
}

/** The scenario's instance, or BAD_PARAMS naming each change (by position) and field that cannot apply. */
function instanceOrThrow(ctx: HandlerContext, changes: readonly ScenarioChange[]) {
  const applied = loadScenarioInstance(ctx.db, changes);
  if (applied.problems.length > 0) {
    const told = applied.problems.map((p) => `change ${p.change + 1} (${changes[p.change]?.kind}), ${p.field}: ${p.message}`).join('; ');
    throw new AppError('BAD_PARAMS', `The scenario cannot apply: ${told}. Nothing was saved.`, { problems: applied.problems });
  }
  return applied.instance;
}

interface MinExtraRecord extends MinExtraRunDto {
  cancel: () => void;
  scenarioId: number;
  /** What was added, as the brief says it: "tổ như LD-01". */
  what: string;
}
/** "What would it take?" runs of this session. */
const minExtraRuns = new Map<string, MinExtraRecord>();
const publicMinExtra = ({ cancel: _c, scenarioId: _s, what: _w, ...run }: MinExtraRecord): MinExtraRunDto => run;

/** The newest finished "what would it take" answer of this session for a scenario, for its brief. */
export function lastMinExtra(scenarioId: number): { what: string; answer: MinExtraAnswerDto } | null {
  const done = [...minExtraRuns.values()].filter((r) => r.scenarioId === scenarioId && r.state === 'done' && r.answer);
  const last = done.at(-1);
  return last ? { what: last.what, answer: last.answer! } : null;
}

function minExtraOf(runId: string): MinExtraRecord {
  const run = minExtraRuns.get(runId);
  if (!run) throw new AppError('NOT_FOUND', `No such run ${runId}.`);
  return run;
}

export const scenarioHandlers: Pick<
  Handlers,
  'scenarios.list' | 'scenarios.create' | 'scenarios.update' | 'scenarios.delete' | 'scenarios.plan'
  | 'scenarios.minExtra' | 'scenarios.minExtraStatus' | 'scenarios.minExtraCancel'
> = {
  'scenarios.list': (_p, ctx) => listScenarios(ctx.db).map((s) => dto(ctx, s)),
  'scenarios.create': ({ name, note, changes, cloneOf }, ctx) => {
    const all = cloneOf !== undefined ? [...scenarioOrThrow(ctx, cloneOf).changes, ...changes] : changes;
    instanceOrThrow(ctx, all);
    return dto(ctx, scenarioOrThrow(ctx, createScenario(ctx.db, { name, note, changes: all })));
  },
  'scenarios.update': ({ id, ...patch }, ctx) => {
    scenarioOrThrow(ctx, id);
    if (patch.changes) instanceOrThrow(ctx, patch.changes);
    updateScenario(ctx.db, id, patch);
    return dto(ctx, scenarioOrThrow(ctx, id));
  },
  'scenarios.delete': ({ id }, ctx) => {
    const outcome = deleteScenario(ctx.db, id);
    if (outcome === 'missing') throw new AppError('NOT_FOUND', `There is no scenario ${id}.`, { key: 'noSuchScenario' });
    if (outcome === 'kept') throw new AppError('CONFLICT', 'One of this scenario\'s plans was published: it is kept with the scenario.', { key: 'scenarioKept' });
    return { deleted: id };
  },
  'scenarios.plan': ({ id, timeLimitSeconds, seed }, ctx) => {
    refuseSecondRun(ctx);
    const s = scenarioOrThrow(ctx, id);
    return { runId: startRun(ctx, instanceOrThrow(ctx, s.changes), { seed, timeLimitSeconds, name: s.name, scenarioId: id }) };
  },
  'scenarios.minExtra': ({ id, resource, maxExtra, timeLimitSeconds }, ctx) => {
    refuseSecondRun(ctx);
    if ([...minExtraRuns.values()].some((r) => r.state === 'running')) throw new AppError('CONFLICT', 'A "what would it take" search is already running.', { key: 'minExtraRunning' });
    const s = scenarioOrThrow(ctx, id);
    const instance = instanceOrThrow(ctx, s.changes);
    if (resource.kind === 'teams' && !instance.teams.some((t) => t.code === resource.likeTeam)) {
      throw new AppError('BAD_PARAMS', `resource.likeTeam: no team ${resource.likeTeam}`);
    }
    if (resource.kind !== 'shifts' && resource.baseName && !instance.bases.some((b) => b.name === resource.baseName)) {
      throw new AppError('BAD_PARAMS', `resource.baseName: no base named ${resource.baseName}`);
    }
    const asked = askedResource(instance, resource);
    const runId = randomUUID();
    let cancelJob: () => void = () => undefined;
    const what = resource.kind === 'teams' ? `tổ (như tổ ${resource.likeTeam})`
      : resource.kind === 'vehicles' ? `xe ${({ car: 'ô tô', pickup: 'bán tải', motorbike: 'máy' } as const)[resource.vehicleKind]}` : `ca (theo thứ tự ${resource.shiftCodes.join(', ')})`;
    const run: MinExtraRecord = { runId, state: 'running', steps: [], answer: null, error: null, cancel: () => cancelJob(), scenarioId: id, what };
    minExtraRuns.set(runId, run);
    const onStep = (step: MinExtraStep): void => {
      run.steps.push(step);
      ctx.emit({ topic: 'scenario.minExtra', payload: publicMinExtra(run) });
    };
    const options = { seed: 1, timeLimitSeconds };
    runMinExtra(instance, asked, {
      start: (inst, o) => ctx.planner.start(inst, o, () => undefined), options, maxExtra, onStep,
      shouldStop: () => run.state !== 'running', onJob: (cancel) => (cancelJob = cancel),
    })
      .then(({ answer, nothingAdded, proposedBase }) => {
        if (run.state !== 'running') return;
        const extra = `${resourceLabel(asked)} +${answer.minimum}`;
        const planId = answer.plan && answer.minimum !== null
          ? savePlan(ctx.db, {
            name: `${s.name}: thêm ${answer.minimum} ${what}`, status: 'draft', fromDate: instance.from, seed: 1, scenarioId: id, routes: answer.plan.routes, report: answer.plan.report, extra,
          })
          : null;
        const result: MinExtraAnswerDto = {
          minimum: answer.minimum, planId, planMeetsDeadline: answer.plan?.deadlineMet ?? false, checkerValid: answer.plan?.verifierValid ?? false,
          boundForOneFewer: answer.boundForOneFewer, possibleWithOneFewer: answer.possibleWithOneFewer, provenMinimal: answer.provenMinimal, need: answer.need,
          backlog: nothingAdded.report.backlog.cccd + nothingAdded.report.backlog.eid, deadline: instance.campaign.deadline,
          clearanceDateWithNothingAdded: nothingAdded.clearanceDate,
          proposedBase,
        };
        run.answer = result;
        run.state = 'done';
        ctx.emit({ topic: 'scenario.minExtra', payload: publicMinExtra(run) });
      })
      .catch((err: unknown) => {
        if (run.state !== 'running') return;
        run.state = 'failed';
        run.error = err instanceof Error ? err.message : String(err);
      });
    return { runId };
  },
  'scenarios.minExtraStatus': ({ runId }) => publicMinExtra(minExtraOf(runId)),
  'scenarios.minExtraCancel': ({ runId }) => {
    const run = minExtraOf(runId);
    if (run.state === 'running') {
      run.state = 'cancelled';
      run.cancel();
    }
    return publicMinExtra(run);
  },
};

