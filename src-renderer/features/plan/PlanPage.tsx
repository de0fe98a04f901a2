import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRun, StoredRouteDto } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { ProgressPanel } from '../results/ProgressPanel';
import { BurndownChart } from './BurndownChart';
import { CalendarView } from './CalendarView';
import { ChangesPanel } from './ChangesPanel';
import { PlansList } from './PlansList';
import { RouteDetails } from './RouteDetails';
import { RouteMap } from './RouteMap';
import { RunPanel } from './RunPanel';
import { UnmetTable } from './UnmetTable';
import { usePlanRefs } from './refs';
import { VerdictBanner } from './VerdictBanner';

const VIEWS = ['calendar', 'map', 'burndown', 'unmet'] as const;
type View = (typeof VIEWS)[number];

/** The district planner's weekly screen: plan, look at it four ways, adjust, publish. */
export function PlanPage() {
  const { t } = useTranslation();
  const overview = useRpc('overview.get');
  const plans = useRpc('plans.list');
  const { refs, error: refsError } = usePlanRefs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [view, setView] = useState<View>('calendar');
  const [route, setRoute] = useState<StoredRouteDto | null>(null);
  const [error, setError] = useState<Error | null>(null);

  // Open the newest plan by default.
  useEffect(() => {
    if (selectedId === null && plans.data?.[0]) setSelectedId(plans.data[0].id);
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
  /** A change to the list: the list and the open plan show it at once; a failure is told. */
  const change = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      setError(null);
      await action();
      plans.reload();
      plan.reload();
      changes.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  const publish = (id: number): Promise<void> => change(() => call('plans.publish', { planId: id }));
  const rename = (id: number, name: string): Promise<void> => change(() => call('plans.rename', { planId: id, name }));
  const remove = (id: number): Promise<void> => change(async () => {
    await call('plans.delete', { planId: id });
    if (id === selectedId) setSelectedId(null);
  });

  const failure = overview.error ?? plans.error ?? refsError ?? plan.error ?? error;
  return (
    <div className="plan-page">
      <div className="plan-side">
        {overview.data?.asOf && (
          <RunPanel defaultFrom={overview.data.asOf} lastResult={overview.data.lastResult} basePlanId={selectedId} published={plans.data?.some((p) => p.status === 'published') ?? false}
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
            <nav className="subtabs">
              {VIEWS.map((v) => (
                <button key={v} className={v === view ? 'tab active' : 'tab'} onClick={() => setView(v)}>{t(`plan.view.${v}`)}</button>
              ))}
            </nav>
            <div className="plan-view">
              <div className="plan-view-main">
                {view === 'calendar' && <CalendarView plan={detail} refs={refs} selectedId={route?.id ?? null} onSelect={setRoute} />}
                {view === 'map' && <RouteMap plan={detail} refs={refs} />}
                {view === 'burndown' && progress.data?.planId === detail.summary.id && <ProgressPanel progress={progress.data} />}
                {view === 'burndown' && <BurndownChart plan={detail} refs={refs} actual={progress.data?.actualBurndown} />}
                {view === 'unmet' && <UnmetTable plan={detail} refs={refs} />}
              </div>
              {route && view === 'calendar' && (
                <RouteDetails
                  key={route.id}
                  planId={detail.summary.id}
                  editable={detail.summary.status === 'draft'}
                  route={route}
                  refs={refs}
                  onChanged={() => plan.reload()}
                  onClose={() => setRoute(null)}
                />
              )}
            </div>
          </>
        ) : (
          plans.data?.length === 0 && <p className="muted">{t('plan.noPlanYet')}</p>
        )}
      </div>
    </div>
  );
}
