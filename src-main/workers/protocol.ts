import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../core/model';

export interface PlanProgressMessage {
  placedShare: number;
  bestObjective: number;
  elapsedSeconds: number;
}

/** Main -> worker. */
export type ToWorker =
  | { type: 'start'; instance: PlanningInstance; options: PlanOptions }
  | { type: 'cancel' };

/** Worker -> main. */
export type FromWorker =
  | { type: 'progress'; progress: PlanProgressMessage }
  | { type: 'done'; routes: Route[]; report: PlanReport }
  | { type: 'error'; message: string };
