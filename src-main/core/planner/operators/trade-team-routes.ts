import type { Move, MoveKit } from './move-kit';

/** Two routes of one team trade their hamlets: the tail of a hamlet to a shift when more people are out. */
export function tradeTeamRoutes(kit: MoveKit): Move {
  const entry = kit.randomEntry();
  if (!entry) return null;
  const other = kit.drawFrom(kit.bookings.teamRoutes(entry.sk.team));
  return !other || other === entry ? null : kit.trade(entry, other, other.sk.stops, entry.sk.stops);
}
