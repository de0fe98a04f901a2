import type { Move, MoveKit } from './move-kit';

/** Two routes trade a stop each. */
export function tradeStops(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  const other = kit.randomEntry();
  if (!entry || !other || entry === other) return null;
  const mine = entry.sk.stops.slice();
  const theirs = other.sk.stops.slice();
  const myStop = kit.rng.int(mine.length);
  const theirStop = kit.rng.int(theirs.length);
  const given = mine[myStop]!;
  mine[myStop] = theirs[theirStop]!;
  theirs[theirStop] = given;
  return kit.trade(entry, other, mine, theirs);
}
