import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate, PerService } from '../model';
import type { NotDoneReason, VisitOutcome } from '../results';
import { Rng } from '../rng';

/**
 * The field a simulated campaign meets, fixed by its seed before any plan is made, so two ways
 * of running the campaign (re-planning weekly, or the first plan followed blindly) meet the same
 * days: the same turnout in a hamlet on a date, the same roads cut, the same team called away.
 */
export interface World {
  /** People met against the plan's expectation, 0.75-1.25, per date and hamlet. */
  turnout(date: IsoDate, hamletId: number): number;
  /** Rain or a cut road: the visit cannot take place (about 5 % of hamlet-days). */
  cut(date: IsoDate, hamletId: number): boolean;
  /** One team called away for a week. */
  away: { teamId: number; from: IsoDate; to: IsoDate } | null;
}

export const TURNOUT_SPREAD = 0.25;
export const CUT_SHARE = 0.05;

/** FNV-1a over the text: a stable seed per (world seed, key). */
function hashed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const draw = (seed: number, key: string): number => new Rng(hashed(seed, key)).next();

export function makeWorld(seed: number, teamIds: readonly number[], start: IsoDate, deadline: IsoDate): World {
  const rng = new Rng(seed);
  const days = Math.max(1, Math.round((parseISO(deadline).getTime() - parseISO(start).getTime()) / 86_400_000) - 6);
  const teamId = teamIds.length ? teamIds[rng.int(teamIds.length)]! : null;
  const from = format(addDays(parseISO(start), rng.int(days)), 'yyyy-MM-dd');
  return {
    turnout: (date, hamletId) => 1 - TURNOUT_SPREAD + 2 * TURNOUT_SPREAD * draw(seed, `t|${date}|${hamletId}`),
    cut: (date, hamletId) => draw(seed, `c|${date}|${hamletId}`) < CUT_SHARE,
    away: teamId === null ? null : { teamId, from, to: format(addDays(parseISO(from), 6), 'yyyy-MM-dd') },
  };
}

export interface SimulatedVisit {
  date: IsoDate;
  teamId: number;
  hamletId: number;
  quota: PerService;
  homeVisits: PerService;
}

/**
 * What a visit achieved in this world: not done when its team is away or its road cut, else the
 * plan's expectation times the day's turnout, never more than what is left in the hamlet.
 */
export function visitOutcome(world: World, visit: SimulatedVisit, left: PerService): VisitOutcome {
  const away = world.away && world.away.teamId === visit.teamId && visit.date >= world.away.from && visit.date <= world.away.to;
  const reason: NotDoneReason | null = away ? 'team_called_away' : world.cut(visit.date, visit.hamletId) ? 'rain_road_cut' : null;
  const none = { cccd: 0, eid: 0 };
  if (reason) return { enrolled: none, homeVisits: none, note: '', notDone: reason };
  const factor = world.turnout(visit.date, visit.hamletId);
  const met = (planned: number, cap: number): number => Math.max(0, Math.min(cap, Math.round(planned * factor)));
  const enrolled = {
    cccd: met(visit.quota.cccd + visit.homeVisits.cccd, left.cccd),
    eid: met(visit.quota.eid + visit.homeVisits.eid, left.eid),
  };
  const homeVisits = { cccd: Math.min(enrolled.cccd, visit.homeVisits.cccd), eid: Math.min(enrolled.eid, visit.homeVisits.eid) };
  return { enrolled, homeVisits, note: '', notDone: null };
}
