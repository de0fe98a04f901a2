import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataset } from '../../../src-main/core/demo';
import type {
  Backlog, Hamlet, PlanningInstance, ShiftTemplate, Team, TravelPair, Vehicle,
} from '../../../src-main/core/model';
import { plan, type PlanResult } from '../../../src-main/core/planner';

/** Mon 2024-11-04 .. Sun 2024-11-10 unless a test says otherwise. */
export const MONDAY = '2024-11-04';

export const EVENING: ShiftTemplate = {
  id: 1, code: 'TOI', name: 'Tối T2-T6', kind: 'weekday_evening', weekdays: [1, 2, 3, 4, 5],
  startMin: 1080, endMin: 1320, homeVisitsOnly: false, onHolidays: false,
};
export const WEEKEND: ShiftTemplate = {
  id: 2, code: 'SANG', name: 'Sáng T7-CN', kind: 'weekend', weekdays: [6, 7],
  startMin: 480, endMin: 720, homeVisitsOnly: false, onHolidays: true,
};

export function hamlet(id: number, over: Partial<Hamlet> = {}): Hamlet {
  return {
    id, communeId: 1, code: `H${id}`, name: `Thôn ${id}`, lat: 19.9 + id * 0.01, lon: 105.3 + id * 0.01,
    population: 100, venue: 'Nhà văn hóa', contact: '', roadClass: 'paved', motorbikeOnly: false, cutMonths: [],
    reach: { weekday_day: 0.1, weekday_evening: 0.5, weekend: 0.6 }, illustrative: true, ...over,
  };
}

export function backlog(hamletId: number, eid: number, cccd = 0, homebound: { cccd: number; eid: number } = { cccd: 0, eid: 0 }): Backlog {
  return { hamletId, remaining: { cccd, eid }, homebound, countedOn: MONDAY };
}

export function team(id: number, over: Partial<Team> = {}): Team {
  return {
    id, code: `T${id}`, name: `Tổ ${id}`, kind: 'mobile', baseId: 1, size: 3, services: ['eid'], kits: 0,
    throughputPerHour: { cccd: 0, eid: 20 }, homeThroughputPerHour: 6, setupMinutes: 10,
    allowedShiftKinds: ['weekday_evening', 'weekend'], maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5, daysOff: [], ...over,
  };
}

export function vehicle(id: number, over: Partial<Vehicle> = {}): Vehicle {
  return {
    id, code: `V${id}`, name: `Xe ${id}`, kind: 'car', seats: 5, baseId: 1, roadClasses: ['paved', 'dirt'],
    costPerKm: 3000, unavailable: [], ...over,
  };
}

/** Measured travel both ways (the matrix mirrors a pair measured one way). */
export function road(from: string, to: string, minutes: number, km = minutes / 2): TravelPair {
  return { from, to, distanceM: Math.round(km * 1000), minutes, source: 'measured' };
}

export function instance(over: Partial<PlanningInstance> & Pick<PlanningInstance, 'hamlets' | 'backlogs'>): PlanningInstance {
  return {
    campaign: { name: 'Thử', startDate: MONDAY, deadline: MONDAY },
    from: MONDAY,
    communes: [{ id: 1, areaId: 1, code: 'X1', name: 'Xã Một', lat: 19.9, lon: 105.3, population: 1000 }],
    bases: [{ id: 1, kind: 'hq', name: 'Công an huyện', communeId: null, lat: 19.9, lon: 105.3 }],
    teams: [team(1)],
    vehicles: [vehicle(1)],
    shiftTemplates: [EVENING],
    exceptions: [],
    travel: [],
    pinned: [],
    previous: [],
    ...over,
  };
}

/** A plan with a frozen clock: reports (seconds included) are then reproducible too. */
export function planFrozen(inst: PlanningInstance, seed = 1, timeLimitSeconds = 1): Promise<PlanResult> {
  return plan(inst, { seed, timeLimitSeconds }, { now: () => 0 });
}

export const enrolledTotal = (r: PlanResult): number => r.report.enrolled.cccd + r.report.enrolled.eid;

/** The demo district (resources/demo/thuong-xuan.json) as a planning instance from its start. */
export function demoInstance(): PlanningInstance {
  const d = demoDataset.parse(JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/thuong-xuan.json'), 'utf8')));
  return {
    campaign: d.campaign, from: d.campaign.startDate, communes: d.communes, hamlets: d.hamlets, backlogs: d.backlogs,
    bases: d.bases, teams: d.teams, vehicles: d.vehicles, shiftTemplates: d.shiftTemplates, exceptions: d.exceptions,
    travel: d.travel, pinned: [], previous: [],
  };
}

/** The demo with `extra` more hamlets scattered over it (100 e-ID and 5 CCCD people each): an area too big for a short limit. */
export function demoWithExtraHamlets(extra: number): PlanningInstance {
  const inst = demoInstance();
  const lats = inst.hamlets.map((h) => h.lat);
  const lons = inst.hamlets.map((h) => h.lon);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const firstId = Math.max(...inst.hamlets.map((h) => h.id)) + 1;
  for (let k = 0; k < extra; k++) {
    const like = inst.hamlets[k % inst.hamlets.length]!;
    const id = firstId + k;
    // A fixed lattice: the same area every run.
    const lat = south + (north - south) * (((k * 7919) % 1000) / 1000);
    const lon = west + (east - west) * (((k * 104729) % 997) / 997);
    inst.hamlets.push({ ...like, id, code: `X${k}`, name: `Thôn thêm ${k + 1}`, lat, lon });
    inst.backlogs.push({ hamletId: id, remaining: { cccd: 5, eid: 100 }, homebound: { cccd: 0, eid: 5 }, countedOn: inst.from });
  }
  return inst;
}
