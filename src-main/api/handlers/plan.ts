import { randomUUID } from 'node:crypto';
import { format } from 'date-fns';
import { dataVersion, getPlan, listPlans, loadPlanningInstance, publishPlan, replaceRoute, savePlan, setPinned } from '../../db';
import type { PlanningInstance } from '../../core/model';
import type { HandlerContext, RunRecord } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { PlanRun } from '../methods/plan';
import { snapshotBefore } from './backups';
import { checkEditedRoute } from './plan-edit';

/** The run as the UI sees it; while it runs, its time is the clock's (the planner reports only between phases). */
const publicRun = ({ cancel: _c, startedAt, ...run }: RunRecord): PlanRun => (run.state !== 'running' ? run
  : { ...run, progress: { ...run.progress, elapsedSeconds: Math.max(run.progress.elapsedSeconds, (Date.now() - startedAt) / 1000) } });

function runOf(ctx: HandlerContext, runId: string): RunRecord {
  const run = ctx.runs.get(runId);
  if (!run) throw new AppError('NOT_FOUND', `No planning run ${runId}`);
  return run;
}

function planOrThrow(ctx: HandlerContext, planId: number) {
  const plan = getPlan(ctx.db, planId);
  if (!plan) throw new AppError('NOT_FOUND', `No plan ${planId}`);
  return plan;
}

/** One planning run at a time: two would race for the cores and for the data they save. */
export function refuseSecondRun(ctx: HandlerContext): void {
  if ([...ctx.runs.values()].some((r) => r.state === 'running')) {
    throw new AppError('CONFLICT', 'A planning run is already in progress.', { key: 'runInProgress' });
  }
}

/** A default name no other plan has: two runs in one minute are told apart ("… (2)"). */
function freshName(ctx: HandlerContext, name: string): string {
  const taken = new Set((ctx.db.prepare('SELECT name FROM plans WHERE name LIKE ?').all(`${name}%`) as Array<{ name: string }>).map((r) => r.name));
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (${k})`;
  return candidate;
}

/**
 * Plans an instance on the planner's worker and saves the draft when it is done (a base plan,
 * or a scenario's): progress, cancel and status through ctx.runs, the events as plan.*.
 */
export function startRun(ctx: HandlerContext, instance: PlanningInstance, o: { seed: number; timeLimitSeconds: number; name?: string; scenarioId?: number }): string {
  // The data as read now: an edit made while the run works makes its plan stale at once.
  const madeFrom = dataVersion(ctx.db);
  const runId = randomUUID();
  const job = ctx.planner.start(instance, { seed: o.seed, timeLimitSeconds: o.timeLimitSeconds }, (progress) => {
    if (run.state !== 'running') return;
    run.progress = progress;
    ctx.emit({ topic: 'plan.progress', payload: publicRun(run) });
  });
  const run: RunRecord = {
    runId, state: 'running', progress: { placedShare: 0, bestObjective: 0, elapsedSeconds: 0 }, planId: null, error: null,
    cancel: job.cancel, startedAt: Date.now(),
  };
  ctx.runs.set(runId, run);
  job.result
    .then(({ routes, report }) => {
      // A cancelled run leaves the data untouched: its result is dropped.
      if (run.state !== 'running') return;
      run.planId = savePlan(ctx.db, {
        name: o.name ?? freshName(ctx, `Kế hoạch ${format(new Date(), 'dd/MM/yyyy HH:mm')}`),
        status: 'draft', fromDate: instance.from, seed: o.seed, routes, report, dataVersion: madeFrom, scenarioId: o.scenarioId,
      });
      run.state = 'done';
      ctx.emit({ topic: 'plan.done', payload: publicRun(run) });
    })
    .catch((err: unknown) => {
      if (run.state !== 'running') return;
      run.state = 'failed';
      run.error = err instanceof Error ? err.message : String(err);
      ctx.emit({ topic: 'plan.failed', payload: publicRun(run) });
    });
  return runId;
}

export const planHandlers: Pick<
  Handlers,
  'plan.start' | 'plan.status' | 'plan.cancel' | 'plans.list' | 'plans.get' | 'plans.publish' | 'plans.pin' | 'plans.editRoute'
> = {
  'plan.start': (p, ctx) => {
    refuseSecondRun(ctx);
    if (p.basePlanId !== undefined) planOrThrow(ctx, p.basePlanId);
    const instance = loadPlanningInstance(ctx.db, {
      from: p.from, keepPinned: p.keepPinned, basePlanId: p.basePlanId, keepPublished: p.keepPublished, measuredRates: p.measuredRates,
    });
    return { runId: startRun(ctx, instance, { seed: p.seed, timeLimitSeconds: p.timeLimitSeconds, name: p.name }) };
  },
  'plan.status': ({ runId }, ctx) => publicRun(runOf(ctx, runId)),
  'plan.cancel': ({ runId }, ctx) => {
    const run = runOf(ctx, runId);
    if (run.state === 'running') {
      run.state = 'cancelled';
      run.cancel();
      ctx.emit({ topic: 'plan.cancelled', payload: publicRun(run) });
    }
    return publicRun(run);
  },
  'plans.list': (_p, ctx) => listPlans(ctx.db),
  'plans.get': ({ planId }, ctx) => planOrThrow(ctx, planId),
  'plans.publish': ({ planId }, ctx) => {
    const plan = planOrThrow(ctx, planId);
    if (plan.summary.status !== 'draft') throw new AppError('CONFLICT', 'Only a draft plan can be published.');
    if (plan.summary.scenarioId !== null) {
      throw new AppError('CONFLICT', 'A what-if plan cannot be published: its changes are not in the data. Make them in the data and plan again.', { key: 'scenarioPlan' });
    }
    snapshotBefore(ctx, 'before-publish');
    publishPlan(ctx.db, planId);
    return planOrThrow(ctx, planId).summary;
  },
  'plans.pin': ({ planId, routeIds, pinned }, ctx) => {
    const plan = planOrThrow(ctx, planId);
    if (plan.summary.status === 'archived') throw new AppError('CONFLICT', 'An archived plan is read-only.');
    const known = new Set(plan.routes.map((r) => r.id));
    const unknown = routeIds.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `Routes not in plan ${planId}: ${unknown.join(', ')}`);
    return { changed: setPinned(ctx.db, planId, routeIds, pinned) };
  },
  'plans.editRoute': ({ save, ...edit }, ctx) => {
    const plan = planOrThrow(ctx, edit.planId);
    if (plan.summary.status !== 'draft') throw new AppError('CONFLICT', 'Only a draft plan can be edited; published plans are read-only.');
    const verdict = checkEditedRoute(ctx.db, plan, edit);
    if (save && verdict.valid) replaceRoute(ctx.db, edit.planId, edit.routeId, verdict.route);
    return { valid: verdict.valid, violations: verdict.violations, saved: save && verdict.valid };
  },
};
