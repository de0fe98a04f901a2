import { format } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { useRpc } from '../../lib/useRpc';
import { scopeParams, type Scope } from './ResultsToolbar';

/**
 * What the results screen shows: the campaign's progress, the chosen day and commune or team,
 * that day's visits (all of them, and those in scope), the communes and teams to choose from,
 * and the results change undo would take back. `refresh` reloads the day, the undo and the progress.
 */
export function useResultsDay() {
  const progress = useRpc('results.progress', {});
  const [date, setDate] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('');
  const day = useRpc('results.day', date ? { date } : null);
  const undo = useRpc('undo.peek');

  // Open on the first day with visits still to record (up to today), else the plan's last day.
  useEffect(() => {
    if (date !== null || !progress.data) return;
    const today = format(new Date(), 'yyyy-MM-dd');
    const days = progress.data.days;
    const open = days.find((d) => d.recorded < d.visits && d.date <= today) ?? days.at(-1);
    if (open) setDate(open.date);
  }, [progress.data, date]);

  const allVisits = useMemo(() => day.data?.visits ?? [], [day.data]);
  const visits = useMemo(() => {
    const { communeId, teamId } = scopeParams(scope);
    return allVisits.filter((v) => (communeId === undefined || v.communeId === communeId) && (teamId === undefined || v.teamId === teamId));
  }, [allVisits, scope]);

  const communes = useMemo(() => [...new Map(allVisits.map((v) => [v.communeId, v.communeName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [allVisits]);
  const teams = useMemo(() => [...new Map(allVisits.map((v) => [v.teamId, `${v.teamCode} · ${v.teamName}`])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [allVisits]);

  const refresh = (): void => {
    day.reload();
    undo.reload();
    progress.reload();
  };

  const undoEntry = undo.data?.entry?.list === 'results' ? undo.data.entry : null;
  return { progress, day, date, setDate, scope, setScope, allVisits, visits, communes, teams, undoEntry, refresh };
}
