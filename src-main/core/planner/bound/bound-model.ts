import type { Prepared, PSlot } from '../prepare/prepared';
import { teamCapacity, type TeamCapacity } from './bound-capacity';
import { geometry } from './bound-geometry';
import { LpWriter } from './lp-writer';

/**
 * An LP relaxation whose optimum no checker-valid plan can beat. Why each piece holds for
 * any valid plan, not only the planner's:
 * - Shifts: per team, the most routes and shift minutes (venue, home-only, all) that its
 *   caps, days off and pinned routes allow, by exact dynamic programming (bound-capacity);
 *   and k routes last at most the k longest of the team's shifts (writeLengthChords).
 * - Travel: legs are no shorter than shortest paths (sp), so a route lasts at least the sp
 *   round trip RT to its farthest stop, its "primary" p, plus setup at each stop. A route
 *   whose primary is h lasts at most L(h), the longest shift it could run in, so for any
 *   threshold θ, the routes with primaries at RT ≥ θ must hold every visit at RT ≥ θ:
 *   Σ_{RT≥θ} [(L − RT)·p − setup·n − work] ≥ 0 (n = all visits). One primary per route.
 *   Each other stop lengthens its route by at least its cell's detour (bound-geometry.ts),
 *   so a team's minutes hold rt·p + detour·(n − p) of travel; and a route stops at a hamlet
 *   at most once, so n ≤ the cell's hamlets × the team's routes.
 * - Work per visit ≤ L − setup − RT.
 * - Cells: hamlets a few minutes apart with the same road, motorbike rule and cut months
 *   share team-side variables; a cell's RT is its nearest member's, so it is looser only.
 * - Turnout: after visits with reaches r1..rn the non-homebound left is ≥ B·Π(1 − ri)
 *   whatever the quotas, so venue people ≤ B(1 − e^{−αv}) with the hamlet's best venue
 *   reach (α = −ln(1 − r); the best over the kinds of venue shift some team that reaches the
 *   hamlet may work); that concave curve lies below each tangent (cuts) and below
 *   B·r·v. With every reach < 1 and floor(reach × left), one person is always left: ≤ B − 1.
 *   All visits to a hamlet in one shift share what that shift reaches, so a hamlet has at
 *   most one turnout step per venue shift in its open months: S steps of floor(r × left)
 *   each, however many teams, take at most what S such steps take from B.
 * - CCCD only for kit teams; nothing where the team's base has no vehicles for the road
 *   or in months the road is cut. Vehicles shared between teams are not modelled (looser).
 */
export interface BoundModel {
  lp: string;
  /** People already enrolled by pinned routes. */
  pinnedPeople: number;
  variables: number;
  /** With `required`: some hamlets must enrol people no variable can carry (no team reaches them). */
  impossible: boolean;
}

const MAX_REACH = 1 - 1e-9;
const BAND_MINUTES = 10;

type Term = [number, string];

/** One team's possible visits to one cell, as LP variables. */
interface Visit {
  /** Shortest round trip from the team's base to the cell. */
  rt: number;
  /** Routes whose farthest stop is in the cell. */
  primary: string;
  /** Visits to the cell. */
  count: string;
  room: number;
  work: Term[];
  /** The cell's detour (Build.detours). */
  detour: number;
}

/** A team's routes of one kind (venue shifts or home-visit-only shifts). */
interface ShiftGroup {
  home: boolean;
  routes: number;
  minutes: number;
  longest: Map<number, number>;
}

/** What the pieces of the model share while it is written. */
interface Build {
  prepared: Prepared;
  lp: LpWriter;
  nonHomebound: Int32Array;
  homebound: Int32Array;
  roundTrip: (from: number, to: number) => number;
  cells: number[][];
  /** Per cell, the least a stop there lengthens a route whose farthest stop is elsewhere. */
  detours: number[];
  capacities: readonly (TeamCapacity | null)[];
  /** Per hamlet, its best reach over the venue shift kinds. */
  bestReach: number[];
  /** Per hamlet, the venue shifts in months its road is open (the most turnout steps it can have). */
  venueShifts: number[];
  /** Per cell: the teams' visit counts, their venue people and home visits by service. */
  cellVisits: string[][];
  cellVenue: string[][][];
  cellHome: string[][][];
  /** People each hamlet must still enrol (service * hamletCount + hamlet), when the model asks "can every hamlet be done?". */
  required: Int32Array | null;
  impossible: boolean;
}

/**
 * With `required`, each cell must also enrol what its hamlets require (venue and home people of
 * each service together, summed over the cell: a plan that does every hamlet does every cell),
 * so an infeasible LP proves that no plan does every hamlet.
 */
export function buildBoundModel(prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, required: Int32Array | null = null): BoundModel {
  const lp = new LpWriter();
  const pinnedPeople = prepared.instance.pinned.reduce(
    (sum, route) => sum + route.stops.reduce((people, stop) => people + stop.quota.cccd + stop.quota.eid + stop.homeVisits.cccd + stop.homeVisits.eid, 0), 0);
  const { roundTrip, cells, detours } = geometry(prepared);
  // Each team's capacity once (exact dynamic programming); null for a team without a base.
  const capacities = prepared.teams.map((team, t) => (team.base < 0 ? null : teamCapacity(prepared, t)));
  const workable = workableVenueShifts(prepared, capacities);
  const build: Build = {
    prepared, lp, nonHomebound, homebound, roundTrip, cells, detours, capacities,
    bestReach: prepared.hamlets.map((ph, hamlet) => Math.max(0, ...workable[hamlet]!.map((slot) => ph.reach[slot.kind] ?? 0))),
    venueShifts: prepared.hamlets.map((ph, hamlet) => workable[hamlet]!.filter((slot) => !ph.cut[slot.month]).length),
    cellVisits: cells.map(() => [] as string[]),
    cellVenue: cells.map(() => [[], []] as string[][]),
    cellHome: cells.map(() => [[], []] as string[][]),
    required, impossible: false,
  };
  const visitCap = visitCaps(prepared, capacities, roundTrip);
  prepared.teams.forEach((_, team) => writeTeam(build, team));
  cells.forEach((members, cell) => writeCell(build, members, cell, visitCap));
  return { lp: lp.text(), pinnedPeople, variables: lp.size, impossible: build.impossible };
}

/** Per hamlet, the venue shifts that some team able to reach it may work (its kinds, days off, pinned routes: bound-capacity). */
function workableVenueShifts(prepared: Prepared, capacities: readonly (TeamCapacity | null)[]): PSlot[][] {
  const hamletCount = prepared.hamlets.length;
  const byTeam = capacities.map((cap) => (cap ? cap.slots.filter((slot) => !slot.homeOnly) : []));
  // Hamlets reached by the same teams share the answer (most are reached by all).
  const bySignature = new Map<string, PSlot[]>();
  return prepared.hamlets.map((_, hamlet) => {
    const teams = byTeam.flatMap((_, t) => (prepared.reachable[t * hamletCount + hamlet] ? [t] : []));
    const signature = teams.join(',');
    let shifts = bySignature.get(signature);
    if (!shifts) {
      const slots = new Map<string, PSlot>();
      for (const t of teams) for (const slot of byTeam[t]!) slots.set(`${slot.day}|${slot.templateId}`, slot);
      shifts = [...slots.values()];
      bySignature.set(signature, shifts);
    }
    return shifts;
  });
}

/** A team's routes and minutes under its capacity, venue and home-visit shifts apart and together. */
function writeTeam(build: Build, team: number): void {
  const { prepared, lp } = build;
  const pteam = prepared.teams[team]!;
  if (pteam.base < 0 || !(pteam.can[0] || pteam.can[1])) return;
  const cap = build.capacities[team]!;
  if (cap.slots.length === 0) return;
  const groups: ShiftGroup[] = [
    { home: false, routes: cap.venueRoutes, minutes: cap.venueMinutes, longest: cap.longestVenue },
    { home: true, routes: cap.homeRoutes, minutes: cap.homeMinutes, longest: cap.longestHome },
  ];
  const routes: Term[] = [];
  const minutes: Term[] = [];
  for (const group of groups) {
    if (group.routes <= 0) continue;
    const written = writeGroup(build, team, group);
    if (!written) continue;
    routes.push([1, written.routes]);
    minutes.push([1, written.minutes]);
  }
  if (routes.length > 0) {
    lp.row(routes, '<=', cap.routes);
    lp.row(minutes, '<=', cap.minutes);
    writeLengthChords(lp, routes, minutes, cap.slots);
  }
}

/**
 * Routes last no longer than their shifts, so k routes of a team hold at most F(k), its k
 * longest shifts' minutes: a concave curve, so below its chords at every whole k. They bind a
 * team's route minutes to its number of routes (otherwise fewer, longer routes save travel).
 */
function writeLengthChords(lp: LpWriter, routes: readonly Term[], minutes: readonly Term[], slots: readonly PSlot[]): void {
  const lengths = slots.map((slot) => slot.end - slot.start).sort((a, b) => b - a);
  let held = 0;
  lengths.forEach((length, j) => {
    // F(j) + length·(k − j): written where the slope changes (equal lengths give one line).
    if (length !== lengths[j - 1]) lp.row([...minutes, ...routes.map(([c, v]): Term => [-length * c, v])], '<=', held - length * j);
    held += length;
  });
}

/** The team's visits to every cell in one group of shifts, their caps and the ladder; null if none. */
function writeGroup(build: Build, team: number, group: ShiftGroup): { routes: string; minutes: string } | null {
  const { lp, cells } = build;
  const pteam = build.prepared.teams[team]!;
  const tag = group.home ? 'h' : 'v';
  const routes: Term[] = [];
  const minutes: Term[] = [];
  const visits: Visit[] = [];
  cells.forEach((members, cell) => {
    const visit = writeVisit(build, team, group, members, cell);
    if (!visit) return;
    routes.push([1, visit.primary]);
    // Round trip to the farthest stop, and each other stop's detour: rt·p + detour·(n − p).
    minutes.push([visit.rt - visit.detour, visit.primary], [pteam.setup + visit.detour, visit.count], ...visit.work);
    visits.push(visit);
  });
  if (visits.length === 0) return null;
  // The group's routes and route minutes as two variables, so the team's rows stay short.
  const routeCount = lp.variable(`r${tag}${team}`, 0, group.routes);
  const routeMinutes = lp.variable(`m${tag}${team}`, 0, group.minutes);
  lp.row([...routes, [-1, routeCount]], '=', 0);
  lp.row([...minutes, [-1, routeMinutes]], '=', 0);
  writeLengthChords(lp, [[1, routeCount]], [[1, routeMinutes]], build.capacities[team]!.slots.filter((slot) => slot.homeOnly === group.home));
  writeLadder(lp, `a${tag}${team}`, pteam.setup, visits);
  return { routes: routeCount, minutes: routeMinutes };
}

/** The team's visits to one cell: its variables and the work they hold; null if it cannot work there. */
function writeVisit(build: Build, team: number, group: ShiftGroup, members: readonly number[], cell: number): Visit | null {
  const { prepared, lp, nonHomebound, homebound, bestReach } = build;
  const hamletCount = prepared.hamlets.length;
  const pteam = prepared.teams[team]!;
  const first = members[0]!;
  if (!prepared.reachable[team * hamletCount + first]) return null;
  const fastest = Math.max(pteam.can[0] ? pteam.tp[0] : 0, pteam.can[1] ? pteam.tp[1] : 0, pteam.htp);
  const ph = prepared.hamlets[first]!;
  let longest = 0;
  for (const [month, length] of group.longest) if (!ph.cut[month]) longest = Math.max(longest, length);
  const rt = Math.min(...members.map((hamlet) => build.roundTrip(pteam.node, prepared.hamlets[hamlet]!.node)));
  const room = longest - pteam.setup - rt;
  if (room < 60 / fastest) return null;
  const venue = [0, 1].filter((service) => !group.home && pteam.can[service]
    && members.some((hamlet) => nonHomebound[service * hamletCount + hamlet]! > 0 && bestReach[hamlet]! > 0));
  const home = [0, 1].filter((service) => pteam.htp > 0 && pteam.can[service] && members.some((hamlet) => homebound[service * hamletCount + hamlet]! > 0));
  if (venue.length === 0 && home.length === 0) return null;
  const tag = group.home ? 'h' : 'v';
  const primary = lp.variable(`p${tag}${team}_${cell}`);
  // A route stops at each hamlet at most once: visits ≤ the cell's hamlets × the group's routes.
  const count = lp.variable(`n${tag}${team}_${cell}`, 0, members.length * group.routes);
  lp.row([[1, primary], [-1, count]], '<=', 0);
  const work: Term[] = [];
  for (const service of venue) {
    const people = lp.variable(`x${tag}${team}_${cell}_${service}`);
    work.push([60 / pteam.tp[service]!, people]);
    build.cellVenue[cell]![service]!.push(people);
  }
  for (const service of home) {
    const visited = lp.variable(`y${tag}${team}_${cell}_${service}`);
    work.push([60 / pteam.htp, visited]);
    build.cellHome[cell]![service]!.push(visited);
  }
  lp.row([...work, [-room, count]], '<=', 0);
  if (!group.home) build.cellVisits[cell]!.push(count);
  return { rt, primary, count, room: longest - rt, work, detour: build.detours[cell]! };
}

/** A cell's side: visits per hamlet, turnout under the chords, venue and home people within the backlog. */
function writeCell(build: Build, members: readonly number[], cell: number, visitCap: Float64Array): void {
  const { prepared, lp, nonHomebound, homebound, bestReach } = build;
  const hamletCount = prepared.hamlets.length;
  const teamVisits = build.cellVisits[cell]!;
  const hamletVisits = new Map<number, string>();
  if (teamVisits.length > 0) {
    for (const hamlet of members) if (bestReach[hamlet]! > 0) hamletVisits.set(hamlet, lp.variable(`v${hamlet}`));
    lp.row([...[...hamletVisits.values()].map((visits): Term => [1, visits]), ...teamVisits.map((count): Term => [-1, count])], '<=', 0);
  }
  for (const service of [0, 1]) {
    const venue = build.cellVenue[cell]![service]!;
    const people: Term[] = [];
    for (const hamlet of members) {
      const need = nonHomebound[service * hamletCount + hamlet]!;
      const visits = hamletVisits.get(hamlet);
      if (venue.length === 0 || need <= 0 || !visits) continue;
      const reach = Math.min(MAX_REACH, bestReach[hamlet]!);
      const turnout = lp.variable(`X${hamlet}_${service}`, 0, Math.min(reach < 1 - 2e-9 ? need - 1 : need, stepsTake(need, reach, build.venueShifts[hamlet]!)));
      lp.objective(turnout);
      people.push([1, turnout]);
      for (const [slope, intercept] of turnoutChords(need, reach, visitCap[service * hamletCount + hamlet]!)) {
        lp.row([[1, turnout], [-slope, visits]], '<=', intercept);
      }
    }
    if (people.length > 0) lp.row([...people, ...venue.map((variable): Term => [-1, variable])], '<=', 0);
    const home = build.cellHome[cell]![service]!;
    if (home.length > 0) {
      for (const visited of home) lp.objective(visited);
      lp.row(home.map((visited): Term => [1, visited]), '<=', members.reduce((sum, hamlet) => sum + homebound[service * hamletCount + hamlet]!, 0));
    }
    if (build.required) requireCell(build, members, service, [...people, ...home.map((visited): Term => [1, visited])]);
  }
}

/** The cell's people of a service, venue and home, at least what its hamlets require. */
function requireCell(build: Build, members: readonly number[], service: number, enrolled: Term[]): void {
  const hamletCount = build.prepared.hamlets.length;
  const need = members.reduce((sum, hamlet) => sum + build.required![service * hamletCount + hamlet]!, 0);
  if (need <= 0) return;
  if (enrolled.length === 0) build.impossible = true;
  else build.lp.row(enrolled, '>=', need);
}

/**
 * Most venue people of service s one visit to h can enrol (index s * hamletCount + h): the best
 * team's throughput over the longest shift it may run there, less setup and the shortest
 * round trip from its base.
 */
function visitCaps(prepared: Prepared, capacities: readonly (TeamCapacity | null)[], roundTrip: (base: number, hamlet: number) => number): Float64Array {
  const hamletCount = prepared.hamlets.length;
  const caps = new Float64Array(2 * hamletCount);
  prepared.teams.forEach((team, teamIndex) => {
    const capacity = capacities[teamIndex];
    if (!capacity) return;
    const { longestVenue } = capacity;
    prepared.hamlets.forEach((ph, hamlet) => {
      if (!prepared.reachable[teamIndex * hamletCount + hamlet]) return;
      let longest = 0;
      for (const [month, length] of longestVenue) if (!ph.cut[month]) longest = Math.max(longest, length);
      const room = longest - team.setup - roundTrip(team.node, ph.node);
      if (room <= 0) return;
      for (const service of [0, 1]) {
        if (team.can[service]) caps[service * hamletCount + hamlet] = Math.max(caps[service * hamletCount + hamlet]!, Math.floor((room * team.tp[service]!) / 60 + 1e-9));
      }
    });
  });
  return caps;
}

/** The most `steps` turnout steps of floor(reach × left) each can take from `need` people (left − floor(r·left) grows with left, so taking the most each time leaves the least). */
function stepsTake(need: number, reach: number, steps: number): number {
  let left = need;
  for (let step = 0; step < steps && left > 0; step++) {
    const gain = Math.floor(reach * left + 1e-9);
    if (gain <= 0) break;
    left -= gain;
  }
  return need - left;
}

/**
 * X ≤ g(v) as chords (slope, intercept) through g's integer points, where g(v) is the most
 * v visits can enrol out of `need` when each takes at most min(cap, floor(reach × left)).
 * Taking the most at every visit leaves the least (left − min(cap, floor(r·left)) grows
 * with left), so g bounds every sequence of visits; its gains only shrink, so g is concave
 * and the chords hold at every whole number of visits.
 */
export function turnoutChords(need: number, reach: number, cap: number): [number, number][] {
  const chords: [number, number][] = [];
  let left = need;
  let got = 0;
  let lastGain = -1;
  for (let j = 0; left > 0; j++) {
    const gain = Math.min(cap, Math.floor(reach * left + 1e-9));
    if (gain <= 0) break;
    // X ≤ got + gain·(v − j): only where the slope changes.
    if (gain !== lastGain) chords.push([gain, got - gain * j]);
    lastGain = gain;
    got += gain;
    left -= gain;
  }
  return chords;
}

/**
 * For each threshold θ (bands of RT, farthest first): the routes whose primary is at
 * RT ≥ θ must fit every visit at RT ≥ θ. A running sum keeps the rows short:
 * A_k = A_{k−1} + Σ_band [(L − RT)·p − setup·n − work] ≥ 0.
 */
function writeLadder(lp: LpWriter, prefix: string, setup: number, visits: Visit[]): void {
  visits.sort((a, b) => b.rt - a.rt || (a.primary < b.primary ? -1 : 1));
  let previous: string | null = null;
  let band = -1;
  let terms: Term[] = [];
  let rung = 0;
  const flush = (): void => {
    if (terms.length === 0) return;
    const running = lp.variable(`${prefix}_${rung++}`);
    lp.row([[1, running], ...(previous ? [[-1, previous] as Term] : []), ...terms], '=', 0);
    previous = running;
    terms = [];
  };
  for (const visit of visits) {
    const bandOfVisit = Math.floor(visit.rt / BAND_MINUTES);
    if (bandOfVisit !== band) { flush(); band = bandOfVisit; }
    terms.push([-visit.room, visit.primary], [setup, visit.count], ...visit.work);
  }
  flush();
}
