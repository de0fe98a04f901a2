import { changeReport } from '../../core/replan';
import { deleteDraft, getPlan, publishedPlanId, renamePlan } from '../../db';
import type { Db } from '../../db';
import { listHamlets } from '../../db/repos/places';
import { AppError } from '../errors';
import type { Handlers } from '../dispatch';

const notFound = (planId: number): AppError => new AppError('NOT_FOUND', `There is no plan ${planId}.`, { key: 'noSuchPlan', params: { planId } });

/** Naming and deleting plans: the list stays the user's, not a pile of "Kế hoạch <date time>". */
/** The plan a draft would replace (the published one), or the one the published plan replaced. */
function comparedWith(db: Db, planId: number, status: string): number | null {
  if (status === 'draft') return publishedPlanId(db);
  if (status !== 'published') return null;
  const row = db.prepare(`SELECT id FROM plans WHERE status = 'archived' AND scenario_id IS NULL AND published_at IS NOT NULL AND id <> ?
    ORDER BY published_at DESC, id DESC LIMIT 1`).get(planId) as { id: number } | undefined;
  return row?.id ?? null;
}

export const planManageHandlers: Pick<Handlers, 'plans.rename' | 'plans.delete' | 'plans.changes'> = {
  'plans.changes': ({ planId }, ctx) => {
    const plan = getPlan(ctx.db, planId);
    if (!plan) throw notFound(planId);
    // A scenario's what-if is never printed or followed: no change list (and no "print again").
    if (plan.summary.scenarioId !== null) return { against: null, report: null };
    const otherId = comparedWith(ctx.db, planId, plan.summary.status);
    const other = otherId === null || otherId === planId ? null : getPlan(ctx.db, otherId);
    if (!other) return { against: null, report: null };
    const communeOf = new Map(listHamlets(ctx.db).map((h) => [h.id, h.communeId]));
    return { against: { id: other.summary.id, name: other.summary.name }, report: changeReport(other.routes, plan.routes, plan.summary.fromDate, communeOf) };
  },
  'plans.rename': ({ planId, name }, ctx) => {
    if (!renamePlan(ctx.db, planId, name)) throw notFound(planId);
    return getPlan(ctx.db, planId)!.summary;
  },
  'plans.delete': ({ planId }, ctx) => {
    const outcome = deleteDraft(ctx.db, planId);
    if (outcome === 'missing') throw notFound(planId);
    if (outcome === 'kept') {
      throw new AppError('CONFLICT', 'A published or archived plan is the record of what was sent to the communes: it cannot be deleted.', { key: 'planKept' });
    }
    return { deleted: planId };
  },
};
