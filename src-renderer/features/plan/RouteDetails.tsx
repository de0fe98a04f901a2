import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HamletRow, Result, StoredRouteDto } from '../../../src-main/api/contract';
import { DateInput } from '../../app/DateInput';
import { ErrorNote } from '../../app/ErrorNote';
import { formatDate, formatMinutes, formatNumber } from '../../lib/format';
import { call } from '../../lib/rpc';
import type { PlanRefs } from './refs';
import { violationText } from './violation-text';

/** People still to enrol in a hamlet (both services). */
const backlogOf = (h: HamletRow | undefined): number =>
  (h?.backlog?.remaining.eid ?? 0) + (h?.backlog?.remaining.cccd ?? 0);

/** Where a route is moved to: its day, shift and team. */
type RouteMove = Pick<StoredRouteDto, 'date' | 'templateId' | 'teamId'>;

/** One route: where, when, with what, why; pin it, or move it and see the checker's verdict. */
export function RouteDetails({ planId, editable, route, refs, onChanged, onClose }: {
  planId: number;
  editable: boolean;
  route: StoredRouteDto;
  refs: PlanRefs;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const team = refs.team.get(route.teamId);
  const template = refs.template.get(route.templateId);
  const [move, setMove] = useState<RouteMove>({ date: route.date, templateId: route.templateId, teamId: route.teamId });
  const [verdict, setVerdict] = useState<Result<'plans.editRoute'> | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const togglePin = async (): Promise<void> => {
    try {
      await call('plans.pin', { planId, routeIds: [route.id], pinned: !route.pinned });
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const tryMove = async (save: boolean): Promise<void> => {
    try {
      const v = await call('plans.editRoute', { planId, routeId: route.id, ...move, save });
      setVerdict(v);
      if (v.saved) onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <aside className="details route-details" data-testid="route-details">
      <header>
        <h2>{team?.name}</h2>
        <button className="secondary" onClick={onClose}>{t('map.close')}</button>
      </header>
      <p>
        {formatDate(route.date)} · {template?.name} · {formatMinutes(route.departMin)}–{formatMinutes(route.returnMin)}
        <br />
        {t('plan.route.vehicles')}: {route.vehicleIds.map((v) => refs.vehicle.get(v)?.name ?? v).join(', ')} · {n(Math.round(route.distanceM / 1000))} km
      </p>
      <RouteStops route={route} refs={refs} />
      {editable && (
        <>
          <button className="secondary" onClick={() => void togglePin()} data-testid="pin-toggle">
            {route.pinned ? t('plan.route.unpin') : t('plan.route.pin')}
          </button>
          <RouteMoveForm move={move} refs={refs} onMove={setMove} onTry={(save) => void tryMove(save)} />
        </>
      )}
      {verdict && <EditVerdict verdict={verdict} />}
      {error && <ErrorNote error={error} />}
    </aside>
  );
}

/** The route's hamlets in order: when, how many, and why the planner went there. */
function RouteStops({ route, refs }: { route: StoredRouteDto; refs: PlanRefs }) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const template = refs.template.get(route.templateId);
  return (
    <ol className="stops">
      {route.stops.map((s) => {
        const h = refs.hamlet.get(s.hamletId);
        const reach = h && template ? Math.round(h.reach[template.kind] * 100) : null;
        return (
          <li key={s.hamletId}>
            <strong>{h?.name}</strong> ({h?.communeName}) · {formatMinutes(s.arriveMin)}–{formatMinutes(s.endMin)}
            <div>{t('plan.route.quota', { eid: n(s.quota.eid), cccd: n(s.quota.cccd), home: n(s.homeVisits.eid + s.homeVisits.cccd) })}</div>
            <div className="muted">
              {t('plan.route.why', {
                count: backlogOf(h),
                backlog: n(backlogOf(h)),
                reach: reach ?? '?',
                road: h ? t(`road.${h.roadClass}`) : '',
              })}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Another day, shift or team for the route: checked first, or saved. */
function RouteMoveForm({ move, refs, onMove, onTry }: {
  move: RouteMove;
  refs: PlanRefs;
  onMove: (move: RouteMove) => void;
  onTry: (save: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="move">
      <legend>{t('plan.route.move')}</legend>
      <label>{t('col.date')} <DateInput value={move.date} onChange={(date) => onMove({ ...move, date })} /></label>
      <label>
        {t('plan.route.shift')}{' '}
        <select value={move.templateId} onChange={(e) => onMove({ ...move, templateId: Number(e.target.value) })}>
          {refs.templates.map((tp) => <option key={tp.id} value={tp.id}>{tp.name}</option>)}
        </select>
      </label>
      <label>
        {t('plan.route.team')}{' '}
        <select value={move.teamId} onChange={(e) => onMove({ ...move, teamId: Number(e.target.value) })}>
          {refs.teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}</option>)}
        </select>
      </label>
      <div className="buttons">
        <button className="secondary" onClick={() => onTry(false)}>{t('plan.route.check')}</button>
        <button onClick={() => onTry(true)}>{t('plan.route.save')}</button>
      </div>
    </fieldset>
  );
}

/** The checker's answer to a move: valid (and saved) or not, with the first violations. */
function EditVerdict({ verdict }: { verdict: Result<'plans.editRoute'> }) {
  const { t } = useTranslation();
  return (
    <div className={verdict.valid ? 'notice' : 'error'} data-testid="edit-verdict">
      {verdict.valid ? (verdict.saved ? t('plan.route.saved') : t('plan.route.valid')) : t('plan.route.invalid')}
      {verdict.violations.length > 0 && (
        <ul>{verdict.violations.slice(0, 8).map((v, i) => <li key={i}>{violationText(t, v)}</li>)}</ul>
      )}
    </div>
  );
}
