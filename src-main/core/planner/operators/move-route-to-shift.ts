import type { Move, MoveKit } from './move-kit';

/** A route moves, stops and all, to another shift of its team. */
export function moveRouteToShift(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry) return null;
  const slot = kit.drawFrom(kit.prepared.slots);
  return slot ? kit.moveTo(entry, entry.sk.team, slot) : null;
}
