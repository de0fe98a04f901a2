import type { Backlog, PerService } from '../model';
import type { RecordedResult } from './model';

const zero = (): PerService => ({ cccd: 0, eid: 0 });
const add = (a: PerService, b: PerService): PerService => ({ cccd: a.cccd + b.cccd, eid: a.eid + b.eid });

/** One hamlet's backlog: the register's figure (initial), what results recorded (done), and what is left. */
export interface HamletBacklogStatus {
  hamletId: number;
  initial: PerService;
  done: PerService;
  /** initial − done, never below 0. */
  remaining: PerService;
  /** Recorded beyond the register's figure: people the register missed. */
  over: PerService;
  homebound: { initial: PerService; done: PerService; remaining: PerService };
}

type Enrolment = Pick<RecordedResult, 'hamletId' | 'enrolled' | 'homeVisits'>;

/** Recorded enrolments per hamlet (venue + home), and of which at home. */
export function doneByHamlet(results: readonly Enrolment[]): Map<number, { enrolled: PerService; home: PerService }> {
  const out = new Map<number, { enrolled: PerService; home: PerService }>();
  for (const r of results) {
    const cur = out.get(r.hamletId) ?? { enrolled: zero(), home: zero() };
    out.set(r.hamletId, { enrolled: add(cur.enrolled, r.enrolled), home: add(cur.home, r.homeVisits) });
  }
  return out;
}

/** Remaining = register backlog − recorded enrolments, per hamlet and service (homebound likewise, within it). */
export function backlogStatus(backlogs: readonly Backlog[], results: readonly Enrolment[]): HamletBacklogStatus[] {
  const done = doneByHamlet(results);
  return backlogs.map((b) => {
    const d = done.get(b.hamletId) ?? { enrolled: zero(), home: zero() };
    const remaining = {
      cccd: Math.max(0, b.remaining.cccd - d.enrolled.cccd),
      eid: Math.max(0, b.remaining.eid - d.enrolled.eid),
    };
    const homeLeft = {
      cccd: Math.min(remaining.cccd, Math.max(0, b.homebound.cccd - d.home.cccd)),
      eid: Math.min(remaining.eid, Math.max(0, b.homebound.eid - d.home.eid)),
    };
    return {
      hamletId: b.hamletId,
      initial: { ...b.remaining },
      done: d.enrolled,
      remaining,
      over: { cccd: Math.max(0, d.enrolled.cccd - b.remaining.cccd), eid: Math.max(0, d.enrolled.eid - b.remaining.eid) },
      homebound: { initial: { ...b.homebound }, done: d.home, remaining: homeLeft },
    };
  });
}

/** The backlogs the planner should plan on: what is left after the recorded results. */
export function remainingBacklogs(backlogs: readonly Backlog[], results: readonly Enrolment[]): Backlog[] {
  const status = new Map(backlogStatus(backlogs, results).map((s) => [s.hamletId, s]));
  return backlogs.map((b) => {
    const s = status.get(b.hamletId)!;
    return { ...b, remaining: s.remaining, homebound: s.homebound.remaining };
  });
}

/** How far a result goes beyond what is left (0 per service when it fits). */
export function excessOver(remaining: PerService, enrolled: PerService): PerService {
  return { cccd: Math.max(0, enrolled.cccd - remaining.cccd), eid: Math.max(0, enrolled.eid - remaining.eid) };
}
