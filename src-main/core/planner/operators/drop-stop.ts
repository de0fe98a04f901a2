import type { Move, MoveKit } from './move-kit';

/** A multi-stop route drops one of its stops. */
export function dropStop(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry || entry.sk.stops.length < 2) return null;
  const dropped = kit.rng.int(entry.sk.stops.length);
  return kit.reroute(entry, entry.sk.stops.filter((_, stop) => stop !== dropped));
}
