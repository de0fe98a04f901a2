import { GUIDE_GROUPS } from '../evaluate/route-plan';
import { dayNumber } from './days';
import type { Prepared } from './prepared';

/** `${day}|${templateId}|${team}` -> hamlets of the previous plan there (objective level 4 keeps them). */
export function previousIndex(prepared: Prepared): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  for (const route of prepared.instance.previous) {
    const team = prepared.teamIdx.get(route.teamId);
    if (team === undefined) continue;
    const hamlets = new Set(route.stops.flatMap((stop) => {
      const hamlet = prepared.hamletIdx.get(stop.hamletId);
      return hamlet === undefined ? [] : [hamlet];
    }));
    index.set(`${dayNumber(route.date)}|${route.templateId}|${team}`, hamlets);
  }
  return index;
}

/**
 * A guide from the published plan itself: what each team was to enrol at each hamlet from the
 * first day re-planned on (venue CCCD, venue e-ID, home visits), in the guide's layout. A re-plan
 * that starts from the published routes allocates their time as they were first allocated, so
 * results exactly as planned give the same quotas back.
 */
export function previousGuide(prepared: Prepared): Float64Array | null {
  const { previous, from } = prepared.instance;
  if (previous.length === 0) return null;
  const hamletCount = prepared.hamlets.length;
  const guide = new Float64Array(prepared.teams.length * hamletCount * GUIDE_GROUPS);
  for (const route of previous) {
    if (route.date < from) continue;
    const team = prepared.teamIdx.get(route.teamId);
    if (team === undefined) continue;
    for (const stop of route.stops) {
      const hamlet = prepared.hamletIdx.get(stop.hamletId);
      if (hamlet === undefined) continue;
      const at = (team * hamletCount + hamlet) * GUIDE_GROUPS;
      guide[at] = guide[at]! + stop.quota.cccd;
      guide[at + 1] = guide[at + 1]! + stop.quota.eid;
      guide[at + 2] = guide[at + 2]! + stop.homeVisits.cccd + stop.homeVisits.eid;
    }
  }
  return guide;
}
