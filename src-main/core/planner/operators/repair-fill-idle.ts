import { allocate, insertion } from '../evaluate/allocate';
import { vehiclesPass } from '../evaluate/bookings';
import type { Entry } from '../evaluate/ledger';
import type { Pools, Skeleton } from '../evaluate/route-plan';
import { reachable } from '../evaluate/allocate';
import type { Prepared } from '../prepare/prepared';
import type { RepairWorkspace } from './repair-workspace';

/** Insertions tried per route, best screened gain first. */
const TRIES_PER_ROUTE = 3;

/**
 * Idle-time fill: a route whose shift has time left after its stops gets one more hamlet
 * (any the team and the route's vehicles reach, where it travels least), when the whole plan,
 * re-evaluated in chronological order, enrols strictly more. Candidates are screened on
 * what is left at the end of the plan: a hamlet with nobody reachable left gains nothing.
 */
export async function repairFillIdle(ws: RepairWorkspace): Promise<void> {
  const { prepared, ledger } = ws;
  for (const entry of ledger.list()) {
    if (await ws.spent()) return;
    if (!ledger.has(entry)) continue;
    const team = prepared.teams[entry.sk.team]!;
    if (entry.plan.idleMinutes < team.setup + 1 / team.maxRatePerMin) continue;
    const options = fillOptions(ws, entry);
    options.sort((a, b) => b.gain - a.gain || compareStops(a.stops, b.stops));
    for (const option of options.slice(0, TRIES_PER_ROUTE)) {
      if (ws.tryChange([entry], [{ ...entry.sk, stops: option.stops }])) break;
    }
  }
}

/** The route with each hamlet it could add, where the screen says the plan gains. */
function fillOptions(ws: RepairWorkspace, entry: Entry): { stops: number[]; gain: number }[] {
  const { prepared, ledger, bookings } = ws;
  const { sk } = entry;
  const pools = ledger.pools;
  const screen = ws.givenBack([entry]);
  const ignore = new Set([entry]);
  const options: { stops: number[]; gain: number }[] = [];
  for (let hamlet = 0; hamlet < prepared.hamlets.length; hamlet++) {
    if (sk.stops.includes(hamlet) || !hasReachableLeft(prepared, sk, hamlet, pools)) continue;
    if (!prepared.reachable[sk.team * prepared.hamlets.length + hamlet] || !vehiclesPass(prepared, sk.vehicles, [hamlet])
      || !bookings.hamletFree(hamlet, sk.slot, ignore)) continue;
    const stops = insertion(prepared, sk, hamlet);
    if (!stops) continue;
    const trial = allocate(prepared, sk.team, sk.slot, stops, screen);
    if (trial && trial.value > entry.plan.value + 1e-9) options.push({ stops, gain: trial.value - entry.plan.value });
  }
  return options;
}

function compareStops(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

function hasReachableLeft(prepared: Prepared, sk: Skeleton, hamlet: number, pools: Pools): boolean {
  const team = prepared.teams[sk.team]!;
  const hamletCount = prepared.hamlets.length;
  const reach = prepared.hamlets[hamlet]!.reach[sk.slot.kind] ?? 0;
  for (let service = 0; service < 2; service++) {
    if (!team.can[service]) continue;
    const at = service * hamletCount + hamlet;
    if (!sk.slot.homeOnly && reachable(reach, pools.nonHomebound[at]!) > 0) return true;
    if (team.htp > 0 && pools.homebound[at]! > 0) return true;
  }
  return false;
}
