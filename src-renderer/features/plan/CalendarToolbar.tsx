import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { PlanRefs } from './refs';

/** The calendar's rows: one per team, or one per commune. */
export type CalendarMode = 'team' | 'commune';

/** The calendar's week and rows, and the commune and team it is narrowed to (0: all). */
export function useCalendarFilters() {
  const [weekIndex, setWeekIndex] = useState(0);
  const [mode, setMode] = useState<CalendarMode>('team');
  const [communeId, setCommuneId] = useState(0);
  const [teamId, setTeamId] = useState(0);
  return { weekIndex, setWeekIndex, mode, setMode, communeId, setCommuneId, teamId, setTeamId };
}

export type CalendarFilters = ReturnType<typeof useCalendarFilters>;

/** The week (with a step back and on), the rows, and the commune and team filters. */
export function CalendarToolbar({ weeks, refs, filters }: { weeks: string[][]; refs: PlanRefs; filters: CalendarFilters }) {
  const { t } = useTranslation();
  const { weekIndex, setWeekIndex, mode, setMode, communeId, setCommuneId, teamId, setTeamId } = filters;
  return (
    <div className="toolbar">
      <button className="secondary" onClick={() => setWeekIndex((w) => Math.max(0, w - 1))} disabled={weekIndex === 0} aria-label={t('plan.calendar.prevWeek')}>◀</button>
      <select value={weekIndex} onChange={(e) => setWeekIndex(Number(e.target.value))} aria-label={t('plan.filter.week')}>
        {weeks.map((w, i) => <option key={w[0]} value={i}>{t('plan.calendar.week', { start: formatDate(w[0]!), end: formatDate(w[6]!) })}</option>)}
      </select>
      <button className="secondary" onClick={() => setWeekIndex((w) => Math.min(weeks.length - 1, w + 1))} disabled={weekIndex >= weeks.length - 1} aria-label={t('plan.calendar.nextWeek')}>▶</button>
      <select value={mode} onChange={(e) => setMode(e.target.value as CalendarMode)} aria-label={t('plan.calendar.rows')}>
        <option value="team">{t('plan.calendar.byTeam')}</option>
        <option value="commune">{t('plan.calendar.byCommune')}</option>
      </select>
      <select value={communeId} onChange={(e) => setCommuneId(Number(e.target.value))} aria-label={t('plan.filter.commune')}>
        <option value={0}>{t('plan.filter.allCommunes')}</option>
        {refs.map.communes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <select value={teamId} onChange={(e) => setTeamId(Number(e.target.value))} aria-label={t('plan.filter.team')}>
        <option value={0}>{t('plan.filter.allTeams')}</option>
        {refs.teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}</option>)}
      </select>
    </div>
  );
}
