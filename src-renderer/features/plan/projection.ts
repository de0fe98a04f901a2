import { addDays, format, parseISO } from 'date-fns';
import type { PlanDetail } from '../../../src-main/api/contract';
import type { PerService } from '../../../src-main/core/model';
import type { PlanRefs } from './refs';

export interface BurnPoint {
  date: string;
  remainingBefore: PerService;
  remaining: PerService;
}

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) out.push(format(d, 'yyyy-MM-dd'));
  return out;
};

/** People enrolled per hamlet per date (venue and home visits, both services). */
export function enrolledByHamletDate(plan: PlanDetail): Map<number, Map<string, PerService>> {
  const out = new Map<number, Map<string, PerService>>();
  for (const r of plan.routes) {
    for (const s of r.stops) {
      const byDate = out.get(s.hamletId) ?? new Map<string, PerService>();
      const cur = byDate.get(r.date) ?? { cccd: 0, eid: 0 };
      byDate.set(r.date, { cccd: cur.cccd + s.quota.cccd + s.homeVisits.cccd, eid: cur.eid + s.quota.eid + s.homeVisits.eid });
      out.set(s.hamletId, byDate);
    }
  }
  return out;
}

/**
 * Remaining backlog per day. For the whole area this is the planner's own report; for
 * one commune it is recomputed from the routes and the hamlets' backlog.
 */
export function hamletBurndown(plan: PlanDetail, refs: PlanRefs, communeId: number | null): BurnPoint[] {
  const { report } = plan;
  if (communeId === null) {
    let before = report.backlog;
    return report.burndown.map((p) => {
      const point = { date: p.date, remainingBefore: before, remaining: p.remaining };
      before = p.remaining;
      return point;
    });
  }
  const hamlets = refs.map.hamlets.filter((h) => h.communeId === communeId);
  const enrolled = enrolledByHamletDate(plan);
  let remaining: PerService = {
    cccd: hamlets.reduce((s, h) => s + (h.backlog?.remaining.cccd ?? 0), 0),
    eid: hamlets.reduce((s, h) => s + (h.backlog?.remaining.eid ?? 0), 0),
  };
  return days(report.from, report.deadline).map((date) => {
    const before = remaining;
    const done = hamlets.reduce(
      (acc, h) => {
        const e = enrolled.get(h.id)?.get(date);
        return e ? { cccd: acc.cccd + e.cccd, eid: acc.eid + e.eid } : acc;
      },
      { cccd: 0, eid: 0 },
    );
    remaining = { cccd: Math.max(0, before.cccd - done.cccd), eid: Math.max(0, before.eid - done.eid) };
    return { date, remainingBefore: before, remaining };
  });
}

/**
 * Per hamlet: remaining at the end of `date`, and the date it is done (null: short at the
 * deadline). A hamlet the report does not list as short is done on its last visit by the
 * deadline: what it has left then is its residual for the commune post (the report's rule).
 */
export function hamletStatusAt(plan: PlanDetail, refs: PlanRefs, date: string): Map<number, { remaining: number; clearedOn: string | null }> {
  const enrolled = enrolledByHamletDate(plan);
  const short = new Set(plan.report.shortfall.map((s) => s.hamletId));
  const out = new Map<number, { remaining: number; clearedOn: string | null }>();
  for (const h of refs.map.hamlets) {
    let left = (h.backlog?.remaining.cccd ?? 0) + (h.backlog?.remaining.eid ?? 0);
    let leftAtDate = left;
    let lastVisit = plan.report.from;
    const byDate = [...(enrolled.get(h.id) ?? new Map<string, PerService>()).entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [d, e] of byDate) {
      left = Math.max(0, left - e.cccd - e.eid);
      if (d <= date) leftAtDate = left;
      if (d <= plan.report.deadline) lastVisit = d;
    }
    out.set(h.id, { remaining: leftAtDate, clearedOn: short.has(h.id) ? null : lastVisit });
  }
  return out;
}
