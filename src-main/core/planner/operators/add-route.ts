import type { Move, MoveKit } from './move-kit';

/** A new one-stop route where a team may still work. */
export function addRoute(kit: MoveKit): Move {
  const { prepared, bookings, rng } = kit;
  const team = rng.int(prepared.teams.length);
  const slot = kit.drawFrom(prepared.slots);
  if (!slot || !bookings.teamAllows(team, slot, new Set())) return null;
  const hamlet = kit.pickHamlet(team, slot, [], []);
  if (hamlet < 0 || !kit.fitsStops(team, slot, [hamlet], new Set())) return null;
  const vehicles = bookings.vehiclesFor(team, [hamlet], slot, new Set(), null);
  return vehicles ? { removed: [], added: [{ slot, team, vehicles, stops: [hamlet] }] } : null;
}
