import type { MipText, Term } from './lp-text';
import { names } from './names';
import { type ExactProblem, type TeamShift } from './problem-types';

/**
 * One team-shift's route: base → stops → base, each hamlet at most once, within the shift,
 * with setup before work at every stop.
 *
 * Arcs a (0 = base, h + 1 = hamlet h) carry a path from the base back to it through the
 * stops y. Loops away from the base are cut by subtour rows. The route fits the shift when
 * its legs, setups and work add up to no more than the shift's length (waiting only adds),
 * one row. Team-shifts with too many possible stops for subtour rows get the start minute t
 * of work at each stop instead, chained along the arcs (the chained minutes rule loops out
 * as well, since every leg takes at least a minute).
 */
const MAX_SUBTOUR_STOPS = 6;

/** Team-shifts with too many possible stops for subtour rows. */
export function timedTeamShifts(problem: ExactProblem): Set<number> {
  return new Set(problem.teamShifts.filter((ts) => ts.options.length > MAX_SUBTOUR_STOPS).map((ts) => ts.index));
}

/** Minutes from route place a to route place b (0 = the team's base, h + 1 = hamlet h). */
export function legMinutes(problem: ExactProblem, ts: TeamShift, a: number, b: number): number {
  const n = problem.places.keys.length;
  const node = (x: number): number => (x === 0 ? problem.teamNode[ts.team]! : ts.options.find((o) => o.hamlet === x - 1)!.node);
  return problem.places.minutes[node(a) * n + node(b)]!;
}

export function writeRoute(lp: MipText, problem: ExactProblem, ts: TeamShift, timed: boolean): void {
  const { startMin, endMin } = problem.slots[ts.slot]!.template;
  const setup = problem.teams[ts.team]!.setupMinutes;
  const i = ts.index;
  const u = lp.integer(names.used(i), 0, 1);
  const duration: Term[] = [[-(endMin - startMin), u]];
  for (const o of ts.options) {
    const h = o.hamlet;
    const y = lp.integer(names.visit(i, h), 0, 1);
    const w = lp.integer(names.work(i, h), 0, o.room);
    lp.integer(names.arc(i, 0, h + 1), 0, 1);
    lp.integer(names.arc(i, h + 1, 0), 0, 1);
    lp.row([[1, y], [-1, u]], '<=', 0);
    lp.row([[1, w], [-o.room, y]], '<=', 0);
    duration.push([setup, y], [1, w]);
  }
  const arcs = routeArcs(problem, ts);
  for (const arc of arcs) {
    if (arc.from !== 0 && arc.to !== 0) lp.integer(arc.name, 0, 1);
    duration.push([arc.minutes, arc.name]);
  }
  // As many arcs leave the base as come back to it (one, when the route is used); one in
  // and one out of every stop.
  lp.row([...arcs.filter((a) => a.from === 0).map((a): Term => [1, a.name]), [-1, u]], '=', 0);
  lp.row([...arcs.filter((a) => a.to === 0).map((a): Term => [1, a.name]), [-1, u]], '=', 0);
  for (const o of ts.options) {
    const y = names.visit(i, o.hamlet);
    lp.row([...arcs.filter((a) => a.to === o.hamlet + 1).map((a): Term => [1, a.name]), [-1, y]], '=', 0);
    lp.row([...arcs.filter((a) => a.from === o.hamlet + 1).map((a): Term => [1, a.name]), [-1, y]], '=', 0);
  }
  lp.row(duration, '<=', 0);
  if (timed) writeStartMinutes(lp, problem, ts, arcs);
  else writeSubtourRows(lp, ts, arcs);
}

interface Arc {
  from: number;
  to: number;
  name: string;
  minutes: number;
}

/** Every arc a useful route may take: legs between stops only if both keep a minute of work. */
function routeArcs(problem: ExactProblem, ts: TeamShift): Arc[] {
  const { startMin, endMin } = problem.slots[ts.slot]!.template;
  const setup = problem.teams[ts.team]!.setupMinutes;
  const arc = (from: number, to: number): Arc => ({ from, to, name: names.arc(ts.index, from, to), minutes: legMinutes(problem, ts, from, to) });
  const arcs: Arc[] = ts.options.flatMap((o) => [arc(0, o.hamlet + 1), arc(o.hamlet + 1, 0)]);
  for (const o of ts.options) {
    for (const p of ts.options) {
      if (p === o) continue;
      const leg = arc(o.hamlet + 1, p.hamlet + 1);
      const shortest = legMinutes(problem, ts, 0, o.hamlet + 1) + leg.minutes + legMinutes(problem, ts, p.hamlet + 1, 0) + 2 * setup + 2;
      if (shortest <= endMin - startMin) arcs.push(leg);
    }
  }
  return arcs;
}

/** No loop among stops S away from the base: arcs inside S ≤ stops in S less any one of them. */
function writeSubtourRows(lp: MipText, ts: TeamShift, arcs: readonly Arc[]): void {
  const stops = ts.options.map((o) => o.hamlet + 1);
  for (let mask = 1; mask < 1 << stops.length; mask++) {
    const inside = stops.filter((_, k) => (mask >> k) & 1);
    if (inside.length < 2) continue;
    const within = arcs.filter((a) => inside.includes(a.from) && inside.includes(a.to)).map((a): Term => [1, a.name]);
    if (within.length === 0) continue;
    for (const left of inside) {
      lp.row([...within, ...inside.filter((x) => x !== left).map((x): Term => [-1, names.visit(ts.index, x - 1)])], '<=', 0);
    }
  }
}

/**
 * Start minute t of work at each stop: after the drive from the previous place and setup;
 * the work and the drive back fit before the shift ends.
 */
function writeStartMinutes(lp: MipText, problem: ExactProblem, ts: TeamShift, arcs: readonly Arc[]): void {
  const { startMin, endMin } = problem.slots[ts.slot]!.template;
  const setup = problem.teams[ts.team]!.setupMinutes;
  const i = ts.index;
  for (const o of ts.options) lp.integer(names.start(i, o.hamlet), startMin, endMin);
  for (const a of arcs) {
    if (a.from === 0) {
      lp.row([[1, names.start(i, a.to - 1)], [-(a.minutes + setup), a.name]], '>=', startMin);
    } else if (a.to === 0) {
      lp.row([[1, names.start(i, a.from - 1)], [1, names.work(i, a.from - 1)], [a.minutes, a.name]], '<=', endMin);
    } else {
      // big: enough to switch the row off when the arc is not taken.
      const big = endMin - startMin + a.minutes + setup;
      lp.row([[1, names.start(i, a.to - 1)], [-1, names.start(i, a.from - 1)], [-1, names.work(i, a.from - 1)], [-big, a.name]], '>=', a.minutes + setup - big);
    }
  }
}
