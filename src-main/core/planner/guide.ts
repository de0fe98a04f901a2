import { teamCapacity } from './bound-capacity';
import { loadHighs } from './highs';
import { LpWriter } from './lp-writer';
import type { Prepared } from './prepare';

/** Groups of work a guide target is kept for: CCCD at the venue, e-ID at the venue, home visits. */
export const GROUPS = 3;

/**
 * A division of labour for the whole horizon, from a planning LP in which every visit is
 * its own round trip: how many people of each group of work each team should enrol at
 * each hamlet (targets[(t * H + h) * 3 + g]). Fast teams end up on the bulk of e-ID near
 * them, slow teams on home visits, kit teams on CCCD, far hamlets with the teams that can
 * reach them. The greedy construction, which only sees one shift at a time, follows it.
 * Not a bound (the round trips make it a plan, fractional routes make it optimistic).
 */
export async function planningGuide(P: Prepared, nonHomebound: Int32Array, homebound: Int32Array): Promise<Float64Array | null> {
  const H = P.hamlets.length;
  const lp = new LpWriter();
  const venue: string[][][] = P.hamlets.map(() => [[], []]);
  const home: string[][][] = P.hamlets.map(() => [[], []]);
  P.teams.forEach((team, t) => {
    if (team.base < 0 || !(team.can[0] || team.can[1])) return;
    const cap = teamCapacity(P, t);
    const allRoutes: [number, string][] = [];
    for (const homeOnly of [false, true]) {
      const limit = homeOnly ? cap.homeRoutes : cap.venueRoutes;
      const longest = homeOnly ? cap.longestHome : cap.longestVenue;
      if (limit <= 0) continue;
      const tag = homeOnly ? 'h' : 'v';
      const routes: [number, string][] = [];
      const minutes: [number, string][] = [];
      for (let h = 0; h < H; h++) {
        if (!P.reachable[t * H + h]) continue;
        const ph = P.hamlets[h]!;
        let length = 0;
        for (const [month, l] of longest) if (!ph.cut[month]) length = Math.max(length, l);
        const roundTrip = P.minutes[team.node * P.n + ph.node]! + P.minutes[ph.node * P.n + team.node]!;
        const room = length - roundTrip - team.setup;
        if (room <= 0) continue;
        const work: [number, string][] = [];
        for (const s of [0, 1]) {
          if (!team.can[s]) continue;
          if (!homeOnly && nonHomebound[s * H + h]! > 0 && Math.max(...ph.reach) > 0) {
            const x = lp.variable(`x${tag}${t}_${h}_${s}`);
            lp.objective(x);
            work.push([60 / team.tp[s]!, x]);
            venue[h]![s]!.push(x);
          }
          if (team.htp > 0 && homebound[s * H + h]! > 0) {
            const y = lp.variable(`y${tag}${t}_${h}_${s}`);
            lp.objective(y);
            work.push([60 / team.htp, y]);
            home[h]![s]!.push(y);
          }
        }
        if (work.length === 0) continue;
        const r = lp.variable(`r${tag}${t}_${h}`);
        routes.push([1, r]);
        minutes.push([roundTrip + team.setup, r], ...work);
        lp.row([...work, [-room, r]], '<=', 0);
      }
      if (routes.length === 0) continue;
      lp.row(routes, '<=', limit);
      lp.row(minutes, '<=', homeOnly ? cap.homeMinutes : cap.venueMinutes);
      allRoutes.push(...routes);
    }
    if (allRoutes.length > 0) lp.row(allRoutes, '<=', cap.routes);
  });
  for (let h = 0; h < H; h++) {
    for (const s of [0, 1]) {
      const v = venue[h]![s]!;
      if (v.length > 0) lp.row(v.map((x): [number, string] => [1, x]), '<=', nonHomebound[s * H + h]!);
      const y = home[h]![s]!;
      if (y.length > 0) lp.row(y.map((x): [number, string] => [1, x]), '<=', homebound[s * H + h]!);
    }
  }
  try {
    const highs = await loadHighs();
    const result = highs.solve(lp.text(), { output_flag: false, simplex_strategy: 4, time_limit: 120 });
    if (result.Status !== 'Optimal') return null;
    const targets = new Float64Array(P.teams.length * H * GROUPS);
    for (const [name, column] of Object.entries(result.Columns)) {
      const m = /^([xy])[vh](\d+)_(\d+)_(\d)$/.exec(name);
      if (!m) continue;
      const k = (Number(m[2]) * H + Number(m[3])) * GROUPS + (m[1] === 'x' ? Number(m[4]) : 2);
      targets[k] = targets[k]! + ((column as { Primal?: number }).Primal ?? 0);
    }
    return targets;
  } catch {
    return null;
  }
}
