import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, GeoJSON, MapContainer, Marker, Tooltip } from 'react-leaflet';
import type { HamletRow, MapData } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { markerScale, MAX_BASE_PINS } from '../../lib/map-scale';
import { useRpc } from '../../lib/useRpc';
import { HamletDetails } from './HamletDetails';

// Leaflet's default marker images, bundled (no remote content).
const baseIcon = (className: string): L.Icon =>
  L.icon({
    iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow,
    iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41], className,
  });
const HQ_ICON = baseIcon('base-marker hq-marker');
const POST_ICON = baseIcon('base-marker post-marker');

// Leaflet applies a path's className only when the path is created: it must be a layer
// option (GeoJSON passes its options to each polygon), not a style. react-leaflet's types omit it.
const OUTLINE_OPTIONS: object = { className: 'commune-outline' };

export const ROAD_COLOURS = { paved: '#2e7d32', dirt: '#ef6c00', forest: '#c62828' } as const;

const backlogOf = (h: HamletRow): number => (h.backlog ? h.backlog.remaining.eid + h.backlog.remaining.cccd : 0);

function bounds(data: MapData): L.LatLngBoundsExpression {
  const pts = [...data.communes, ...data.hamlets].map((p) => [p.lat, p.lon] as [number, number]);
  return pts.length ? L.latLngBounds(pts).pad(0.08) : L.latLngBounds([[8, 102], [23.5, 110]]);
}

export function DistrictMap() {
  const { t } = useTranslation();
  const map = useRpc('map.get');
  const [selected, setSelected] = useState<HamletRow | null>(null);
  const maxBacklog = useMemo(() => Math.max(1, ...(map.data?.hamlets ?? []).map(backlogOf)), [map.data]);
  if (map.error) return <ErrorNote error={map.error} />;
  const data = map.data;
  if (!data) return <p>{t('app.loading')}</p>;
  const communeName = new Map(data.communes.map((c) => [c.id, c.name]));
  const scale = markerScale(data.hamlets.length);
  const pins = data.bases.length <= MAX_BASE_PINS;
  return (
    <section className="map-panel">
      <div className="map-wrap" data-testid="district-map">
        <MapContainer bounds={bounds(data)} className="map" attributionControl={false} zoomSnap={0.25}>
          {data.outlines.map((o) => (
            <GeoJSON
              key={o.communeId}
              data={o.geometry as GeoJsonObject}
              {...OUTLINE_OPTIONS}
              style={{ color: '#455a64', weight: 1.2, fillColor: '#eceff1', fillOpacity: 0.55 }}
            >
              <Tooltip sticky>{communeName.get(o.communeId)}</Tooltip>
            </GeoJSON>
          ))}
          {data.hamlets.map((h) => (
            <CircleMarker
              key={h.id}
              center={[h.lat, h.lon]}
              radius={scale * (4 + 14 * Math.sqrt(backlogOf(h) / maxBacklog))}
              className="hamlet-marker"
              pathOptions={{
                color: ROAD_COLOURS[h.roadClass], fillColor: ROAD_COLOURS[h.roadClass], fillOpacity: 0.6, weight: h.motorbikeOnly ? 3 : 1,
              }}
              eventHandlers={{ click: () => setSelected(h) }}
            >
              <Tooltip>{`${h.name} (${h.communeName})`}</Tooltip>
            </CircleMarker>
          ))}
          {data.bases.map((b) => {
            const label = <Tooltip>{`${b.name} (${t(b.kind === 'hq' ? 'map.hq' : 'map.post')})`}</Tooltip>;
            return pins || b.kind === 'hq'
              ? <Marker key={b.id} position={[b.lat, b.lon]} icon={b.kind === 'hq' ? HQ_ICON : POST_ICON}>{label}</Marker>
              : <CircleMarker key={b.id} center={[b.lat, b.lon]} radius={3} pathOptions={{ color: '#1565c0', fillColor: '#fff', fillOpacity: 1, weight: 2 }}>{label}</CircleMarker>;
          })}
        </MapContainer>
        <div className="legend">
          <strong>{t('map.legendRoad')}</strong>
          {(Object.keys(ROAD_COLOURS) as Array<keyof typeof ROAD_COLOURS>).map((road) => (
            <span key={road} className="legend-item">
              <span className="dot" style={{ background: ROAD_COLOURS[road] }} /> {t(`road.${road}`)}
            </span>
          ))}
          <span className="legend-item">
            <span className="dot" style={{ background: 'transparent', border: '3px solid #455a64' }} /> {t('map.legendMotorbike')}
          </span>
          <span className="legend-note">{t('map.legendSize')}</span>
          <span className="legend-item"><img src={markerIcon} alt="" className="legend-hq" /> {t('map.hq')}</span>
          <span className="legend-item">
            {pins ? <img src={markerIcon} alt="" /> : <span className="dot" style={{ background: '#fff', border: '2px solid #1565c0' }} />} {t('map.post')}
          </span>
        </div>
      </div>
      {selected && <HamletDetails hamlet={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}
