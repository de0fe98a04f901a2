import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, StoredRouteDto } from '../../../src-main/api/contract';
import { formatDate, formatMinutes, formatNumber } from '../../lib/format';
import { HomeIcon, PinIcon } from '../../lib/icons';
import { CalendarToolbar, useCalendarFilters } from './CalendarToolbar';
import type { PlanRefs } from './refs';
import { useRowWindow, WINDOW_ROW_HEIGHT } from './useRowWindow';
import { weeksBetween } from './weeks';

/** Days × teams (or × communes): each cell the shift's route, hamlets in order. */
export function CalendarView({ plan, refs, onSelect, selectedId }: {
  plan: PlanDetail;
  refs: PlanRefs;
  onSelect: (route: StoredRouteDto) => void;
  selectedId: number | null;
}) {
  const { t } = useTranslation();
  const weeks = useMemo(() => weeksBetween(plan.report.from, plan.report.deadline), [plan.report.from, plan.report.deadline]);
  const filters = useCalendarFilters();
  const { weekIndex, mode, communeId, teamId } = filters;
  const week = weeks[Math.min(weekIndex, weeks.length - 1)] ?? [];

  const routesByKey = useMemo(() => {
    const map = new Map<string, StoredRouteDto[]>();
    const add = (key: string, r: StoredRouteDto): void => {
      map.set(key, [...(map.get(key) ?? []), r]);
    };
    for (const r of plan.routes) {
      if (teamId && r.teamId !== teamId) continue;
      const communes = new Set(r.stops.map((s) => refs.hamlet.get(s.hamletId)?.communeId ?? 0));
      if (communeId && !communes.has(communeId)) continue;
      if (mode === 'team') add(`${r.teamId}|${r.date}`, r);
      else for (const c of communes) add(`${c}|${r.date}`, r);
    }
    for (const list of map.values()) list.sort((a, b) => a.departMin - b.departMin);
    return map;
  }, [plan.routes, refs, mode, communeId, teamId]);

  const rows = mode === 'team'
    ? refs.teams.filter((tm) => !teamId || tm.id === teamId).map((tm) => ({ id: tm.id, label: tm.name }))
    : refs.map.communes.filter((c) => !communeId || c.id === communeId).map((c) => ({ id: c.id, label: c.name }));

  const win = useRowWindow(rows.length);
  const rowStyle = win.windowed ? { height: WINDOW_ROW_HEIGHT } : undefined;

  return (
    <section className={win.windowed ? 'card calendar-card windowed' : 'card calendar-card'} data-testid="calendar">
      <CalendarToolbar weeks={weeks} refs={refs} filters={filters} />
      <CalendarLegend />
      {/* A district's rows flow in the page (the day headings stick to the window's top); a province's scroll in a window-tall box. */}
      <div className="calendar-wrap" onScroll={win.onScroll}>
        <table className={win.windowed ? 'calendar windowed' : 'calendar'}>
          <thead>
            <tr>
              <th>{mode === 'team' ? t('plan.calendar.team') : t('plan.calendar.commune')}</th>
              {week.map((d, i) => (
                <th key={d} className={i >= 5 ? 'weekend' : undefined}>{t(`weekday.${i + 1}`)} {formatDate(d).slice(0, 5)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr style={{ height: win.padTop }} aria-hidden />}
            {rows.slice(win.start, win.end).map((row) => (
              <tr key={row.id} style={rowStyle}>
                <th scope="row">{row.label}</th>
                {week.map((d) => (
                  <td key={d}>
                    <div className="cell">
                      {(routesByKey.get(`${row.id}|${d}`) ?? []).map((r) => (
                        <RouteChip key={r.id} route={r} refs={refs} selected={r.id === selectedId} showTeam={mode === 'commune'} onClick={() => onSelect(r)} />
                      ))}
                    </div>
                  </td>
                ))}
              </tr>
            ))}
            {win.padBottom > 0 && <tr style={{ height: win.padBottom }} aria-hidden />}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A commune's name without its unit word ("Xã Xuân Cao" -> "Xuân Cao"): the chip has little room. */
const shortCommune = (name: string): string => name.replace(/^(xã|thị trấn|phường|đặc khu)\s+/iu, '');

/** "Thôn 1 (Xuân Cao)": several communes have a "Thôn 1". */
export function hamletWithCommune(refs: PlanRefs, hamletId: number): string {
  const hamlet = refs.hamlet.get(hamletId);
  if (!hamlet) return String(hamletId);
  const commune = refs.communeName.get(hamlet.communeId);
  return commune ? `${hamlet.name} (${shortCommune(commune)})` : hamlet.name;
}

/** One route in a day's cell; in rows of communes it names its team (a row of a team need not). */
function RouteChip({ route, refs, selected, showTeam, onClick }: { route: StoredRouteDto; refs: PlanRefs; selected: boolean; showTeam: boolean; onClick: () => void }) {
  const { t, i18n } = useTranslation();
  const template = refs.template.get(route.templateId);
  const quota = route.stops.reduce((s, st) => s + st.quota.eid + st.quota.cccd + st.homeVisits.eid + st.homeVisits.cccd, 0);
  const vehicles = route.vehicleIds.map((v) => refs.vehicle.get(v)?.name ?? v).join(', ');
  return (
    <button className={`route-chip${selected ? ' selected' : ''}${route.pinned ? ' pinned' : ''}`} onClick={onClick} data-testid="route-chip" data-route-id={route.id}>
      <span className="chip-time" title={t('area.calendar.times', { shift: template?.name ?? '', depart: formatMinutes(route.departMin), back: formatMinutes(route.returnMin) })}>
        {route.pinned && <><PinIcon label={t('area.calendar.pinned')} />{' '}</>}
        {formatMinutes(route.departMin)}–{formatMinutes(route.returnMin)}
        {template?.homeVisitsOnly && <>{' '}<HomeIcon label={t('area.calendar.home')} /></>}
      </span>
      <span className="chip-stops">{route.stops.map((s) => hamletWithCommune(refs, s.hamletId)).join(' → ')}</span>
      {showTeam && <span className="chip-meta" data-testid="chip-team">{t('area.calendar.team', { name: refs.team.get(route.teamId)?.name ?? route.teamId })}</span>}
      {/* The vehicles on one line (all of them in the tooltip and the route's details): rows stay short enough to see several teams. */}
      <span className="chip-meta chip-vehicles" title={vehicles}>{t('area.calendar.vehicles', { names: vehicles })}</span>
      <span className="chip-meta" data-testid="chip-quota">{t('area.calendar.quota', { n: formatNumber(quota, i18n.language) })}</span>
    </button>
  );
}

/** What the chips' signs and figures mean. */
function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <div className="legend" data-testid="calendar-legend">
      <span className="legend-item"><HomeIcon /> {t('area.calendar.home')}</span>
      <span className="legend-item"><PinIcon /> {t('area.calendar.pinned')}</span>
      <span className="legend-note">{t('area.calendar.quotaNote')}</span>
    </div>
  );
}
