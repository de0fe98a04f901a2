import { z } from 'zod';
import { count, id, isoDate, LIMITS, perService, type IsoDate, type PerService } from '../model';

/** Why a planned visit did not take place (the list a commune chief picks from). */
export const NOT_DONE_REASONS = ['rain_road_cut', 'team_called_away', 'vehicle_broken', 'low_turnout', 'other'] as const;
export const notDoneReason = z.enum(NOT_DONE_REASONS);
export type NotDoneReason = z.infer<typeof notDoneReason>;

const people = count.max(LIMITS.hamletPeople);
export const resultCounts = z.object({ cccd: people, eid: people }).strict();

/**
 * What one visit achieved, as typed: enrolled per service (venue and home visits together),
 * of which at home, a note; or not done, with a reason (then every count is 0).
 */
export const visitOutcome = z
  .object({
    enrolled: resultCounts,
    homeVisits: resultCounts,
    note: z.string().trim().max(1000),
    notDone: notDoneReason.nullable(),
  })
  .superRefine((r, ctx) => {
    for (const s of ['cccd', 'eid'] as const) {
      if (r.homeVisits[s] > r.enrolled[s]) {
        ctx.addIssue({ code: 'custom', path: ['homeVisits', s], message: 'homeOverEnrolled', params: { enrolled: r.enrolled[s] } });
      }
      if (r.notDone !== null && r.enrolled[s] > 0) {
        ctx.addIssue({ code: 'custom', path: ['enrolled', s], message: 'notDoneWithCounts' });
      }
    }
  });
export type VisitOutcome = z.infer<typeof visitOutcome>;

/** A recorded result with the facts of its visit that the figures need. */
export interface RecordedResult extends VisitOutcome {
  visitId: number;
  hamletId: number;
  date: IsoDate;
}

/** A visit of the plan being followed, with what it was expected to achieve. */
export interface PlannedVisit {
  visitId: number;
  date: IsoDate;
  teamId: number;
  communeId: number;
  hamletId: number;
  /** Booked work minutes (after setup): the team-hours the visit takes. */
  startMin: number;
  endMin: number;
  /** Expected at the venue, per service. */
  quota: PerService;
  /** Expected at home, per service. */
  homeVisits: PerService;
}

export const storedOutcome = z.object({
  visitId: id,
  enrolled: perService,
  homeVisits: perService,
  note: z.string(),
  notDone: notDoneReason.nullable(),
  recordedOn: isoDate,
});
