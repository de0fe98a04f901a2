import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRun, StoredRouteDto } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { useRpc } from '../../lib/useRpc';
import { ChangesPanel } from './ChangesPanel';
import { PlansList } from './PlansList';
import { PlanViews, type View } from './PlanViews';
import { RunPanel } from './RunPanel';
import { usePlanListActions } from './usePlanListActions';
import { usePlanRefs } from './refs';
import { VerdictBanner } from './VerdictBanner';

/** The district planner's weekly screen: plan, look at it four ways, adjust, publish. */
export function PlanPage() {
  const { t } = useTranslation();
  const overview = useRpc('overview.get');
  const plans = useRpc('plans.list');
  const { refs, error: refsError } = usePlanRefs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [view, setView] = useState<View>('calendar');
  const [route, setRoute] = useState<StoredRouteDto | null>(null);

  // Open the newest of the district's own plans by default (a scenario's what-if only when there is nothing else).
  useEffect(() => {
    const newest = plans.data?.find((p) => p.scenarioId === null) ?? plans.data?.[0];
    if (selectedId === null && newest) setSelectedId(newest.id);
  }, [plans.data, selectedId]);
  const plan = useRpc('plans.get', selectedId === null ? null : { planId: selectedId });
  const progress = useRpc('results.progress', view === 'burndown' ? {} : null);
  const changes = useRpc('plans.changes', selectedId === null ? null : { planId: selectedId });
  const detail = selectedId !== null && plan.data?.summary.id === selectedId ? plan.data : null;
  useEffect(() => {
    if (detail && route) setRoute(detail.routes.find((r) => r.id === route.id) ?? null);
  }, [detail]);

  const onFinished = (run: PlanRun): void => {
    plans.reload();
    if (run.state === 'done' && run.planId !== null) setSelectedId(run.planId);
  };
  const { error, publish, rename, remove } = usePlanListActions({
    selectedId,
    setSelectedId,
    reload: () => {
      plans.reload();
      plan.reload();
      changes.reload();
    },
  });

  const failure = overview.error ?? plans.error ?? refsError ?? plan.error ?? error;
  return (
    <div className="plan-page">
      <div className="plan-side">
        {overview.data?.asOf && (
          <RunPanel defaultFrom={overview.data.asOf} deadline={overview.data.campaign?.deadline ?? null} lastResult={overview.data.lastResult} basePlanId={selectedId} published={plans.data?.some((p) => p.status === 'published') ?? false}
            onFinished={onFinished} />
        )}
        <section className="card">
          <h2>{t('plan.list.title')}</h2>
          {plans.data && <PlansList plans={plans.data} selectedId={selectedId} onSelect={setSelectedId} onPublish={(id) => void publish(id)}
            onRename={(id, name) => void rename(id, name)} onDelete={(id) => void remove(id)} />}
        </section>
      </div>
      <div className="plan-main">
        {failure && <ErrorNote error={failure} />}
        {detail && refs ? (
          <>
            <VerdictBanner report={detail.report} />
            {changes.data && <ChangesPanel changes={changes.data} refs={refs} />}
            <PlanViews
              plan={detail} refs={refs} view={view} onView={setView} route={route} onRoute={setRoute}
              progress={progress.data} onChanged={() => plan.reload()}
            />
          </>
        ) : (
          plans.data?.length === 0 && <p className="muted">{t('plan.noPlanYet')}</p>
        )}
      </div>
    </div>
  );
}
