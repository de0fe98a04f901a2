import type { Route, Violation } from '../../core/model';
import { verifyPlan } from '../../core/verify';
import { loadPlanningInstance, type Db, type StoredPlan } from '../../db';
import { AppError } from '../errors';
import type { RouteEdit } from '../methods/plan';

/**
 * A hand edit moves a whole route to another shift and/or team. The route keeps its
 * hamlets and quotas; its clock shifts with the shift's start. The independent verifier
 * then judges the whole plan with the moved route, so clashes with other routes show too.
 */
export function checkEditedRoute(db: Db, plan: StoredPlan, edit: Omit<RouteEdit, 'planId'> & { planId: number }): {
  valid: boolean;
  violations: Violation[];
  route: Route;
} {
  const index = plan.routes.findIndex((r) => r.id === edit.routeId);
  const original = plan.routes[index];
  if (!original) throw new AppError('NOT_FOUND', `Route ${edit.routeId} is not in plan ${edit.planId}`);
  const instance = { ...loadPlanningInstance(db, { from: plan.summary.fromDate, keepPinned: false }), pinned: [] };
  const fromTemplate = instance.shiftTemplates.find((t) => t.id === original.templateId);
  const toTemplate = instance.shiftTemplates.find((t) => t.id === edit.templateId);
  const team = instance.teams.find((t) => t.id === edit.teamId);
  if (!toTemplate) throw new AppError('NOT_FOUND', `No shift template ${edit.templateId}`);
  if (!team) throw new AppError('NOT_FOUND', `No team ${edit.teamId}`);
  const shift = toTemplate.startMin - (fromTemplate?.startMin ?? toTemplate.startMin);
  const move = (m: number): number => Math.min(1440, Math.max(0, m + shift));
  const { id: _id, visitIds: _v, ...rest } = original;
  const route: Route = {
    ...rest,
    date: edit.date,
    templateId: edit.templateId,
    teamId: edit.teamId,
    baseId: team.baseId,
    departMin: move(original.departMin),
    returnMin: move(original.returnMin),
    stops: original.stops.map((s) => ({ ...s, arriveMin: move(s.arriveMin), startMin: move(s.startMin), endMin: move(s.endMin) })),
  };
  const routes = plan.routes.map(({ id: _i, visitIds: _vv, ...r }, i) => (i === index ? route : r));
  const verdict = verifyPlan(instance, routes);
  const violations = [...verdict.violations];
  if (original.pinned) {
    violations.unshift({ code: 'pinned', message: 'This route is pinned: unpin it before moving it.', routeIndex: index, params: {} });
  }
  return { valid: violations.length === 0, violations, route };
}
