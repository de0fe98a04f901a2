import { useTranslation } from 'react-i18next';
import type { PlanDetail, ProgressReport, StoredRouteDto } from '../../../src-main/api/contract';
import { ProgressPanel } from '../results/ProgressPanel';
import { BurndownChart } from './BurndownChart';
import { CalendarView } from './CalendarView';
import type { PlanRefs } from './refs';
import { RouteDetails } from './RouteDetails';
import { RouteMap } from './RouteMap';
import { UnmetTable } from './UnmetTable';

export const VIEWS = ['calendar', 'map', 'burndown', 'unmet'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The open plan four ways (calendar, map, burn-down, unmet), chosen by tabs; on the calendar,
 * the chosen route's details beside it.
 */
export function PlanViews({ plan, refs, view, onView, route, onRoute, progress, onChanged }: {
  plan: PlanDetail;
  refs: PlanRefs;
  view: View;
  onView: (view: View) => void;
  /** The route chosen on the calendar, or null. */
  route: StoredRouteDto | null;
  onRoute: (route: StoredRouteDto | null) => void;
  /** The results so far, loaded while the burn-down is shown. */
  progress: ProgressReport | null;
  /** A route was changed: the plan is to be loaded again. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <nav className="subtabs">
        {VIEWS.map((v) => (
          <button key={v} className={v === view ? 'tab active' : 'tab'} onClick={() => onView(v)}>{t(`plan.view.${v}`)}</button>
        ))}
      </nav>
      <div className="plan-view">
        <div className="plan-view-main">
          {view === 'calendar' && <CalendarView plan={plan} refs={refs} selectedId={route?.id ?? null} onSelect={onRoute} />}
          {view === 'map' && <RouteMap plan={plan} refs={refs} />}
          {view === 'burndown' && progress?.planId === plan.summary.id && <ProgressPanel progress={progress} />}
          {view === 'burndown' && <BurndownChart plan={plan} refs={refs} actual={progress?.actualBurndown} />}
          {view === 'unmet' && <UnmetTable plan={plan} refs={refs} />}
        </div>
        {route && view === 'calendar' && (
          <RouteDetails
            key={route.id}
            planId={plan.summary.id}
            editable={plan.summary.status === 'draft'}
            route={route}
            refs={refs}
            onChanged={onChanged}
            onClose={() => onRoute(null)}
          />
        )}
      </div>
    </>
  );
}
