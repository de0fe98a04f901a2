/**
 * Re-planning figures on the demo district (issue 14), printed, not asserted:
 *   npm run bench:replan -- [--time-limit s] [--days n]
 * 1. plan from the campaign start and publish; record `days` days of results exactly as planned;
 * 2. re-plan from the next day keeping the published plan: seconds, and what changed;
 * 3. the same with one team away for one day of the week after: the share of the other
 *    teams' published visits kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { Route } from '../core/model';
import { plan } from '../core/planner';
import { changeReport, visitSlots } from '../core/replan';
import { loadPlanningInstance, openDatabase, publishPlan, savePlan, type Db } from '../db';
import { publishedRoutesFrom } from '../db/instance';
import { followedVisits, recordAsPlanned } from '../db/repos/results';
import { flagsOrExit, runWhenMain } from './flags';

const USAGE = 'Usage: npm run bench:replan -- [--time-limit s] [--days n]';
const flagsSchema = z.object({
  'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.5).max(600).default(5),
  days: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(40).default(28),
}).strict();

const day = (date: string, n: number): string => format(addDays(parseISO(date), n), 'yyyy-MM-dd');

async function replan(db: Db, from: string, timeLimitSeconds: number, keep = true): Promise<{ routes: Route[]; previous: Route[]; seconds: number; valid: boolean; enrolled: number }> {
  const t0 = Date.now();
  const instance = loadPlanningInstance(db, { from, keepPublished: keep });
  const { routes, report } = await plan(instance, { seed: 1, timeLimitSeconds });
  return {
    routes, previous: publishedRoutesFrom(db, from), seconds: (Date.now() - t0) / 1000, valid: report.checker.valid,
    enrolled: report.enrolled.cccd + report.enrolled.eid,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = flagsOrExit(argv, flagsSchema, 'bench:replan', USAGE);
  if (typeof flags === 'number') return flags;
  const dir = mkdtempSync(join(tmpdir(), 'luudong-replan-'));
  const db = openDatabase(join(dir, 'demo.sqlite'));
  try {
    const first = loadPlanningInstance(db);
    const made = await plan(first, { seed: 1, timeLimitSeconds: flags['time-limit'] });
    publishPlan(db, savePlan(db, { name: 'bench', status: 'draft', fromDate: first.from, seed: 1, routes: made.routes, report: made.report }));
    const from = day(first.from, flags.days);
    for (let date = first.from; date < from; date = day(date, 1)) recordAsPlanned(db, followedVisits(db, { from: date, to: date }), { date }, date);
    const communeOf = new Map(first.hamlets.map((h) => [h.id, h.communeId]));

    const same = await replan(db, from, flags['time-limit']);
    const changes = changeReport(same.previous, same.routes, from, communeOf);
    console.log(`Results as planned for ${flags.days} days, re-plan from ${from}: ${same.seconds.toFixed(1)} s (limit ${flags['time-limit']} s), verifier ${same.valid ? 'valid' : 'INVALID'}`);
    console.log(`  keeping the published plan: ${changes.kept} visits kept, ${changes.moved} moved, ${changes.added} added, ${changes.dropped} dropped: `
      + `${(100 * changes.keptShare).toFixed(1)}% kept; ${same.enrolled} people planned by the deadline`);
    const fresh = await replan(db, from, flags['time-limit'], false);
    const freshChanges = changeReport(fresh.previous, fresh.routes, from, communeOf);
    console.log(`  afresh (side by side): ${fresh.seconds.toFixed(1)} s, ${freshChanges.kept} kept, ${freshChanges.moved} moved, ${freshChanges.added} added, `
      + `${freshChanges.dropped} dropped: ${(100 * freshChanges.keptShare).toFixed(1)}% kept; ${fresh.enrolled} people planned by the deadline`);

    const awayDay = day(from, 7);
    const counts = new Map<number, number>();
    for (const r of same.previous) if (r.date === awayDay) counts.set(r.teamId, (counts.get(r.teamId) ?? 0) + 1);
    const awayTeam = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (awayTeam === undefined) throw new Error(`no visit planned on ${awayDay}`);
    db.prepare('INSERT INTO team_days_off (team_id, date) VALUES (?, ?)').run(awayTeam, awayDay);
    const away = await replan(db, from, flags['time-limit']);
    const now = new Set(visitSlots(away.routes, from).map((s) => `${s.date}|${s.templateId}|${s.teamId}|${s.hamletId}`));
    const others = visitSlots(away.previous, from).filter((s) => s.teamId !== awayTeam);
    const kept = others.filter((s) => now.has(`${s.date}|${s.templateId}|${s.teamId}|${s.hamletId}`)).length;
    const all = changeReport(away.previous, away.routes, from, communeOf);
    console.log(`Team #${awayTeam} away on ${awayDay}: ${away.seconds.toFixed(1)} s, verifier ${away.valid ? 'valid' : 'INVALID'}; `
      + `${kept} of ${others.length} published visits of the other teams kept (${((100 * kept) / Math.max(1, others.length)).toFixed(1)}%); `
      + `all teams: ${all.kept} kept, ${all.moved} moved, ${all.added} added, ${all.dropped} dropped`);
    return 0;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, 'bench:replan', main);
