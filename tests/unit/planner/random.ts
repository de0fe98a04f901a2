import fc from 'fast-check';
import type { PlanningInstance, RoadClass, ShiftKind } from '../../../src-main/core/model';
import { backlog, EVENING, hamlet, instance, MONDAY, team, vehicle, WEEKEND } from './fixtures';

const HOME_DAY = {
  id: 3, code: 'NGAY', name: 'Ban ngày tại nhà', kind: 'weekday_day' as const, weekdays: [1, 2, 3, 4, 5],
  startMin: 480, endMin: 690, homeVisitsOnly: true, onHolidays: false,
};
const AFTERNOON = { ...WEEKEND, id: 4, code: 'CHIEU', name: 'Chiều T7-CN', startMin: 780, endMin: 990 };

/** Mostly ordinary shares, sometimes the edges (nobody, everybody). */
const share = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 5, max: 95 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.999, 0.001) },
);
const roads: RoadClass[] = ['paved', 'dirt', 'forest'];
const kinds: ShiftKind[] = ['weekday_day', 'weekday_evening', 'weekend'];

/**
 * Small random districts: a few teams at one or two bases, cars, pickups and motorbikes,
 * hamlets on every kind of road (some motorbike-only, some cut in November), homebound
 * people, kits or not, caps, days off, 3-12 days: whatever it draws, the plan must pass
 * the checker and stay under the LP bound.
 */
export const smallInstance: fc.Arbitrary<PlanningInstance> = fc.record({
  days: fc.integer({ min: 3, max: 12 }),
  hamlets: fc.array(fc.record({
    dLat: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
    dLon: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
    road: fc.integer({ min: 0, max: 2 }),
    moto: fc.boolean(),
    cut: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
    reach: fc.tuple(share, share, share),
    eid: fc.integer({ min: 0, max: 400 }),
    cccd: fc.integer({ min: 0, max: 60 }),
    homeShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  }), { minLength: 1, maxLength: 6 }),
  teams: fc.array(fc.record({
    base: fc.integer({ min: 1, max: 2 }),
    size: fc.integer({ min: 1, max: 5 }),
    kit: fc.boolean(),
    cccdService: fc.boolean(),
    tpEid: fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 35 }), fc.integer({ min: 8, max: 35 })),
    tpCccd: fc.integer({ min: 0, max: 14 }),
    base2: fc.boolean(),
    home: fc.integer({ min: 0, max: 8 }),
    setup: fc.integer({ min: 0, max: 40 }),
    kinds: fc.oneof(fc.subarray(kinds, { minLength: 1 }), fc.constant(kinds)),
    maxWeek: fc.integer({ min: 1, max: 9 }),
    maxRun: fc.integer({ min: 1, max: 5 }),
    dayOff: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }),
  }), { minLength: 1, maxLength: 3 }),
  vehicles: fc.array(fc.record({
    base: fc.integer({ min: 1, max: 2 }),
    kind: fc.constantFrom('car' as const, 'pickup' as const, 'motorbike' as const),
    seats: fc.integer({ min: 2, max: 7 }),
    forest: fc.boolean(),
    cost: fc.integer({ min: 0, max: 6000 }),
    unavailableDay: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }),
  }), { minLength: 0, maxLength: 5 }),
  homeDay: fc.boolean(),
  afternoon: fc.boolean(),
}).map((r) => {
  const day = (k: number): string => `2024-11-${String(4 + k).padStart(2, '0')}`;
  const deadline = day(r.days - 1);
  return instance({
    campaign: { name: 'Ngẫu nhiên', startDate: MONDAY, deadline },
    bases: [
      { id: 1, kind: 'hq', name: 'Huyện', communeId: null, lat: 19.9, lon: 105.3 },
      { id: 2, kind: 'post', name: 'Xã', communeId: 1, lat: 19.95, lon: 105.36 },
    ],
    hamlets: r.hamlets.map((h, i) => hamlet(i + 1, {
      lat: 19.9 + h.dLat, lon: 105.3 + h.dLon, roadClass: roads[h.road]!, motorbikeOnly: h.moto && h.road > 0,
      cutMonths: h.cut ? [11] : [], population: h.eid + h.cccd + 10,
      reach: { weekday_day: h.reach[0], weekday_evening: h.reach[1], weekend: h.reach[2] },
    })),
    backlogs: r.hamlets.map((h, i) => backlog(i + 1, h.eid, h.cccd, {
      cccd: Math.floor(h.cccd * h.homeShare), eid: Math.floor(h.eid * h.homeShare),
    })),
    teams: r.teams.map((t, i) => team(i + 1, {
      baseId: t.base2 ? t.base : 1, size: t.size, kits: t.kit ? 1 : 0,
      services: t.cccdService ? ['cccd', 'eid'] : ['eid'],
      throughputPerHour: { cccd: t.tpCccd, eid: t.tpEid }, homeThroughputPerHour: t.home, setupMinutes: t.setup,
      allowedShiftKinds: t.kinds, maxShiftsPerWeek: t.maxWeek, maxConsecutiveEvenings: t.maxRun,
      daysOff: t.dayOff === undefined ? [] : [day(t.dayOff)],
    })),
    vehicles: [...r.vehicles, { base: 1, kind: 'pickup' as const, seats: 5, forest: true, cost: 5000, unavailableDay: undefined }].map((v, i) => vehicle(i + 1, {
      baseId: v.base, kind: v.kind, seats: v.kind === 'motorbike' ? Math.min(2, v.seats) : v.seats,
      roadClasses: v.forest ? ['paved', 'dirt', 'forest'] : ['paved', 'dirt'], costPerKm: v.cost,
      unavailable: v.unavailableDay === undefined ? [] : [day(v.unavailableDay)],
    })),
    shiftTemplates: [EVENING, WEEKEND, ...(r.homeDay ? [HOME_DAY] : []), ...(r.afternoon ? [AFTERNOON] : [])],
  });
});
