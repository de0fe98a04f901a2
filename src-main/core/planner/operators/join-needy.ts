import type { Entry } from '../evaluate/ledger';
import type { Move, MoveKit } from './move-kit';

/** A hamlet with people left: a route nearby visits it too, or instead of its stop there. */
export function joinNeedy(kit: MoveKit): Move {
  const { prepared, ledger, rng } = kit;
  const hamlet = kit.drawNeedy();
  if (hamlet < 0) return null;
  const near = prepared.neighbours[hamlet] ?? [];
  const teamReaches = (entry: Entry): boolean => prepared.reachable[entry.sk.team * prepared.hamlets.length + hamlet] === 1;
  const pool: Entry[] = [];
  for (const place of [hamlet, ...near]) {
    for (const entry of ledger.at(place)) if (teamReaches(entry) && !entry.sk.stops.includes(hamlet)) pool.push(entry);
  }
  const entry = pool.length === 0 ? null : kit.drawFrom(pool);
  if (!entry) return null;
  const stop = entry.sk.stops.findIndex((other) => other === hamlet || near.includes(other));
  if (stop >= 0 && rng.next() < 0.5) {
    const stops = entry.sk.stops.slice();
    stops[stop] = hamlet;
    return kit.reroute(entry, stops);
  }
  return kit.insert(entry, hamlet);
}
