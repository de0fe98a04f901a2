import type { Move, MoveKit } from './move-kit';

/** Two teams of the same shift swap routes (a kit team to the hamlet with CCCD left, a fast team to the big one). */
export function swapShiftRoutes(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry) return null;
  const same = kit.bookings.sameShift(entry);
  const other = same.length === 0 ? null : kit.drawFrom(same);
  return other ? kit.trade(entry, other, other.sk.stops, entry.sk.stops) : null;
}
