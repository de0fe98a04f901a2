import type { PlanningInstance, Route, ShiftTemplate } from '../../../src-main/core/model';
import type { PlanResult } from '../../../src-main/core/planner';
import { backlog, EVENING, hamlet, instance, MONDAY, planFrozen, team, vehicle, WEEKEND } from '../planner/fixtures';

/** Weekday daytime, for the homebound only. */
export const HOME_DAY: ShiftTemplate = {
  id: 3, code: 'NGAY', name: 'Ngày T2-T6 (tại nhà)', kind: 'weekday_day', weekdays: [1, 2, 3, 4, 5],
  startMin: 480, endMin: 690, homeVisitsOnly: true, onHolidays: false,
};

/**
 * A busy week at one HQ: two e-ID teams, a CCCD kit team, a team for the homebound by day,
 * four cars, evening, weekend and home-visit shifts, a commune post nobody is based at.
 * More people than the week can take, so every team works.
 */
export function busyWeek(): PlanningInstance {
  return instance({
    campaign: { name: 'Tuần', startDate: MONDAY, deadline: '2024-11-10' },
    hamlets: [1, 2, 3, 4].map((id) => hamlet(id, { population: 900 })),
    backlogs: [1, 2, 3, 4].map((id) => backlog(id, 600, 60, { cccd: 5, eid: 10 })),
    bases: [
      { id: 1, kind: 'hq', name: 'Công an huyện', communeId: null, lat: 19.9, lon: 105.3 },
      { id: 2, kind: 'post', name: 'Công an xã Một', communeId: 1, lat: 19.9, lon: 105.3 },
    ],
    teams: [
      team(1), team(2),
      team(3, { services: ['cccd'], kits: 1, throughputPerHour: { cccd: 10, eid: 0 } }),
      team(4, { services: ['eid'], allowedShiftKinds: ['weekday_day'] }),
    ],
    vehicles: [vehicle(1), vehicle(2), vehicle(3), vehicle(4)],
    shiftTemplates: [EVENING, WEEKEND, HOME_DAY],
  });
}

let cached: Promise<PlanResult> | null = null;
/** The planner's plan of the busy week (same seed, frozen clock: the same plan every run). */
export function busyWeekPlan(): Promise<PlanResult> {
  cached ??= planFrozen(busyWeek(), 1, 2);
  return cached;
}

export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The first route that matches, with its index; fails loudly if the plan has none. */
export function pick(routes: readonly Route[], test: (r: Route, i: number) => boolean): { route: Route; index: number } {
  const index = routes.findIndex(test);
  if (index < 0) throw new Error('the busy week has no such route: change the fixture');
  return { route: routes[index]!, index };
}
