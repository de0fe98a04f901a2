import { allocate } from '../evaluate/allocate';
import { vehiclesPass } from '../evaluate/bookings';
import type { Entry } from '../evaluate/ledger';
import type { RepairWorkspace } from './repair-workspace';

interface Swap {
  first: Entry;
  second: Entry;
  gain: number;
  order: number;
}

/**
 * Two teams in the same shift trade their hamlets (each keeps its vehicles, which must
 * pass): a kit team takes the hamlet with CCCD left, a fast team the big one. Screened on
 * the people left at the end of the plan, kept when the whole plan enrols more.
 */
export async function repairSwapRoutes(ws: RepairWorkspace): Promise<void> {
  const swaps = await screenSwaps(ws);
  if (!swaps) return;
  swaps.sort((x, y) => y.gain - x.gain || x.order - y.order);
  const touched = new Set<Entry>();
  for (const { first, second } of swaps) {
    if (await ws.spent()) return;
    if (touched.has(first) || touched.has(second)) continue;
    const done = ws.tryChange([first, second], [{ ...first.sk, stops: second.sk.stops }, { ...second.sk, stops: first.sk.stops }]);
    if (done) for (const entry of [first, second, ...done]) touched.add(entry);
  }
}

/** Every swap between two routes of a shift that gains on the pools at the end; null when the budget ran out. */
async function screenSwaps(ws: RepairWorkspace): Promise<Swap[] | null> {
  const { prepared, ledger } = ws;
  const hamletCount = prepared.hamlets.length;
  const teamCount = prepared.teams.length;
  const reaches = (entry: Entry, stops: readonly number[]): boolean =>
    stops.every((hamlet) => prepared.reachable[entry.sk.team * hamletCount + hamlet]);
  const list = ledger.list();
  const swaps: Swap[] = [];
  for (let i = 0; i < list.length; i++) {
    if (await ws.spent()) return null;
    const first = list[i]!;
    const shift = Math.floor(first.ord / teamCount);
    for (let j = i + 1; j < list.length && Math.floor(list[j]!.ord / teamCount) === shift; j++) {
      const second = list[j]!;
      if (!vehiclesPass(prepared, first.sk.vehicles, second.sk.stops) || !vehiclesPass(prepared, second.sk.vehicles, first.sk.stops)) continue;
      if (!reaches(first, second.sk.stops) || !reaches(second, first.sk.stops)) continue;
      const pools = ws.givenBack([first, second]);
      const firstPlan = allocate(prepared, first.sk.team, first.sk.slot, second.sk.stops, pools);
      if (!firstPlan) continue;
      const secondPlan = allocate(prepared, second.sk.team, second.sk.slot, first.sk.stops, pools);
      if (!secondPlan) continue;
      const gain = firstPlan.value + secondPlan.value - first.plan.value - second.plan.value;
      if (gain > 1e-9) swaps.push({ first, second, gain, order: swaps.length });
    }
  }
  return swaps;
}
