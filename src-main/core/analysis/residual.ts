import type { PerService, PlanningInstance } from '../model';

/**
 * The residual rule (README, "The verdict"): at the deadline, what is left at a hamlet for a
 * service, up to max(3 people, 2 % of its backlog) by default, is left to the commune post
 * (walk-ins, home visits by commune police). Such a hamlet counts as done for "deadline
 * met"; the people are shown apart, never dropped from the backlog.
 */
export const DEFAULT_RESIDUAL = { people: 3, percent: 2 } as const;

/** The most a hamlet may have left per service and still count as done, by hamlet id. */
export function residualAllowances(instance: PlanningInstance): Map<number, PerService> {
  const { people, percent } = instance.residual ?? DEFAULT_RESIDUAL;
  const allowance = (backlog: number): number => Math.max(people, Math.ceil((backlog * percent) / 100 - 1e-9));
  return new Map(instance.backlogs.map((b) => [b.hamletId, { cccd: allowance(b.remaining.cccd), eid: allowance(b.remaining.eid) }]));
}
