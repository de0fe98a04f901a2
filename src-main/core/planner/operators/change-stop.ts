import type { Move, MoveKit } from './move-kit';

/** One stop of a route goes to another hamlet. */
export function changeStop(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry) return null;
  const stop = kit.rng.int(entry.sk.stops.length);
  const hamlet = kit.pickHamlet(entry.sk.team, entry.sk.slot, entry.sk.stops, entry.sk.stops);
  if (hamlet < 0) return null;
  const stops = entry.sk.stops.slice();
  stops[stop] = hamlet;
  return kit.reroute(entry, stops);
}
