import { teamCapacity } from './bound-capacity';
import { LpWriter } from './lp-writer';
import { shortestPaths } from './paths';
import type { Prepared } from './prepare';

/**
 * An LP relaxation whose optimum no checker-valid plan can beat. Why each piece holds for
 * any valid plan, not only the planner's:
 * - Shifts: per team, the most routes and shift minutes (venue, home-only, all) that its
 *   caps, days off and pinned routes allow, by exact dynamic programming (bound-capacity).
 * - Travel: legs are no shorter than shortest paths (sp), so a route lasts at least the sp
 *   round trip RT to its farthest stop, its "primary" p, plus setup at each stop. A route
 *   whose primary is h lasts at most L(h), the longest shift it could run in, so for any
 *   threshold θ, the routes with primaries at RT ≥ θ must hold every visit at RT ≥ θ:
 *   Σ_{RT≥θ} [(L − RT)·p − setup·n − work] ≥ 0 (n = all visits). One primary per route.
 * - Work per visit ≤ L − setup − RT.
 * - Cells: hamlets a few minutes apart with the same road, motorbike rule and cut months
 *   share team-side variables; a cell's RT is its nearest member's, so it is looser only.
 * - Turnout: after visits with reaches r1..rn the non-homebound left is ≥ B·Π(1 − ri)
 *   whatever the quotas, so venue people ≤ B(1 − e^{−αv}) with the hamlet's best venue
 *   reach (α = −ln(1 − r)); that concave curve lies below each tangent (cuts) and below
 *   B·r·v. With every reach < 1 and floor(reach × left), one person is always left: ≤ B − 1.
 * - CCCD only for kit teams; nothing where the team's base has no vehicles for the road
 *   or in months the road is cut. Vehicles shared between teams are not modelled (looser).
 */
export interface BoundModel {
  lp: string;
  /** People already enrolled by pinned routes. */
  pinnedPeople: number;
  variables: number;
}

const MAX_REACH = 1 - 1e-9;
const BAND_MINUTES = 10;
const CELL_MINUTES = 6;
const CELL_SIZE = 8;
/** Beyond this many locations Floyd-Warshall is too slow; raw in/out minima stay valid. */
const MAX_PATH_NODES = 800;

type Term = [number, string];

interface Visit {
  rt: number;
  p: string;
  n: string;
  room: number;
  work: Term[];
}

export function buildBoundModel(P: Prepared, nonHomebound: Int32Array, homebound: Int32Array): BoundModel {
  const H = P.hamlets.length;
  const lp = new LpWriter();
  const pinnedPeople = P.instance.pinned.reduce(
    (sum, r) => sum + r.stops.reduce((s, st) => s + st.quota.cccd + st.quota.eid + st.homeVisits.cccd + st.homeVisits.eid, 0), 0);
  const { roundTrip, cells } = geometry(P);
  const venueKinds = [...new Set(P.slots.filter((s) => !s.homeOnly).map((s) => s.kind))];
  const cellVisits = cells.map(() => [] as string[]);
  const cellVenue = cells.map(() => [[], []] as string[][]);
  const cellHome = cells.map(() => [[], []] as string[][]);
  const bestReach = P.hamlets.map((ph) => Math.max(0, ...venueKinds.map((k) => ph.reach[k] ?? 0)));
  const visitCap = visitCaps(P, roundTrip);

  P.teams.forEach((team, t) => {
    if (team.base < 0 || !(team.can[0] || team.can[1])) return;
    const cap = teamCapacity(P, t);
    if (cap.slots.length === 0) return;
    const fastest = Math.max(team.can[0] ? team.tp[0] : 0, team.can[1] ? team.tp[1] : 0, team.htp);
    const groups = [
      { home: false, routes: cap.venueRoutes, minutes: cap.venueMinutes, longest: cap.longestVenue },
      { home: true, routes: cap.homeRoutes, minutes: cap.homeMinutes, longest: cap.longestHome },
    ];
    const allRoutes: Term[] = [];
    const allMinutes: Term[] = [];
    for (const g of groups) {
      if (g.routes <= 0) continue;
      const tag = g.home ? 'h' : 'v';
      const routes: Term[] = [];
      const minutes: Term[] = [];
      const visits: Visit[] = [];
      cells.forEach((members, c) => {
        const first = members[0]!;
        if (!P.reachable[t * H + first]) return;
        const ph = P.hamlets[first]!;
        let longest = 0;
        for (const [month, length] of g.longest) if (!ph.cut[month]) longest = Math.max(longest, length);
        const rt = Math.min(...members.map((h) => roundTrip(team.node, P.hamlets[h]!.node)));
        const room = longest - team.setup - rt;
        if (room < 60 / fastest) return;
        const venue = [0, 1].filter((s) => !g.home && team.can[s]
          && members.some((h) => nonHomebound[s * H + h]! > 0 && bestReach[h]! > 0));
        const home = [0, 1].filter((s) => team.htp > 0 && team.can[s] && members.some((h) => homebound[s * H + h]! > 0));
        if (venue.length === 0 && home.length === 0) return;
        const p = lp.variable(`p${tag}${t}_${c}`);
        const n = lp.variable(`n${tag}${t}_${c}`);
        lp.row([[1, p], [-1, n]], '<=', 0);
        const work: Term[] = [];
        for (const s of venue) {
          const x = lp.variable(`x${tag}${t}_${c}_${s}`);
          work.push([60 / team.tp[s]!, x]);
          cellVenue[c]![s]!.push(x);
        }
        for (const s of home) {
          const y = lp.variable(`y${tag}${t}_${c}_${s}`);
          work.push([60 / team.htp, y]);
          cellHome[c]![s]!.push(y);
        }
        lp.row([...work, [-room, n]], '<=', 0);
        if (!g.home) cellVisits[c]!.push(n);
        routes.push([1, p]);
        minutes.push([rt, p], [team.setup, n], ...work);
        visits.push({ rt, p, n, room: longest - rt, work });
      });
      if (visits.length === 0) continue;
      lp.row(routes, '<=', g.routes);
      lp.row(minutes, '<=', g.minutes);
      allRoutes.push(...routes);
      allMinutes.push(...minutes);
      writeLadder(lp, `a${tag}${t}`, team.setup, visits);
    }
    if (allRoutes.length > 0) {
      lp.row(allRoutes, '<=', cap.routes);
      lp.row(allMinutes, '<=', cap.minutes);
    }
  });

  cells.forEach((members, c) => {
    const teamVisits = cellVisits[c]!;
    const hamletVisits = new Map<number, string>();
    if (teamVisits.length > 0) {
      for (const h of members) if (bestReach[h]! > 0) hamletVisits.set(h, lp.variable(`v${h}`));
      lp.row([...[...hamletVisits.values()].map((v): Term => [1, v]), ...teamVisits.map((n): Term => [-1, n])], '<=', 0);
    }
    for (const s of [0, 1]) {
      const venue = cellVenue[c]![s]!;
      const people: Term[] = [];
      for (const h of members) {
        const need = nonHomebound[s * H + h]!;
        const v = hamletVisits.get(h);
        if (venue.length === 0 || need <= 0 || !v) continue;
        const r = Math.min(MAX_REACH, bestReach[h]!);
        const X = lp.variable(`X${h}_${s}`, 0, r < 1 - 2e-9 ? need - 1 : need);
        lp.objective(X);
        people.push([1, X]);
        for (const [slope, intercept] of turnoutChords(need, r, visitCap[s * H + h]!)) lp.row([[1, X], [-slope, v]], '<=', intercept);
      }
      if (people.length > 0) lp.row([...people, ...venue.map((x): Term => [-1, x])], '<=', 0);
      const home = cellHome[c]![s]!;
      if (home.length > 0) {
        for (const y of home) lp.objective(y);
        lp.row(home.map((y): Term => [1, y]), '<=', members.reduce((sum, h) => sum + homebound[s * H + h]!, 0));
      }
    }
  });
  return { lp: lp.text(), pinnedPeople, variables: lp.size };
}

/**
 * Most venue people of service s one visit to h can enrol (index s * H + h): the best
 * team's throughput over the longest shift it may run there, less setup and the shortest
 * round trip from its base.
 */
function visitCaps(P: Prepared, roundTrip: (b: number, h: number) => number): Float64Array {
  const H = P.hamlets.length;
  const caps = new Float64Array(2 * H);
  P.teams.forEach((team, t) => {
    if (team.base < 0) return;
    const { longestVenue } = teamCapacity(P, t);
    P.hamlets.forEach((ph, h) => {
      if (!P.reachable[t * H + h]) return;
      let longest = 0;
      for (const [month, length] of longestVenue) if (!ph.cut[month]) longest = Math.max(longest, length);
      const room = longest - team.setup - roundTrip(team.node, ph.node);
      if (room <= 0) return;
      for (const s of [0, 1]) {
        if (team.can[s]) caps[s * H + h] = Math.max(caps[s * H + h]!, Math.floor((room * team.tp[s]!) / 60 + 1e-9));
      }
    });
  });
  return caps;
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
  visits.sort((a, b) => b.rt - a.rt || (a.p < b.p ? -1 : 1));
  let previous: string | null = null;
  let band = -1;
  let terms: Term[] = [];
  let k = 0;
  const flush = (): void => {
    if (terms.length === 0) return;
    const A = lp.variable(`${prefix}_${k++}`);
    lp.row([[1, A], ...(previous ? [[-1, previous] as Term] : []), ...terms], '=', 0);
    previous = A;
    terms = [];
  };
  for (const v of visits) {
    const b = Math.floor(v.rt / BAND_MINUTES);
    if (b !== band) { flush(); band = b; }
    terms.push([-v.room, v.p], [setup, v.n], ...v.work);
  }
  flush();
}

/** Round-trip lower bounds and the cells (hamlets close together that behave alike). */
function geometry(P: Prepared): { roundTrip: (b: number, h: number) => number; cells: number[][] } {
  const n = P.n;
  let between: (a: number, b: number) => number;
  if (n <= MAX_PATH_NODES) {
    const sp = shortestPaths(P.minutes, n);
    between = (a, b) => sp[a * n + b]!;
  } else {
    // Without shortest paths, any leg into (out of) a place is at least its cheapest arrival
    // (departure); cells are then single hamlets.
    const inMin = new Float64Array(n).fill(Infinity);
    const outMin = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const m = P.minutes[i * n + j]!;
        if (m < outMin[i]!) outMin[i] = m;
        if (m < inMin[j]!) inMin[j] = m;
      }
    }
    return { roundTrip: (_b, h) => inMin[h]! + outMin[h]!, cells: P.hamlets.map((_, h) => [h]) };
  }
  const cells: { key: string; seed: number; members: number[] }[] = [];
  P.hamlets.forEach((ph, h) => {
    const key = `${ph.roadMask}|${ph.moto}|${ph.hamlet.cutMonths.join(',')}`;
    const near = cells.find((c) => c.key === key && c.members.length < CELL_SIZE
      && between(ph.node, P.hamlets[c.seed]!.node) <= CELL_MINUTES && between(P.hamlets[c.seed]!.node, ph.node) <= CELL_MINUTES);
    if (near) near.members.push(h);
    else cells.push({ key, seed: h, members: [h] });
  });
  return { roundTrip: (b, h) => between(b, h) + between(h, b), cells: cells.map((c) => c.members) };
}
