import { addDays, format, parseISO } from 'date-fns';
import type { PerService, PlanStatus } from '../../core/model';
import {
  backlogStatus, excessOver, type HamletBacklogStatus, type NotDoneReason, type PlannedVisit, type RecordedResult, type VisitOutcome,
} from '../../core/results';
import type { Db } from '../open';
import { capture, journal, type Spot } from './journal';
import { listBacklogs } from './places';

/** A visit of a kept plan as the results screen shows it, with its recorded result if any. */
export interface FollowedVisit extends PlannedVisit {
  planId: number;
  planStatus: PlanStatus;
  routeId: number;
  seq: number;
  templateId: number;
  hamletName: string;
  /** When the team reaches the hamlet (the roster's "Có mặt"); startMin is after its setup. */
  arriveMin: number;
  result: StoredResult | null;
}

export interface StoredResult extends VisitOutcome {
  visitId: number;
  recordedOn: string;
}

/** Refused on purpose, with a code the API passes on and a problem key the UI words. */
export class ResultRefused extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_PARAMS',
    message: string,
    readonly problem: { key: string; field?: string | null; params?: Record<string, string | number> },
  ) {
    super(message);
  }
}

interface ResultRow {
  visit_id: number; enrolled_cccd: number; enrolled_eid: number; home_cccd: number; home_eid: number; note: string;
  recorded_on: string; not_done_reason: NotDoneReason | null;
}

const toResult = (r: ResultRow): StoredResult => ({
  visitId: r.visit_id, enrolled: { cccd: r.enrolled_cccd, eid: r.enrolled_eid }, homeVisits: { cccd: r.home_cccd, eid: r.home_eid },
  note: r.note, notDone: r.not_done_reason, recordedOn: r.recorded_on,
});

interface KeptPlan { id: number; status: PlanStatus; from_date: string }

/**
 * The plan being followed, day by day: the published plan from its first day, and before that
 * the plans it replaced (newest first), each for the days it was the one in force.
 */
export function followedPlans(db: Db): Array<{ planId: number; status: PlanStatus; from: string; until: string | null }> {
  const kept = db.prepare(
    `SELECT id, status, from_date FROM plans WHERE status <> 'draft'
     ORDER BY status = 'published' DESC, COALESCE(published_at, created_at) DESC, id DESC`,
  ).all() as KeptPlan[];
  const out: Array<{ planId: number; status: PlanStatus; from: string; until: string | null }> = [];
  let until: string | null = null;
  for (const p of kept) {
    if (until !== null && p.from_date >= until) continue;
    out.push({ planId: p.id, status: p.status, from: p.from_date, until });
    until = p.from_date;
  }
  return out;
}

export interface VisitFilter {
  from?: string;
  to?: string;
  communeId?: number;
  teamId?: number;
}

const VISIT_SELECT = `
  SELECT v.id AS visitId, r.plan_id AS planId, p.status AS planStatus, r.id AS routeId, v.seq AS seq, r.date AS date,
    r.template_id AS templateId, r.team_id AS teamId, h.commune_id AS communeId, v.hamlet_id AS hamletId, h.name AS hamletName,
    v.arrive_min AS arriveMin, v.start_min AS startMin, v.end_min AS endMin, v.quota_cccd, v.quota_eid, v.home_cccd, v.home_eid,
    vr.visit_id AS r_visit_id, vr.enrolled_cccd AS r_enrolled_cccd, vr.enrolled_eid AS r_enrolled_eid, vr.home_cccd AS r_home_cccd,
    vr.home_eid AS r_home_eid, vr.note AS r_note, vr.recorded_on AS r_recorded_on, vr.not_done_reason AS r_not_done_reason
  FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id JOIN hamlets h ON h.id = v.hamlet_id
  LEFT JOIN visit_results vr ON vr.visit_id = v.id`;

interface VisitRow {
  visitId: number; planId: number; planStatus: PlanStatus; routeId: number; seq: number; date: string; templateId: number; teamId: number;
  communeId: number; hamletId: number; hamletName: string; arriveMin: number; startMin: number; endMin: number;
  quota_cccd: number; quota_eid: number; home_cccd: number; home_eid: number;
  r_visit_id: number | null; r_enrolled_cccd: number; r_enrolled_eid: number; r_home_cccd: number; r_home_eid: number; r_note: string;
  r_recorded_on: string; r_not_done_reason: NotDoneReason | null;
}

function toVisit(r: VisitRow): FollowedVisit {
  const result = r.r_visit_id === null ? null : toResult({
    visit_id: r.r_visit_id, enrolled_cccd: r.r_enrolled_cccd, enrolled_eid: r.r_enrolled_eid, home_cccd: r.r_home_cccd, home_eid: r.r_home_eid,
    note: r.r_note, recorded_on: r.r_recorded_on, not_done_reason: r.r_not_done_reason,
  });
  return {
    visitId: r.visitId, planId: r.planId, planStatus: r.planStatus, routeId: r.routeId, seq: r.seq, date: r.date, templateId: r.templateId,
    teamId: r.teamId, communeId: r.communeId, hamletId: r.hamletId, hamletName: r.hamletName, arriveMin: r.arriveMin, startMin: r.startMin, endMin: r.endMin,
    quota: { cccd: r.quota_cccd, eid: r.quota_eid }, homeVisits: { cccd: r.home_cccd, eid: r.home_eid }, result,
  };
}

/** The followed plan's visits (see followedPlans), filtered, in date, departure (the morning home-visit shift before the evening), route and stop order. */
export function followedVisits(db: Db, filter: VisitFilter = {}): FollowedVisit[] {
  const out: FollowedVisit[] = [];
  for (const plan of followedPlans(db)) {
    const conditions: Array<[string, unknown]> = [
      ['r.plan_id = ?', plan.planId],
      ['r.date >= ?', filter.from && filter.from > plan.from ? filter.from : plan.from],
      ...(plan.until !== null ? [['r.date < ?', plan.until] as [string, unknown]] : []),
      ...(filter.to !== undefined ? [['r.date <= ?', filter.to] as [string, unknown]] : []),
      ...(filter.communeId !== undefined ? [['h.commune_id = ?', filter.communeId] as [string, unknown]] : []),
      ...(filter.teamId !== undefined ? [['r.team_id = ?', filter.teamId] as [string, unknown]] : []),
    ];
    const where = conditions.map(([sql]) => sql);
    const args = conditions.map(([, value]) => value);
    const rows = db.prepare(`${VISIT_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.date, r.depart_min, r.template_id, r.seq, v.seq`).all(...args);
    out.push(...(rows as VisitRow[]).map(toVisit));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The last day with a recorded result (of any kept plan), or null. */
export function lastResultDay(db: Db): string | null {
  const row = db.prepare(
    'SELECT MAX(r.date) AS last FROM visit_results vr JOIN plan_visits v ON v.id = vr.visit_id JOIN plan_routes r ON r.id = v.route_id',
  ).get() as { last: string | null };
  return row.last;
}

/** A plan's first day that falls on or before a day with recorded results: that day, and the first day a plan may start. */
export interface ResultsConflict { lastResult: string; firstOpen: string }

/**
 * Whether a plan starting on `from` would take over a day with recorded results (its backlog
 * already lacks their people, so it would count them twice): the conflict, or null.
 */
export function resultsConflict(db: Db, from: string): ResultsConflict | null {
  const last = lastResultDay(db);
  return last !== null && from <= last ? { lastResult: last, firstOpen: format(addDays(parseISO(last), 1), 'yyyy-MM-dd') } : null;
}

/** Every recorded result (of any kept plan): what the backlog has lost. */
export function listRecorded(db: Db): RecordedResult[] {
  const rows = db.prepare(
    `SELECT vr.*, v.hamlet_id, r.date FROM visit_results vr JOIN plan_visits v ON v.id = vr.visit_id
     JOIN plan_routes r ON r.id = v.route_id ORDER BY r.date, vr.visit_id`,
  ).all() as Array<ResultRow & { hamlet_id: number; date: string }>;
  return rows.map((r) => {
    const { recordedOn: _on, ...outcome } = toResult(r);
    return { ...outcome, hamletId: r.hamlet_id, date: r.date };
  });
}

/** Initial (the register), done (the results) and remaining, per hamlet. */
export function listBacklogStatus(db: Db): HamletBacklogStatus[] {
  return backlogStatus(listBacklogs(db), listRecorded(db));
}

interface VisitFacts { visitId: number; planId: number; planName: string; status: PlanStatus; date: string; hamletId: number; hamletName: string; population: number }

function visitFacts(db: Db, visitId: number): VisitFacts {
  const v = db.prepare(
    `SELECT v.id AS visitId, p.id AS planId, p.name AS planName, p.status, r.date, v.hamlet_id AS hamletId, h.name AS hamletName, h.population
     FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id JOIN hamlets h ON h.id = v.hamlet_id
     WHERE v.id = ?`,
  ).get(visitId) as VisitFacts | undefined;
  if (!v) throw new ResultRefused('NOT_FOUND', `No visit ${visitId}`, { key: 'noVisit', field: 'visitId', params: { visitId } });
  return v;
}

function checkRecordable(v: VisitFacts, today: string): void {
  if (v.status === 'draft') {
    throw new ResultRefused('CONFLICT', `Visit ${v.visitId} belongs to the draft plan "${v.planName}": results are recorded only for a published plan.`,
      { key: 'draftPlan', field: 'visitId', params: { plan: v.planName } });
  }
  if (v.date > today) {
    throw new ResultRefused('CONFLICT', `The visit to ${v.hamletName} is on ${v.date}, in the future: its result cannot be recorded yet.`,
      { key: 'futureVisit', field: 'visitId', params: { hamlet: v.hamletName, date: v.date } });
  }
}

/** What is left of a hamlet's backlog, not counting one visit's own result (the one being edited). */
export function remainingExcept(db: Db, hamletId: number, visitId: number | null): PerService {
  return statusExcept(db, hamletId, visitId)?.remaining ?? { cccd: 0, eid: 0 };
}

/** A hamlet's backlog status from the register and every result but one visit's (null: no backlog row). */
function statusExcept(db: Db, hamletId: number, visitId: number | null): { remaining: PerService; done: PerService } | null {
  const backlog = listBacklogs(db).filter((b) => b.hamletId === hamletId);
  if (!backlog.length) return null;
  const others = listRecorded(db).filter((r) => r.hamletId === hamletId && r.visitId !== visitId);
  return backlogStatus(backlog, others)[0]!;
}

/** Nobody is enrolled twice: the hamlet's recorded people of a service (`done`, other visits), this result counted, stay within its population. */
function checkPopulation(v: VisitFacts, done: PerService, enrolled: PerService): void {
  const service = (['cccd', 'eid'] as const).find((s) => done[s] + enrolled[s] > v.population);
  if (!service) return;
  throw new ResultRefused('CONFLICT', `${v.hamletName} has ${v.population} people: ${done[service]} already recorded and ${enrolled[service]} more would pass it.`,
    { key: 'overPopulation', field: 'enrolled', params: { hamlet: v.hamletName, population: v.population, done: done[service], service } });
}

/** Journal summaries are shown as they are: dates the way a chief writes them. */
const shown = (iso: string): string => format(parseISO(iso), 'dd/MM/yyyy');

const isZero = (p: PerService): boolean => p.cccd === 0 && p.eid === 0;

function writeResult(db: Db, visitId: number, o: VisitOutcome, today: string): void {
  db.prepare(
    `INSERT INTO visit_results (visit_id, enrolled_cccd, enrolled_eid, home_cccd, home_eid, note, recorded_on, not_done_reason, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(visit_id) DO UPDATE SET enrolled_cccd = excluded.enrolled_cccd, enrolled_eid = excluded.enrolled_eid,
       home_cccd = excluded.home_cccd, home_eid = excluded.home_eid, note = excluded.note, recorded_on = excluded.recorded_on,
       not_done_reason = excluded.not_done_reason, recorded_at = excluded.recorded_at`,
  ).run(visitId, o.enrolled.cccd, o.enrolled.eid, o.homeVisits.cccd, o.homeVisits.eid, o.note, today, o.notDone, new Date().toISOString());
}

const sameOutcome = (a: VisitOutcome, b: VisitOutcome): boolean =>
  a.enrolled.cccd === b.enrolled.cccd && a.enrolled.eid === b.enrolled.eid && a.homeVisits.cccd === b.homeVisits.cccd
  && a.homeVisits.eid === b.homeVisits.eid && a.note === b.note && a.notDone === b.notDone;

export const resultSpot = (visitId: number): Spot => ({ table: 'visit_results', where: { visit_id: visitId } });

export type RecordOutcome =
  | { recorded: false; aboveBacklog: { hamlet: string; remaining: PerService; excess: PerService } }
  | { recorded: true; remaining: PerService; aboveBacklog: { hamlet: string; excess: PerService } | null; raised: PerService | null };

/**
 * Records (or replaces) one visit's result, audited and journaled for undo, in one transaction.
 * A result beyond what is left of the hamlet's backlog is written only with `acceptAboveBacklog`;
 * with `raiseRegister` too, the register's figure is raised by the excess (people it missed).
 */
export function recordResult(
  db: Db, visitId: number, outcome: VisitOutcome, options: { acceptAboveBacklog: boolean; raiseRegister: boolean; today: string },
): RecordOutcome {
  return db.transaction((): RecordOutcome => {
    const { result, change } = writeOutcome(db, visitId, outcome, options);
    if (change) journal(db, change);
    return result;
  })();
}

/** The audit and undo entry of one recorded result, for the caller to journal (alone, or folded into one change). */
type ResultChange = Parameters<typeof journal>[1];

/** Writes one visit's result (recordResult's rules) and says what it changed; the caller's transaction, no journal. */
export function writeOutcome(
  db: Db, visitId: number, outcome: VisitOutcome, options: { acceptAboveBacklog: boolean; raiseRegister: boolean; today: string },
): { result: RecordOutcome; change: ResultChange | null } {
  const v = visitFacts(db, visitId);
  checkRecordable(v, options.today);
  // One read of the register and the results serves both what is left and what is done.
  const status = statusExcept(db, v.hamletId, visitId);
  const left = status?.remaining ?? { cccd: 0, eid: 0 };
  const excess = excessOver(left, outcome.enrolled);
  const above = !isZero(excess);
  if (above && !options.acceptAboveBacklog) return { result: { recorded: false, aboveBacklog: { hamlet: v.hamletName, remaining: left, excess } }, change: null };
  const raise = above && options.raiseRegister;
  if (above) checkPopulation(v, status?.done ?? { cccd: 0, eid: 0 }, outcome.enrolled);
  const before = capture(db, [resultSpot(visitId), ...(raise ? [{ table: 'backlogs', where: { hamlet_id: v.hamletId } }] : [])]);
  const existed = before[0]!.rows.length > 0;
  const previous = existed ? toResult(before[0]!.rows[0] as unknown as ResultRow) : null;
  const remaining = { cccd: Math.max(0, left.cccd - outcome.enrolled.cccd), eid: Math.max(0, left.eid - outcome.enrolled.eid) };
  // The same result again (a reason chosen, then Enter): nothing changes, so nothing is logged.
  if (previous && !raise && sameOutcome(previous, outcome)) {
    return { result: { recorded: true, remaining, aboveBacklog: above ? { hamlet: v.hamletName, excess } : null, raised: null }, change: null };
  }
  if (raise) {
    const row = db.prepare('SELECT remaining_cccd, remaining_eid FROM backlogs WHERE hamlet_id = ?').get(v.hamletId) as
      { remaining_cccd: number; remaining_eid: number } | undefined;
    const next = { cccd: (row?.remaining_cccd ?? 0) + excess.cccd, eid: (row?.remaining_eid ?? 0) + excess.eid };
    if (next.cccd > v.population || next.eid > v.population) {
      throw new ResultRefused('CONFLICT', `Raising the backlog of ${v.hamletName} would pass its population (${v.population}).`,
        { key: 'raiseOverPopulation', field: 'enrolled', params: { hamlet: v.hamletName, population: v.population } });
    }
    if (row) db.prepare('UPDATE backlogs SET remaining_cccd = ?, remaining_eid = ? WHERE hamlet_id = ?').run(next.cccd, next.eid, v.hamletId);
    else db.prepare('INSERT INTO backlogs (hamlet_id, remaining_cccd, remaining_eid, counted_on) VALUES (?, ?, ?, ?)').run(v.hamletId, next.cccd, next.eid, options.today);
  }
  writeResult(db, visitId, outcome, options.today);
  const summary = { key: outcome.notDone ? 'notDoneRecorded' : 'resultRecorded', params: { hamlet: v.hamletName, date: shown(v.date) } };
  return {
    result: {
      recorded: true, remaining,
      aboveBacklog: above ? { hamlet: v.hamletName, excess } : null, raised: raise ? excess : null,
    },
    change: {
      action: existed ? 'edit' : 'record', list: 'results', entityId: String(visitId), summary, before,
      details: { planId: v.planId, date: v.date, hamlet: v.hamletName, outcome, previous,
        ...(above ? { aboveBacklog: excess, raised: raise } : {}) },
    },
  };
}

/** Takes a visit's result back (the visit counts as not recorded again). */
export function clearResult(db: Db, visitId: number, today: string): boolean {
  return db.transaction(() => {
    const v = visitFacts(db, visitId);
    checkRecordable(v, today);
    const before = capture(db, [resultSpot(visitId)]);
    if (!before[0]!.rows.length) return false;
    db.prepare('DELETE FROM visit_results WHERE visit_id = ?').run(visitId);
    journal(db, {
      action: 'clear', list: 'results', entityId: String(visitId), summary: { key: 'resultCleared', params: { hamlet: v.hamletName, date: shown(v.date) } },
      before, details: { planId: v.planId, date: v.date, hamlet: v.hamletName, previous: toResult(before[0]!.rows[0] as unknown as ResultRow) },
    });
    return true;
  })();
}

/**
 * Records every visit given that has no result yet as planned (quota and home visits), in one
 * transaction and one undoable change. A visit whose plan asks more than is left of its hamlet's
 * backlog gets what is left, and is named in `capped`.
 */
export function recordAsPlanned(
  db: Db, visits: readonly FollowedVisit[], label: { date: string }, today: string,
): { recorded: number; capped: Array<{ visitId: number; hamlet: string; planned: PerService; recorded: PerService }> } {
  return db.transaction(() => {
    const todo = visits.filter((v) => v.result === null);
    for (const v of todo) checkRecordable(visitFacts(db, v.visitId), today);
    if (!todo.length) return { recorded: 0, capped: [] };
    const before = capture(db, todo.map((v) => resultSpot(v.visitId)));
    const leftByHamlet = new Map<number, PerService>();
    const capped: Array<{ visitId: number; hamlet: string; planned: PerService; recorded: PerService }> = [];
    for (const v of todo) {
      const left = leftByHamlet.get(v.hamletId) ?? remainingExcept(db, v.hamletId, v.visitId);
      const planned = { cccd: v.quota.cccd + v.homeVisits.cccd, eid: v.quota.eid + v.homeVisits.eid };
      const enrolled = { cccd: Math.min(planned.cccd, left.cccd), eid: Math.min(planned.eid, left.eid) };
      const homeVisits = { cccd: Math.min(v.homeVisits.cccd, enrolled.cccd), eid: Math.min(v.homeVisits.eid, enrolled.eid) };
      if (enrolled.cccd < planned.cccd || enrolled.eid < planned.eid) capped.push({ visitId: v.visitId, hamlet: v.hamletName, planned, recorded: enrolled });
      writeResult(db, v.visitId, { enrolled, homeVisits, note: '', notDone: null }, today);
      leftByHamlet.set(v.hamletId, { cccd: left.cccd - enrolled.cccd, eid: left.eid - enrolled.eid });
    }
    journal(db, {
      action: 'record', list: 'results', entityId: null, summary: { key: 'doneAsPlanned', params: { date: shown(label.date), count: todo.length } }, before,
      details: { date: label.date, visitIds: todo.map((v) => v.visitId), capped },
    });
    return { recorded: todo.length, capped };
  })();
}
