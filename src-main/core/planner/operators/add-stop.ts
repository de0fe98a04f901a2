import type { Move, MoveKit } from './move-kit';

/** One more stop, at the position that travels least (its time comes from the others). */
export function addStop(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry) return null;
  const hamlet = kit.pickHamlet(entry.sk.team, entry.sk.slot, entry.sk.stops, entry.sk.stops);
  return hamlet < 0 ? null : kit.insert(entry, hamlet);
}
