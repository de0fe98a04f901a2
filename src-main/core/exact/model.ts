import { MipText, type Term } from './lp-text';
import { names } from './names';
import { SERVICE_INDICES, SERVICE_NAMES, type ExactProblem, type TeamShift } from './problem-types';
import { writeTurnoutCuts } from './cuts';
import { timedTeamShifts, writeRoute } from './route-model';
import { writeTurnout } from './turnout';

/**
 * The exact mixed-integer model of one tiny planning instance: most people enrolled (both
 * services, venue and home) by the deadline over every plan the checker accepts, within
 * the scope of scope.ts. Each rule of the checker, and where it is written:
 *
 * - route shape, travel, setup, shift window, each hamlet once a route: route-model.ts;
 * - work fits the minutes booked at a stop, by the team's throughputs: writeWork;
 * - services the team offers, CCCD only with a kit, venue quotas not in home-only shifts:
 *   by which quota variables exist (problem.ts);
 * - shifts per ISO week and consecutive weekday evenings: writeCaps; one route per team
 *   and shift, days off and allowed shift kinds: by which team-shifts exist;
 * - turnout, shift by shift, the visits of one shift to a hamlet sharing what it reaches: turnout.ts;
 * - home visits no more than the homebound: writeHome.
 * All coefficients are integers: the model is written exactly.
 */
export interface ExactModel {
  lp: string;
  /** Team-shifts whose start minutes are modelled (see route-model.ts). */
  timed: ReadonlySet<number>;
  variables: number;
  rows: number;
}

export function buildExactModel(problem: ExactProblem, options: { cuts?: boolean } = {}): ExactModel {
  const lp = new MipText();
  const objective: Term[] = [];
  const timed = timedTeamShifts(problem);
  for (const ts of problem.teamShifts) {
    writeRoute(lp, problem, ts, timed.has(ts.index));
    objective.push(...writeWork(lp, problem, ts));
  }
  writeCaps(lp, problem);
  writeHome(lp, problem);
  writeTurnout(lp, problem);
  if (options.cuts ?? true) writeTurnoutCuts(lp, problem);
  lp.maximize(objective);
  return { lp: lp.text(), timed, variables: lp.variableCount, rows: lp.rowCount };
}

/**
 * Venue quotas and home visits at each stop, and the minutes they take: people ÷ throughput
 * per hour, no more than the minutes booked. Scaled by K (a common multiple of the team's
 * throughputs) so the coefficients are whole numbers. Returns the people, for the objective.
 */
function writeWork(lp: MipText, problem: ExactProblem, ts: TeamShift): Term[] {
  const team = problem.teams[ts.team]!;
  const tp = SERVICE_NAMES.map((s) => team.throughputPerHour[s]);
  const K = [...tp, team.homeThroughputPerHour].filter((x) => x > 0).reduce(lcm, 1);
  const people: Term[] = [];
  for (const o of ts.options) {
    const minutes: Term[] = [[-K, names.work(ts.index, o.hamlet)]];
    for (const s of SERVICE_INDICES) {
      const y = names.visit(ts.index, o.hamlet);
      // Bounds from the minutes and the first visit's turnout; and nothing without a visit.
      if (o.venue[s]) {
        const q = lp.integer(names.quota(ts.index, o.hamlet, s), 0, o.venueCap[s]);
        minutes.push([(60 * K) / tp[s]!, q]);
        people.push([1, q]);
        lp.row([[1, q], [-o.venueCap[s], y]], '<=', 0);
      }
      if (o.home[s]) {
        const k = lp.integer(names.home(ts.index, o.hamlet, s), 0, o.homeCap[s]);
        minutes.push([(60 * K) / team.homeThroughputPerHour, k]);
        people.push([1, k]);
        lp.row([[1, k], [-o.homeCap[s], y]], '<=', 0);
      }
    }
    lp.row(minutes, '<=', 0);
  }
  return people;
}

/** At most maxShiftsPerWeek routes per ISO week; no more than maxConsecutiveEvenings weekday evenings in a row. */
function writeCaps(lp: MipText, problem: ExactProblem): void {
  problem.teams.forEach((team, t) => {
    const mine = problem.teamShifts.filter((ts) => ts.team === t);
    const weeks = new Map<string, Term[]>();
    const evenings = new Map<number, string>();
    for (const ts of mine) {
      const slot = problem.slots[ts.slot]!;
      weeks.set(slot.weekKey, [...(weeks.get(slot.weekKey) ?? []), [1, names.used(ts.index)]]);
      if (slot.kind !== 'weekday_evening') continue;
      // Two evening templates on one day count as one evening, as the checker counts days.
      const v = lp.integer(names.evening(t, slot.day), 0, 1);
      evenings.set(slot.day, v);
      lp.row([[1, v], [-1, names.used(ts.index)]], '>=', 0);
    }
    for (const terms of weeks.values()) if (terms.length > team.maxShiftsPerWeek) lp.row(terms, '<=', team.maxShiftsPerWeek);
    const cap = team.maxConsecutiveEvenings;
    const days = [...evenings.keys()].sort((a, b) => a - b);
    for (const first of days) {
      const window = days.filter((d) => d >= first && d <= first + cap);
      if (window.length > cap) lp.row(window.map((d): Term => [1, evenings.get(d)!]), '<=', cap);
    }
  });
}

/**
 * Home visits: each no more than the homebound still left when it happens. Whatever the
 * order, that holds exactly when every running total stays within the homebound, that is
 * when all of them together do: one row per hamlet and service.
 */
function writeHome(lp: MipText, problem: ExactProblem): void {
  problem.instance.hamlets.forEach((_, h) => {
    for (const s of SERVICE_INDICES) {
      const terms = problem.teamShifts.flatMap((ts) => ts.options.some((o) => o.hamlet === h && o.home[s])
        ? [[1, names.home(ts.index, h, s)] as Term] : []);
      if (terms.length > 0) lp.row(terms, '<=', problem.homePeople[h]![s]!);
    }
  });
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a / gcd(a, b)) * b;
}
