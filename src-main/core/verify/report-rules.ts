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

/** "Deadline met" is said exactly when the clearance date is on or before the deadline. */
export const verdictMatchesClearance: ReportRule = (f, report) => {
  const met = report.clearanceDate !== null && report.clearanceDate <= f.instance.campaign.deadline;
  if (report.deadlineMet !== met) f.add('report_mismatch', null, { what: 'deadline met', reported: String(report.deadlineMet), actual: `clearance ${report.clearanceDate ?? 'never'}` });
};

/** The shortfall list names exactly the hamlets with people left at the deadline, with how many. */
export const shortfallMatchesRoutes: ReportRule = (f, report) => {
  const listed = new Map(report.shortfall.map((s) => [s.hamletId, s.missing]));
  for (const b of f.instance.backlogs) {
    const done = enrolledUpTo(f, f.instance.campaign.deadline, b.hamletId);
    const left = { cccd: b.remaining.cccd - done.cccd, eid: b.remaining.eid - done.eid };
    const reported = listed.get(b.hamletId) ?? { cccd: 0, eid: 0 };
    if (!same(reported, left)) {
      const name = f.hamlets.get(b.hamletId)?.name ?? `#${b.hamletId}`;
      f.add('report_mismatch', null, { what: `shortfall at ${name}`, reported: show(reported), actual: show(left) });
    }
  }
};

export const REPORT_RULES: readonly ReportRule[] = [
  totalsAddUp, boundAbovePlan, burndownFollowsRoutes, verdictMatchesClearance, shortfallMatchesRoutes,
];
