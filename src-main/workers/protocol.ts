import type { PlanOptions, PlanReport, PlanningInstance, Route } from '../core/model';

export interface PlanProgressMessage {
  placedShare: number;
  bestObjective: number;
  elapsedSeconds: number;
}

/** Main -> worker. */
export type ToWorker =
  /** lpThread: solve the bound's LP on a thread of its own (a spare core). */
  | { type: 'start'; instance: PlanningInstance; options: PlanOptions; lpThread?: boolean }
  | { type: 'cancel' };

/** Worker -> main. */
export type FromWorker =
  | { type: 'progress'; progress: PlanProgressMessage }
  | { type: 'done'; routes: Route[]; report: PlanReport }
  | { type: 'error'; message: string };
