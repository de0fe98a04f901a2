import { GUIDE_GROUPS } from '../evaluate/route-plan';
import type { Prepared } from '../prepare/prepared';
import { teamCapacity } from './bound-capacity';
import { loadHighs } from './highs';
import { LpWriter } from './lp-writer';

/**
 * A division of labour for the whole horizon, from a planning LP in which every visit is
 * its own round trip: how many people of each group of work each team should enrol at
 * each hamlet (targets[(t * hamletCount + h) * 3 + g]). Fast teams end up on the bulk of e-ID near
 * them, slow teams on home visits, kit teams on CCCD, far hamlets with the teams that can
 * reach them. The greedy construction, which only sees one shift at a time, follows it.
 * Not a bound (the round trips make it a plan, fractional routes make it optimistic).
 */
export async function planningGuide(prepared: Prepared, nonHomebound: Int32Array, homebound: Int32Array, seconds = 120): Promise<Float64Array | null> {
  const hamletCount = prepared.hamlets.length;
  const lp = new LpWriter();
  const venue: string[][][] = prepared.hamlets.map(() => [[], []]);
  const home: string[][][] = prepared.hamlets.map(() => [[], []]);
  prepared.teams.forEach((team, teamIndex) => {
    if (team.base < 0 || !(team.can[0] || team.can[1])) return;
    const cap = teamCapacity(prepared, teamIndex);
    const allRoutes: [number, string][] = [];
    for (const homeOnly of [false, true]) {
      const limit = homeOnly ? cap.homeRoutes : cap.venueRoutes;
      const longest = homeOnly ? cap.longestHome : cap.longestVenue;
      if (limit <= 0) continue;
      const tag = homeOnly ? 'h' : 'v';
      const routes: [number, string][] = [];
      const minutes: [number, string][] = [];
      for (let hamlet = 0; hamlet < hamletCount; hamlet++) {
        if (!prepared.reachable[teamIndex * hamletCount + hamlet]) continue;
        const ph = prepared.hamlets[hamlet]!;
        let length = 0;
        for (const [month, shiftLength] of longest) if (!ph.cut[month]) length = Math.max(length, shiftLength);
        const roundTrip = prepared.minutes[team.node * prepared.nodeCount + ph.node]! + prepared.minutes[ph.node * prepared.nodeCount + team.node]!;
        const room = length - roundTrip - team.setup;
        if (room <= 0) continue;
        const work: [number, string][] = [];
        for (const service of [0, 1]) {
          if (!team.can[service]) continue;
          if (!homeOnly && nonHomebound[service * hamletCount + hamlet]! > 0 && Math.max(...ph.reach) > 0) {
            const venuePeople = lp.variable(`x${tag}${teamIndex}_${hamlet}_${service}`);
            lp.objective(venuePeople, prepared.serviceWeight[service]);
            work.push([60 / team.tp[service]!, venuePeople]);
            venue[hamlet]![service]!.push(venuePeople);
          }
          if (team.htp > 0 && homebound[service * hamletCount + hamlet]! > 0) {
            const homeVisited = lp.variable(`y${tag}${teamIndex}_${hamlet}_${service}`);
            lp.objective(homeVisited, prepared.serviceWeight[service]);
            work.push([60 / team.htp, homeVisited]);
            home[hamlet]![service]!.push(homeVisited);
          }
        }
        if (work.length === 0) continue;
        const routeCount = lp.variable(`r${tag}${teamIndex}_${hamlet}`);
        routes.push([1, routeCount]);
        minutes.push([roundTrip + team.setup, routeCount], ...work);
        lp.row([...work, [-room, routeCount]], '<=', 0);
      }
      if (routes.length === 0) continue;
      lp.row(routes, '<=', limit);
      lp.row(minutes, '<=', homeOnly ? cap.homeMinutes : cap.venueMinutes);
      allRoutes.push(...routes);
    }
    if (allRoutes.length > 0) lp.row(allRoutes, '<=', cap.routes);
  });
  for (let hamletIndex = 0; hamletIndex < hamletCount; hamletIndex++) {
    for (const s of [0, 1]) {
      const venueVars = venue[hamletIndex]![s]!;
      if (venueVars.length > 0) lp.row(venueVars.map((x): [number, string] => [1, x]), '<=', nonHomebound[s * hamletCount + hamletIndex]!);
      const homeVars = home[hamletIndex]![s]!;
      if (homeVars.length > 0) lp.row(homeVars.map((x): [number, string] => [1, x]), '<=', homebound[s * hamletCount + hamletIndex]!);
    }
  }
  try {
    const highs = await loadHighs();
    const result = highs.solve(lp.text(), { output_flag: false, simplex_strategy: 4, time_limit: Math.max(0.5, seconds) });
    if (result.Status !== 'Optimal') return null;
    const targets = new Float64Array(prepared.teams.length * hamletCount * GUIDE_GROUPS);
    for (const [name, column] of Object.entries(result.Columns)) {
      const match = /^([xy])[vh](\d+)_(\d+)_(\d)$/.exec(name);
      if (!match) continue;
      const target = (Number(match[2]) * hamletCount + Number(match[3])) * GUIDE_GROUPS + (match[1] === 'x' ? Number(match[4]) : 2);
      targets[target] = targets[target]! + ((column as { Primal?: number }).Primal ?? 0);
    }
    return targets;
  } catch {
    return null;
  }
}
