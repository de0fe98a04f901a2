import type { PVehicle } from './prepared';

/** Vehicles at a base considered for a team (the cheapest per seat); sets are drawn from these. */
const MAX_OPTION_VEHICLES = 12;
/** Vehicle sets kept per (base, roads, motorbike rule, team size). */
const MAX_OPTIONS = 24;

/**
 * Vehicle sets at a base able to carry a team of `size` on roads `roadMask` (and all
 * motorbikes when `moto`): minimal sets only, cheapest per km first, then fewer vehicles.
 */
export function enumerateOptions(vehicles: readonly PVehicle[], base: number, roadMask: number, moto: boolean, size: number): number[][] {
  const fits = vehicles
    .map((vehicle, index) => ({ vehicle, index }))
    .filter(({ vehicle }) => vehicle.base === base && (vehicle.roadMask & roadMask) === roadMask && (!moto || vehicle.moto))
    .sort((a, b) => a.vehicle.vehicle.costPerKm / a.vehicle.vehicle.seats - b.vehicle.vehicle.costPerKm / b.vehicle.vehicle.seats || a.index - b.index)
    .slice(0, MAX_OPTION_VEHICLES);
  const options: { ids: number[]; cost: number }[] = [];
  for (let mask = 1; mask < 1 << fits.length; mask++) {
    let seats = 0;
    let cost = 0;
    let minSeats = Infinity;
    const ids: number[] = [];
    fits.forEach(({ vehicle, index }, bit) => {
      if (!(mask & (1 << bit))) return;
      seats += vehicle.vehicle.seats;
      cost += vehicle.vehicle.costPerKm;
      minSeats = Math.min(minSeats, vehicle.vehicle.seats);
      ids.push(index);
    });
    // Minimal: dropping the smallest vehicle must leave too few seats.
    if (seats >= size && seats - minSeats < size) options.push({ ids: ids.sort((a, b) => a - b), cost });
  }
  options.sort((a, b) => a.cost - b.cost || a.ids.length - b.ids.length || compareArrays(a.ids, b.ids));
  return options.slice(0, MAX_OPTIONS).map((option) => option.ids);
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
