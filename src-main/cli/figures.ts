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
  /** Hamlets short at the deadline beyond what is left to the commune posts. */
  hamletsShort: number;
  /** People left to the commune posts at the deadline (the residual rule), in how many hamlets. */
  residual: { people: number; hamlets: number };
  byService: { cccd: { enrolled: number; backlog: number }; eid: { enrolled: number; backlog: number } };
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
    hamletsShort: report.hamletsShort ?? report.shortfall.length,
    residual: report.residual ?? { people: 0, hamlets: 0 },
    byService: {
      cccd: { enrolled: report.enrolled.cccd, backlog: report.backlog.cccd },
      eid: { enrolled: report.enrolled.eid, backlog: report.backlog.eid },
    },
  };
}
