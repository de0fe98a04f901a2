import { compareObjectives, type Baseline, type Solution } from '../evaluate/objective';
import { repairAddRoutes } from '../operators/repair-add-routes';
import { repairFillIdle } from '../operators/repair-fill-idle';
import { repairSwapRoutes } from '../operators/repair-swap-routes';
import { RepairWorkspace, type RepairParams } from '../operators/repair-workspace';
import type { Prepared } from '../prepare/prepared';
import { cleanup } from './cleanup';

export type { RepairParams } from '../operators/repair-workspace';

/** Rounds of swaps and fills, each screened on the plan the last one left. */
const REPAIR_ROUNDS = 4;

/** Shortfall repair: new routes in free team-shifts, hamlet swaps within a shift, idle time filled. */
export async function repair(prepared: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new RepairWorkspace(prepared, baseline, solution, params);
  await repairAddRoutes(ws);
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const before = ws.ledger.weighted;
    await repairSwapRoutes(ws);
    await repairFillIdle(ws);
    if (ws.ledger.weighted <= before + 1e-9) break;
  }
  const repaired = ws.solution();
  const cleaned = cleanup(prepared, baseline, repaired);
  const best = compareObjectives(cleaned.evaluation.objective, repaired.evaluation.objective) >= 0 ? cleaned : repaired;
  return compareObjectives(best.evaluation.objective, solution.evaluation.objective) >= 0 ? best : solution;
}

/** The single moves, each on its own (for tests and callers that want one). */
export async function swapRoutes(prepared: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new RepairWorkspace(prepared, baseline, solution, params);
  await repairSwapRoutes(ws);
  return ws.solution();
}

export async function addRoutes(prepared: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new RepairWorkspace(prepared, baseline, solution, params);
  await repairAddRoutes(ws);
  return ws.solution();
}

export async function fillIdle(prepared: Prepared, baseline: Baseline, solution: Solution, params: RepairParams): Promise<Solution> {
  const ws = new RepairWorkspace(prepared, baseline, solution, params);
  await repairFillIdle(ws);
  return ws.solution();
}
