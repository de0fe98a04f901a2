import type { PlanReport } from '../model';
import { dayAfter } from './days';
import type { Findings } from './findings';

/** The report's own figures, against what the routes add up to. */
export type ReportRule = (f: Findings, report: Omit<PlanReport, 'checker'>) => void;

type Pair = { cccd: number; eid: number };
const show = (p: Pair): string => `CCCD ${p.cccd}, e-ID ${p.eid}`;
const same = (a: Pair, b: Pair): boolean => a.cccd === b.cccd && a.eid === b.eid;

function backlogTotal(f: Findings): Pair {
  const total = { cccd: 0, eid: 0 };
  for (const b of f.instance.backlogs) {
    total.cccd += b.remaining.cccd;
    total.eid += b.remaining.eid;
  }
  return total;
}

/** People enrolled per hamlet (or in all) on routes up to a date. */
function enrolledUpTo(f: Findings, until: string, hamletId?: number): Pair {
  const total = { cccd: 0, eid: 0 };
  for (const r of f.routes) {
    if (r.date > until) continue;
    for (const s of r.stops) {
      if (hamletId !== undefined && s.hamletId !== hamletId) continue;
      total.cccd += s.quota.cccd + s.homeVisits.cccd;
      total.eid += s.quota.eid + s.homeVisits.eid;
    }
  }
  return total;
}

/** Backlog, enrolled by the deadline, shifts, metres and cost are the routes' own sums. */
export const totalsAddUp: ReportRule = (f, report) => {
  const mismatch = (what: string, reported: string | number, actual: string | number): void => {
    if (reported !== actual) f.add('report_mismatch', null, { what, reported, actual });
  };
  const { from, campaign: { deadline } } = f.instance;
  mismatch('period', `${report.from}..${report.deadline}`, `${from}..${deadline}`);
  mismatch('backlog', show(report.backlog), show(backlogTotal(f)));
  mismatch('people enrolled', show(report.enrolled), show(enrolledUpTo(f, deadline)));
  mismatch('shifts', report.shifts, f.routes.length);
  mismatch('distance (m)', report.objectives.distanceM, f.routes.reduce((sum, r) => sum + r.distanceM, 0));
  mismatch('cost', report.objectives.cost, f.routes.reduce((sum, r) => sum + r.cost, 0));
};

/** No plan can beat the upper bound, this one included. */
export const boundAbovePlan: ReportRule = (f, report) => {
  const enrolled = enrolledUpTo(f, f.instance.campaign.deadline);
  if (report.upperBound < enrolled.cccd + enrolled.eid) f.add('bound_below_plan', null, { bound: report.upperBound, enrolled: enrolled.cccd + enrolled.eid });
};

/** The burn-down runs day by day from the first planned day to the deadline, with what the routes leave. */
export const burndownFollowsRoutes: ReportRule = (f, report) => {
  const { from, campaign: { deadline } } = f.instance;
  const backlog = backlogTotal(f);
  let expected = from;
  for (const point of report.burndown) {
    if (point.date !== expected) return f.add('report_mismatch', null, { what: 'burn-down day', reported: point.date, actual: expected });
    const done = enrolledUpTo(f, point.date);
    const left = { cccd: backlog.cccd - done.cccd, eid: backlog.eid - done.eid };
    if (!same(point.remaining, left)) return f.add('report_mismatch', null, { what: `burn-down on ${point.date}`, reported: show(point.remaining), actual: show(left) });
    expected = dayAfter(point.date);
  }
  const last = report.burndown[report.burndown.length - 1]?.date ?? 'none';
  if (from <= deadline && last !== deadline) f.add('report_mismatch', null, { what: 'burn-down end', reported: last, actual: deadline });
};

/** "Deadline met" is said exactly when the clearance date is on or before the deadline, and never with a hamlet short. */
export const verdictMatchesClearance: ReportRule = (f, report) => {
  const met = report.clearanceDate !== null && report.clearanceDate <= f.instance.campaign.deadline;
  if (report.deadlineMet !== met) f.add('report_mismatch', null, { what: 'deadline met', reported: String(report.deadlineMet), actual: `clearance ${report.clearanceDate ?? 'never'}` });
  if (report.deadlineMet && report.shortfall.length > 0) f.add('report_mismatch', null, { what: 'deadline met', reported: 'true', actual: `${report.shortfall.length} hamlets short` });
};

/**
 * The residual rule, as the README words it: at the deadline a hamlet's service is done when
 * no more than max(3 people, 2 % of its backlog) is left (the commune post's share), or when
 * nobody is left that a visit could meet: no homebound, and at the venue fewer than one
 * person in the best shift's reach. Returns what is short and what is left to the post.
 */
function atDeadline(f: Findings, hamletId: number, backlog: Pair, homebound: Pair): { short: Pair; toPost: number } {
  const { people, percent } = f.instance.residual ?? { people: 3, percent: 2 };
  const hamlet = f.hamlets.get(hamletId);
  const reach = Math.max(0, ...f.instance.shiftTemplates.filter((t) => !t.homeVisitsOnly).map((t) => hamlet?.reach[t.kind] ?? 0));
  const short = { cccd: 0, eid: 0 };
  let toPost = 0;
  for (const s of ['cccd', 'eid'] as const) {
    let venueLeft = backlog[s] - homebound[s];
    let homeLeft = homebound[s];
    for (const r of f.routes) {
      if (r.date > f.instance.campaign.deadline) continue;
      for (const stop of r.stops) {
        if (stop.hamletId !== hamletId) continue;
        venueLeft = Math.max(0, venueLeft - stop.quota[s]);
        homeLeft = Math.max(0, homeLeft - stop.homeVisits[s]);
      }
    }
    const left = venueLeft + homeLeft;
    const residual = Math.max(people, Math.ceil((backlog[s] * percent) / 100 - 1e-9));
    const unreachable = homeLeft === 0 && (venueLeft === 0 || (reach > 0 && Math.floor(reach * venueLeft + 1e-9) === 0));
    if (left <= residual || unreachable) toPost += left;
    else short[s] = left;
  }
  return { short, toPost };
}

/** The shortfall list names exactly the hamlets short beyond their residual, with how many; the residual adds up. */
export const shortfallMatchesRoutes: ReportRule = (f, report) => {
  const listed = new Map(report.shortfall.map((s) => [s.hamletId, s.missing]));
  const toPost = { people: 0, hamlets: 0 };
  for (const b of f.instance.backlogs) {
    const { short, toPost: left } = atDeadline(f, b.hamletId, b.remaining, b.homebound);
    if (left > 0) { toPost.people += left; toPost.hamlets++; }
    const reported = listed.get(b.hamletId) ?? { cccd: 0, eid: 0 };
    if (!same(reported, short)) {
      const name = f.hamlets.get(b.hamletId)?.name ?? `#${b.hamletId}`;
      f.add('report_mismatch', null, { what: `shortfall at ${name}`, reported: show(reported), actual: show(short) });
    }
  }
  if (report.hamletsShort !== undefined && report.hamletsShort !== report.shortfall.length) {
    f.add('report_mismatch', null, { what: 'hamlets short', reported: report.hamletsShort, actual: report.shortfall.length });
  }
  if (report.residual && (report.residual.people !== toPost.people || report.residual.hamlets !== toPost.hamlets)) {
    f.add('report_mismatch', null, { what: 'residual for the commune posts', reported: `${report.residual.people} in ${report.residual.hamlets}`, actual: `${toPost.people} in ${toPost.hamlets}` });
  }
};

export const REPORT_RULES: readonly ReportRule[] = [
  totalsAddUp, boundAbovePlan, burndownFollowsRoutes, verdictMatchesClearance, shortfallMatchesRoutes,
];
