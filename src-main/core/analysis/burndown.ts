import { addDays, format, parseISO } from 'date-fns';
import type { BurndownPoint, IsoDate, PerService, Route } from '../model';

const nextDay = (date: IsoDate): IsoDate => format(addDays(parseISO(date), 1), 'yyyy-MM-dd');

/** People enrolled per date (venue quotas and home visits), per service. */
export function enrolledByDate(routes: readonly Route[]): Map<IsoDate, PerService> {
  const byDate = new Map<IsoDate, PerService>();
  for (const r of routes) {
    const day = byDate.get(r.date) ?? { cccd: 0, eid: 0 };
    for (const s of r.stops) {
      day.cccd += s.quota.cccd + s.homeVisits.cccd;
      day.eid += s.quota.eid + s.homeVisits.eid;
    }
    byDate.set(r.date, day);
  }
  return byDate;
}

/** Total enrolled on routes dated up to `until` (inclusive). */
export function enrolledUntil(routes: readonly Route[], until: IsoDate): PerService {
  const total = { cccd: 0, eid: 0 };
  for (const [date, got] of enrolledByDate(routes)) {
    if (date > until) continue;
    total.cccd += got.cccd;
    total.eid += got.eid;
  }
  return total;
}

/**
 * Remaining backlog at the end of each day from `from` to `to`: the burn-down chart.
 * Routes dated before `from` count on the first day.
 */
export function burndown(backlog: PerService, routes: readonly Route[], from: IsoDate, to: IsoDate): BurndownPoint[] {
  const byDate = enrolledByDate(routes);
  const remaining = { ...backlog };
  for (const [date, got] of byDate) {
    if (date >= from) continue;
    remaining.cccd -= got.cccd;
    remaining.eid -= got.eid;
  }
  const points: BurndownPoint[] = [];
  for (let date = from; date <= to; date = nextDay(date)) {
    const got = byDate.get(date);
    if (got) {
      remaining.cccd -= got.cccd;
      remaining.eid -= got.eid;
    }
    points.push({ date, remaining: { ...remaining } });
  }
  return points;
}

export const totalOf = (p: PerService): number => p.cccd + p.eid;
