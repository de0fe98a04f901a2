import type { PlanningInstance, PlanReport } from '../core/model';
import type { ChangeReport } from '../core/replan';

/** The figures `--json` writes: what a script or a test needs to judge a run. */
export interface PlanFigures {
  enrolled: number;
  backlog: number;
  upperBound: number;
  /** Whether the bound is the LP's or the rough capacity bound that stands in when the LP runs out of time. */
  upperBoundSource: 'lp' | 'capacity' | 'unknown';
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
    upperBoundSource: report.upperBoundSource ?? 'unknown',
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

/** What `--json` adds for a re-plan: the change counts, the share kept, and the communes to re-print. */
export function changeFigures(changes: ChangeReport): Pick<ChangeReport, 'kept' | 'moved' | 'added' | 'dropped' | 'keptShare' | 'changedCommunes'> & { changes: ChangeReport } {
  const { kept, moved, added, dropped, keptShare, changedCommunes } = changes;
  return { kept, moved, added, dropped, keptShare, changedCommunes, changes };
}

/** The re-plan's changes for the terminal: totals, then the communes whose roster changed. */
export function changeLines(changes: ChangeReport, instance: Pick<PlanningInstance, 'communes'>): string[] {
  const name = new Map(instance.communes.map((c) => [c.id, c.name]));
  const pct = changes.kept + changes.moved + changes.dropped > 0 ? ` (${(100 * changes.keptShare).toFixed(1)}% of the published visits kept)` : '';
  return [
    `Against the published plan from ${changes.from}: ${changes.kept} visits kept, ${changes.moved} moved, ${changes.added} added, ${changes.dropped} dropped${pct}`,
    ...changes.byCommune.filter((g) => g.moved + g.added + g.dropped > 0).map((g) =>
      `  ${name.get(g.id) ?? g.id}: ${g.kept} kept, ${g.moved} moved, ${g.added} added, ${g.dropped} dropped — re-print its roster`),
  ];
}
