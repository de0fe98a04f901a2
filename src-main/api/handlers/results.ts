import { readRosterResults } from '../../core/results/roster-import';
import { applyRosterResults, checkRosterResults, RosterImportRefused, type RosterImportCheck } from '../../db/repos/results-import';
import { readSpreadsheetOffThread } from '../../workers/read-thread';
import type { HandlerContext } from '../context';
import { actualBurndown, dailyProgress, groupProgress, progressAsOf, visitOutcome, type GroupProgress, type VisitOutcome } from '../../core/results';
import type { Db } from '../../db';
import { listBacklogs, listCommunes } from '../../db/repos/places';
import { getCampaign, listShiftTemplates, listTeams } from '../../db/repos/resources';
import {
  clearResult, followedPlans, followedVisits, listBacklogStatus, listRecorded, recordAsPlanned, recordResult, ResultRefused, type FollowedVisit,
} from '../../db/repos/results';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { GroupFigures, ProgressReport, ResultVisit } from '../methods/results';
import { today } from './register-import';

function refused(err: unknown): never {
  if (err instanceof ResultRefused) throw new AppError(err.code, err.message, err.problem);
  throw err;
}

/** Runs a repository call, turning its refusals into errors the UI words. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    refused(err);
  }
}

function describe(db: Db, visits: FollowedVisit[]): ResultVisit[] {
  const teams = new Map(listTeams(db).map((t) => [t.id, t]));
  const communes = new Map(listCommunes(db).map((c) => [c.id, c.name]));
  const shifts = new Map(listShiftTemplates(db).map((s) => [s.id, s.name]));
  const left = new Map(listBacklogStatus(db).map((s) => [s.hamletId, s.remaining]));
  return visits.map(({ planStatus: _s, seq: _q, result, ...v }) => ({
    ...v,
    shiftName: shifts.get(v.templateId) ?? '',
    teamCode: teams.get(v.teamId)?.code ?? '', teamName: teams.get(v.teamId)?.name ?? '',
    communeName: communes.get(v.communeId) ?? '',
    result: result && { enrolled: result.enrolled, homeVisits: result.homeVisits, note: result.note, notDone: result.notDone, recordedOn: result.recordedOn },
    hamletRemaining: left.get(v.hamletId) ?? { cccd: 0, eid: 0 },
  }));
}

const named = (groups: GroupProgress[], name: (id: number) => string): GroupFigures[] =>
  groups.map((g) => ({ ...g, name: name(g.id) }));

function progress(db: Db, asked: string | undefined): ProgressReport {
  const plans = followedPlans(db);
  const published = plans.find((p) => p.status === 'published') ?? null;
  const planName = published
    ? (db.prepare('SELECT name FROM plans WHERE id = ?').get(published.planId) as { name: string }).name
    : null;
  const visits = followedVisits(db);
  const outcomes = new Map(visits.flatMap((v) => (v.result ? [[v.visitId, v.result] as [number, VisitOutcome]] : [])));
  const lastRecorded = visits.reduce<string | null>((last, v) => (v.result && (last === null || v.date > last) ? v.date : last), null);
  const asOf = asked ?? lastRecorded;
  const empty = { planId: published?.planId ?? null, planName, asOf, figures: null, days: dailyProgress(visits, outcomes, asOf), actualBurndown: [], communes: [], teams: [] };
  if (asOf === null) return empty;
  const { asOf: _a, ...figures } = progressAsOf(visits, outcomes, asOf);
  const initial = listBacklogs(db).reduce((s, b) => ({ cccd: s.cccd + b.remaining.cccd, eid: s.eid + b.remaining.eid }), { cccd: 0, eid: 0 });
  const start = getCampaign(db)?.startDate ?? plans.reduce((d, p) => (p.from < d ? p.from : d), asOf);
  const teams = listTeams(db);
  const teamName = new Map(teams.map((t) => [t.id, `${t.code} · ${t.name}`]));
  const communeName = new Map(listCommunes(db).map((c) => [c.id, c.name]));
  return {
    ...empty,
    figures,
    actualBurndown: start <= asOf ? actualBurndown(initial, listRecorded(db), start, asOf) : [],
    communes: named(groupProgress(visits, outcomes, teams, asOf, 'communeId'), (id) => communeName.get(id) ?? String(id)),
    teams: named(groupProgress(visits, outcomes, teams, asOf, 'teamId'), (id) => teamName.get(id) ?? String(id)),
  };
}

/** A filled roster read (off the main thread when large) and checked against the database as it is now. */
async function checkRoster(ctx: HandlerContext, base64: string): Promise<{ check: RosterImportCheck | null; fileProblem: string | null }> {
  const read = await readSpreadsheetOffThread(Buffer.from(base64, 'base64'));
  if (!read.ok) return { check: null, fileProblem: read.problem.key };
  const check = checkRosterResults(ctx.db, readRosterResults(read.sheets), today());
  return check.sheets === 0 ? { check: null, fileProblem: 'noRosterResults' } : { check, fileProblem: null };
}

export const resultsHandlers: Pick<Handlers, 'results.day' | 'results.record' | 'results.doneAsPlanned' | 'results.clear' | 'results.progress' | 'results.importPreview' | 'results.importApply'> = {
  'results.importPreview': async ({ base64 }, ctx) => {
    const { check, fileProblem } = await checkRoster(ctx, base64);
    return {
      fileProblem, sheets: check?.sheets ?? 0, rejects: check?.rejects ?? [], aboveBacklog: check?.aboveBacklog ?? [],
      updates: (check?.updates ?? []).map((u) => ({
        sheet: u.sheet, row: u.row, date: u.date, hamlet: u.hamletName, enrolled: u.outcome.enrolled, homeVisits: u.outcome.homeVisits,
        notDone: u.outcome.notDone, note: u.outcome.note, replaces: u.replaces,
      })),
    };
  },
  'results.importApply': async ({ fileName, base64, acceptAboveBacklog }, ctx) => {
    const { check, fileProblem } = await checkRoster(ctx, base64);
    if (!check) throw new AppError('CONFLICT', 'The file is not a filled roster of this area: nothing was recorded.', { key: fileProblem ?? 'noRosterResults' });
    try {
      return applyRosterResults(ctx.db, check, { acceptAboveBacklog, today: today(), fileName });
    } catch (err) {
      if (err instanceof RosterImportRefused) throw new AppError('CONFLICT', err.message, { key: 'rosterImportRefused' });
      throw err;
    }
  },
  'results.day': ({ date, communeId, teamId }, ctx) => ({
    date, visits: describe(ctx.db, followedVisits(ctx.db, { from: date, to: date, communeId, teamId })),
  }),
  'results.record': ({ visitId, acceptAboveBacklog, raiseRegister, ...typed }, ctx) => {
    const checked = visitOutcome.safeParse(typed);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path.join('.');
      throw new AppError('BAD_PARAMS', `results.record: ${field}: ${issue.message === 'homeOverEnrolled'
        ? 'more home visits than enrolled' : issue.message === 'notDoneWithCounts' ? 'a visit not done enrolled nobody' : issue.message}`,
      { key: issue.message, field, params: (issue as { params?: Record<string, number> }).params ?? {} });
    }
    const outcome = guarded(() => recordResult(ctx.db, visitId, checked.data, { acceptAboveBacklog, raiseRegister, today: today() }));
    if (!outcome.recorded) return { status: 'aboveBacklog' as const, ...outcome.aboveBacklog };
    return { status: 'recorded' as const, remaining: outcome.remaining, aboveBacklog: outcome.aboveBacklog, raised: outcome.raised };
  },
  'results.doneAsPlanned': ({ date, communeId, teamId }, ctx) =>
    guarded(() => recordAsPlanned(ctx.db, followedVisits(ctx.db, { from: date, to: date, communeId, teamId }), { date }, today())),
  'results.clear': ({ visitId }, ctx) => ({ cleared: guarded(() => clearResult(ctx.db, visitId, today())) }),
  'results.progress': ({ asOf }, ctx) => progress(ctx.db, asOf),
};
