import { normalizeText } from '../../core/register';
import type { PerService } from '../../core/model';
import type { RosterReadout, RosterResultRow, RosterRowIssue } from '../../core/results/roster-import';
import type { Db } from '../open';
import { capture, journal } from './journal';
import { followedPlans, remainingExcept, ResultRefused, resultSpot, writeOutcome } from './results';

/**
 * A filled roster's results against the database: each row must be the visit it says (same plan,
 * day and hamlet as printed, the plan the one in force that day, not in the future); the whole
 * file is written in one transaction or not at all.
 */
export interface RosterImportCheck {
  updates: Array<RosterResultRow & { replaces: boolean }>;
  rejects: RosterRowIssue[];
  /** Rows enrolling more than the hamlet has left (people the register missed): written only on an explicit yes. */
  aboveBacklog: Array<{ sheet: string; row: number; hamlet: string; excess: PerService }>;
  sheets: number;
}

interface Visit { visitId: number; planId: number; status: string; date: string; hamletId: number; hamletName: string; hasResult: number }

export function checkRosterResults(db: Db, readout: RosterReadout, today: string): RosterImportCheck {
  const check: RosterImportCheck = { updates: [], rejects: [...readout.rejects], aboveBacklog: [], sheets: readout.sheets };
  const followed = followedPlans(db);
  const inForce = (planId: number, date: string): boolean =>
    followed.some((f) => f.planId === planId && f.from <= date && (f.until === null || date < f.until));
  const stmt = db.prepare(`SELECT v.id AS visitId, r.plan_id AS planId, p.status, r.date, v.hamlet_id AS hamletId, h.name AS hamletName,
      EXISTS (SELECT 1 FROM visit_results vr WHERE vr.visit_id = v.id) AS hasResult
    FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id JOIN hamlets h ON h.id = v.hamlet_id WHERE v.id = ?`);
  for (const row of readout.rows) {
    const reject = (column: string | null, key: string, params?: Record<string, string | number>): void => {
      check.rejects.push({ sheet: row.sheet, row: row.row, column, key, ...(params ? { params } : {}) });
    };
    const visit = stmt.get(row.visitId) as Visit | undefined;
    if (!visit || visit.planId !== row.planId) {
      reject('Mã lượt', 'resultOtherPlan');
      continue;
    }
    if (visit.date !== row.date || visit.hamletId !== row.hamletId) {
      reject('Mã lượt', 'resultRowMoved', { hamlet: visit.hamletName, date: visit.date });
      continue;
    }
    if (normalizeText(visit.hamletName) !== normalizeText(row.hamletName)) {
      reject('Thôn/bản', 'resultHamletChanged', { hamlet: visit.hamletName, written: row.hamletName });
      continue;
    }
    if (visit.status === 'draft' || !inForce(visit.planId, visit.date)) {
      reject('Mã lượt', 'resultPlanNotInForce', { date: visit.date });
      continue;
    }
    if (visit.date > today) {
      reject('Mã lượt', 'resultFuture', { date: visit.date });
      continue;
    }
    check.updates.push({ ...row, replaces: visit.hasResult === 1 });
  }
  markAboveBacklog(db, check);
  return check;
}

/** Rows beyond what their hamlet has left, the file's own rows counted in order (they replace what their visits had). */
function markAboveBacklog(db: Db, check: RosterImportCheck): void {
  const left = new Map<number, PerService>();
  const visitsInFile = new Set(check.updates.map((u) => u.visitId));
  for (const u of check.updates) {
    if (!left.has(u.hamletId)) {
      const fileVisits = [...visitsInFile].filter((id) => check.updates.find((x) => x.visitId === id)?.hamletId === u.hamletId);
      // What is left without any of the file's visits' stored results: they are being replaced.
      let remaining = remainingExcept(db, u.hamletId, null);
      for (const id of fileVisits) {
        const stored = db.prepare('SELECT enrolled_cccd AS cccd, enrolled_eid AS eid FROM visit_results WHERE visit_id = ?').get(id) as PerService | undefined;
        if (stored) remaining = { cccd: remaining.cccd + stored.cccd, eid: remaining.eid + stored.eid };
      }
      left.set(u.hamletId, remaining);
    }
    const have = left.get(u.hamletId)!;
    const excess = { cccd: Math.max(0, u.outcome.enrolled.cccd - have.cccd), eid: Math.max(0, u.outcome.enrolled.eid - have.eid) };
    if (excess.cccd + excess.eid > 0) check.aboveBacklog.push({ sheet: u.sheet, row: u.row, hamlet: u.hamletName, excess });
    left.set(u.hamletId, { cccd: Math.max(0, have.cccd - u.outcome.enrolled.cccd), eid: Math.max(0, have.eid - u.outcome.enrolled.eid) });
  }
}

export class RosterImportRefused extends Error {}

/** One row's result; a refusal (more than the hamlet's population) names the row, and the file's transaction is undone. */
function writeOneRow(db: Db, u: RosterImportCheck['updates'][number], options: { acceptAboveBacklog: boolean; today: string }): ReturnType<typeof writeOutcome> {
  try {
    return writeOutcome(db, u.visitId, u.outcome, { acceptAboveBacklog: options.acceptAboveBacklog, raiseRegister: false, today: options.today });
  } catch (err) {
    if (err instanceof ResultRefused) throw new RosterImportRefused(`Row ${u.row} (${u.hamletName}): ${err.message} Nothing was recorded.`);
    throw err;
  }
}

/**
 * Writes a checked file's results, all or none, as one change (one entry in the log, one undo for
 * the whole file); refused with rejects, or rows above the backlog without `acceptAboveBacklog`.
 */
export function applyRosterResults(db: Db, check: RosterImportCheck, options: { acceptAboveBacklog: boolean; today: string; fileName: string }): { recorded: number } {
  if (check.rejects.length) throw new RosterImportRefused(`The file has ${check.rejects.length} rejected rows: nothing was recorded.`);
  if (check.aboveBacklog.length && !options.acceptAboveBacklog) {
    throw new RosterImportRefused(`${check.aboveBacklog.length} rows record more than their hamlet has left: confirm them first; nothing was recorded.`);
  }
  db.transaction(() => {
    const before = capture(db, check.updates.map((u) => resultSpot(u.visitId)));
    for (const u of check.updates) {
      const done = writeOneRow(db, u, options);
      if (!done.result.recorded) throw new RosterImportRefused(`Row ${u.row} (${u.hamletName}) records more than is left: nothing was recorded.`);
    }
    journal(db, {
      action: 'record', list: 'results', entityId: null, summary: { key: 'rosterImported', params: { file: options.fileName, count: check.updates.length } }, before,
      details: { file: options.fileName, visitIds: check.updates.map((u) => u.visitId) },
    });
  })();
  return { recorded: check.updates.length };
}
