import type { PlanReport } from '../core/model';

/** The figures `--json` writes: what a script or a test needs to judge a run. */
export interface PlanFigures {
  enrolled: number;
  backlog: number;
  upperBound: number;
  clearanceDate: string | null;
  deadlineMet: boolean;
  /** The independent verifier's verdict (core/verify). */
  verifierValid: boolean;
  verifierSeconds: number;
  seconds: number;
}

export function figuresOf(report: PlanReport): PlanFigures {
  return {
    enrolled: report.enrolled.cccd + report.enrolled.eid,
    backlog: report.backlog.cccd + report.backlog.eid,
    upperBound: report.upperBound,
    clearanceDate: report.clearanceDate,
    deadlineMet: report.deadlineMet,
    verifierValid: report.checker.valid && report.checker.source === 'verifier',
    verifierSeconds: report.checker.seconds ?? 0,
    seconds: report.seconds,
  };
}
