import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, GeoJSON, MapContainer, Polyline, Tooltip } from 'react-leaflet';
import type { PlanDetail, StoredRouteDto } from '../../../src-main/api/contract';
import { countText, formatDate } from '../../lib/format';
import { markerScale } from '../../lib/map-scale';
import { hamletStatusAt } from './projection';
import type { PlanRefs } from './refs';

const TEAM_COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f'];
// Routes are few and tested by their paths: SVG. Thousands of hamlet markers: one canvas.
const svgRenderer = L.svg();

type Colouring = 'completion' | 'remaining';

/** The routes of one day (of every team or one), or one team's whole campaign, over the commune outlines. */
export function RouteMap({ plan, refs }: { plan: PlanDetail; refs: PlanRefs }) {
  const { t } = useTranslation();
  const dates = useMemo(() => [...new Set(plan.routes.map((r) => r.date))].sort(), [plan.routes]);
  const [dayIndex, setDayIndex] = useState(0);
  const [teamId, setTeamId] = useState(0);
  const [wholeCampaign, setWholeCampaign] = useState(false);
  const [colouring, setColouring] = useState<Colouring>('completion');
  const date = dates[Math.min(dayIndex, dates.length - 1)] ?? plan.report.from;
  const status = useMemo(() => hamletStatusAt(plan, refs, date), [plan, refs, date]);
  // The day slider holds with a team chosen too: that team's routes of the day, or its whole campaign when asked.
  const routes = plan.routes.filter((r) => (!teamId || r.teamId === teamId) && ((teamId && wholeCampaign) || r.date === date));
  const bounds = useMemo(
    () => L.latLngBounds(refs.map.hamlets.map((h) => [h.lat, h.lon] as [number, number])).pad(0.08),
    [refs.map.hamlets],
  );

  const radius = 5 * markerScale(refs.map.hamlets.length);
  const colourOf = (hamletId: number): string => {
    const s = status.get(hamletId);
    if (!s) return '#9e9e9e';
    if (colouring === 'remaining') return s.remaining === 0 ? '#2e7d32' : s.remaining < 100 ? '#f9a825' : '#c62828';
    if (!s.clearedOn) return '#c62828';
    if (s.clearedOn <= date) return '#2e7d32';
    return s.clearedOn <= plan.report.deadline ? '#f9a825' : '#c62828';
  };

  return (
    <section className="card" data-testid="route-map">
      <div className="toolbar">
        <label className="slider">
          {t('plan.map.day')}: <strong>{formatDate(date)}</strong>
          <input type="range" min={0} max={Math.max(0, dates.length - 1)} value={dayIndex} onChange={(e) => setDayIndex(Number(e.target.value))} aria-label={t('plan.map.day')} />
        </label>
        <select value={teamId} onChange={(e) => setTeamId(Number(e.target.value))} aria-label={t('plan.filter.team')}>
          <option value={0}>{t('plan.map.allTeamsThatDay')}</option>
          {refs.teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}</option>)}
        </select>
        {teamId > 0 && (
          <label className="check">
            <input type="checkbox" checked={wholeCampaign} onChange={(e) => setWholeCampaign(e.target.checked)} data-testid="map-whole-campaign" />
            {t('plan.map.wholeCampaign')}
          </label>
        )}
        <select value={colouring} onChange={(e) => setColouring(e.target.value as Colouring)} aria-label={t('plan.map.colouring')}>
          <option value="completion">{t('plan.map.byCompletion')}</option>
          <option value="remaining">{t('plan.map.byRemaining')}</option>
        </select>
      </div>
      <MapContainer bounds={bounds} className="map" preferCanvas attributionControl={false} zoomSnap={0.25}>
        {refs.map.outlines.map((o) => (
          <GeoJSON key={o.communeId} data={o.geometry as GeoJsonObject} style={{ color: '#607d8b', weight: 1, fillColor: '#eceff1', fillOpacity: 0.5 }} />
        ))}
        {refs.map.hamlets.map((h) => (
          <CircleMarker key={h.id} center={[h.lat, h.lon]} radius={radius} pathOptions={{ color: colourOf(h.id), fillColor: colourOf(h.id), fillOpacity: 0.75, weight: 1 }}>
            <Tooltip>{`${h.name}: ${status.get(h.id)?.remaining ?? 0}`}</Tooltip>
          </CircleMarker>
        ))}
        <RouteLines routes={routes} refs={refs} />
      </MapContainer>
      <MapLegend colouring={colouring} routeCount={routes.length} />
    </section>
  );
}

/** The routes as lines from their base through their hamlets and back, in their team's colour. */
function RouteLines({ routes, refs }: { routes: StoredRouteDto[]; refs: PlanRefs }) {
  const base = new Map(refs.map.bases.map((b) => [b.id, b]));
  return (
    <>
      {routes.map((r) => {
        const b = base.get(r.baseId);
        const stops = r.stops.map((s) => refs.hamlet.get(s.hamletId)).filter((h) => h !== undefined);
        if (!b) return null;
        const path: Array<[number, number]> = [[b.lat, b.lon], ...stops.map((h) => [h.lat, h.lon] as [number, number]), [b.lat, b.lon]];
        return (
          <Polyline
            key={r.id}
            positions={path}
            className="route-line"
            renderer={svgRenderer}
            pathOptions={{ color: TEAM_COLOURS[r.teamId % TEAM_COLOURS.length], weight: 3, opacity: 0.85 }}
          >
            <Tooltip sticky>{`${refs.team.get(r.teamId)?.name ?? ''}: ${stops.map((h) => h.name).join(' → ')}`}</Tooltip>
          </Polyline>
        );
      })}
    </>
  );
}

/** What the hamlets' colours mean (by completion, or by people left), and how many routes are drawn. */
function MapLegend({ colouring, routeCount }: { colouring: Colouring; routeCount: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="legend">
      {colouring === 'completion' ? (
        <>
          <span className="legend-item"><span className="dot" style={{ background: '#2e7d32' }} /> {t('plan.map.cleared')}</span>
          <span className="legend-item"><span className="dot" style={{ background: '#f9a825' }} /> {t('plan.map.clearedByDeadline')}</span>
          <span className="legend-item"><span className="dot" style={{ background: '#c62828' }} /> {t('plan.map.notCleared')}</span>
        </>
      ) : (
        <>
          <span className="legend-item"><span className="dot" style={{ background: '#2e7d32' }} /> 0</span>
          <span className="legend-item"><span className="dot" style={{ background: '#f9a825' }} /> &lt; 100</span>
          <span className="legend-item"><span className="dot" style={{ background: '#c62828' }} /> ≥ 100</span>
        </>
      )}
      <span className="legend-note">{countText(t, 'plan.map.routes', routeCount, i18n.language)}</span>
    </div>
  );
}
