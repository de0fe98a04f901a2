import { deleteDraft, getPlan, renamePlan } from '../../db';
import { AppError } from '../errors';
import type { Handlers } from '../dispatch';

const notFound = (planId: number): AppError => new AppError('NOT_FOUND', `There is no plan ${planId}.`, { key: 'noSuchPlan', params: { planId } });

/** Naming and deleting plans: the list stays the user's, not a pile of "Kế hoạch <date time>". */
export const planManageHandlers: Pick<Handlers, 'plans.rename' | 'plans.delete'> = {
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
