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
