import { yieldThread } from '../construct/construct';
import { Bookings } from '../evaluate/bookings';
import { Ledger } from '../evaluate/ledger';
import { compareObjectives, compareSkeletons, evaluate, type Baseline, type Objective, type Solution } from '../evaluate/objective';
import { addRoute } from '../operators/add-route';
import { addStop } from '../operators/add-stop';
import { changeStop } from '../operators/change-stop';
import { dropStop } from '../operators/drop-stop';
import { joinNeedy } from '../operators/join-needy';
import { MoveKit, type Move } from '../operators/move-kit';
import { moveRouteToShift } from '../operators/move-route-to-shift';
import { swapShiftRoutes } from '../operators/swap-shift-routes';
import { tradeStops } from '../operators/trade-stops';
import { tradeTeamRoutes } from '../operators/trade-team-routes';
import type { Prepared } from '../prepare/prepared';
import type { Rng } from '../../rng';

export interface LocalSearchParams {
  rng: Rng;
  now: () => number;
  /** Wall-clock end (ms, same origin as now()): only a slow machine reaches it. */
  deadlineMs: number;
  /** Route allocations the search may spend: the deterministic budget. */
  maxWork: number;
  shouldStop: () => boolean;
  /** The plan as it stands, about five times a second. */
  onProgress?: (objective: Objective) => void;
}

/** The moves (operators/, one a file) and how often each is drawn; the order is part of the seed's meaning. */
const MOVES: readonly { move: (kit: MoveKit) => Move; weight: number }[] = [
  { move: joinNeedy, weight: 30 },
  { move: changeStop, weight: 30 },
  { move: addStop, weight: 12 },
  { move: dropStop, weight: 4 },
  { move: tradeStops, weight: 20 },
  { move: tradeTeamRoutes, weight: 20 },
  { move: swapShiftRoutes, weight: 10 },
  { move: moveRouteToShift, weight: 12 },
  { move: addRoute, weight: 12 },
];
const TOTAL_WEIGHT = MOVES.reduce((sum, { weight }) => sum + weight, 0);

function drawMove(rng: Rng): (kit: MoveKit) => Move {
  let pick = rng.int(TOTAL_WEIGHT);
  for (const { move, weight } of MOVES) {
    if (pick < weight) return move;
    pick -= weight;
  }
  return addRoute; // unreachable: pick < TOTAL_WEIGHT
}

/**
 * Local search on the routes themselves, each move evaluated incrementally (ledger.ts):
 * bring a hamlet with people left into a nearby route, change a stop's hamlet, add or drop
 * a stop, trade stops between two routes, trade hamlets between two routes of a team or
 * whole routes between two teams of a shift, move a route to another shift of its team,
 * or add a route where a team may still work. A move is kept when the plan is at least as good
 * lexicographically (equal moves let the search walk across plateaus).
 */
export async function localSearch(prepared: Prepared, baseline: Baseline, solution: Solution, params: LocalSearchParams): Promise<Solution> {
  const ledger = new Ledger(prepared, baseline, solution.skeletons);
  const bookings = new Bookings(prepared, baseline, ledger.list());
  const kit = new MoveKit(prepared, ledger, bookings, params.rng);
  let work = 0;
  let lastYield = params.now();
  let lastReport = lastYield;
  while (work < params.maxWork) {
    if (params.now() - lastYield >= 40) {
      await yieldThread();
      lastYield = params.now();
      if (lastYield - lastReport >= 200) {
        lastReport = lastYield;
        params.onProgress?.(ledger.objective());
      }
      if (params.shouldStop() || params.now() >= params.deadlineMs) break;
    }
    kit.refresh();
    work++;
    const move = drawMove(params.rng)(kit);
    if (!move) continue;
    const trial = ledger.trial(move.removed, move.added);
    if (!trial) continue;
    work += trial.work;
    if (ledger.verdict(trial) < 0) continue;
    for (const entry of move.removed) bookings.remove(entry);
    for (const entry of ledger.commit(trial)) bookings.add(entry);
    kit.changed();
  }

  const skeletons = ledger.list().map((entry) => entry.sk).sort((a, b) => compareSkeletons(prepared, a, b));
  const evaluation = evaluate(prepared, baseline, skeletons);
  return compareObjectives(evaluation.objective, solution.evaluation.objective) >= 0 ? { skeletons, evaluation } : solution;
}
