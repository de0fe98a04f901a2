import type { PerService, Route } from '../../../src-main/core/model';
import { resolveRosterSettings, type RosterSource } from '../../../src-main/core/roster';

/** A tiny district in plain data: two communes (a xã and a thị trấn), three hamlets, two teams. */
const reach = { weekday_day: 0.2, weekday_evening: 0.6, weekend: 0.7 };
const hamlet = (id: number, communeId: number, name: string, venue: string) => ({
  id, communeId, code: `H${id}`, name, lat: 19.9, lon: 105.2, population: 500, venue, contact: `Trưởng thôn ${id}, 0900 000 00${id}`,
  roadClass: 'paved' as const, motorbikeOnly: false, cutMonths: [], reach, illustrative: true,
});
const team = (id: number, code: string, name: string, baseId: number, kind: 'mobile' | 'fixed') => ({
  id, code, name, kind, baseId, size: 3, services: ['cccd' as const, 'eid' as const], kits: 1, throughputPerHour: { cccd: 10, eid: 30 },
  homeThroughputPerHour: 5, setupMinutes: 15, allowedShiftKinds: ['weekday_evening' as const, 'weekend' as const],
  maxShiftsPerWeek: 7, maxConsecutiveEvenings: 5, daysOff: [],
});

export const ps = (cccd: number, eid: number): PerService => ({ cccd, eid });

export function stop(hamletId: number, arriveMin: number, quota: PerService, homeVisits = ps(0, 0)) {
  return { hamletId, arriveMin, startMin: arriveMin + 15, endMin: arriveMin + 90, quota, homeVisits };
}

export function route(date: string, teamId: number, templateId: number, stops: Route['stops'], vehicleIds = [1]): Route {
  return {
    date, templateId, teamId, vehicleIds, baseId: teamId === 1 ? 1 : 2, departMin: stops[0]!.arriveMin - 30,
    returnMin: stops[stops.length - 1]!.endMin + 30, stops, distanceM: 12_345, cost: 50_000, pinned: false,
  };
}

export function fixture(routes: Route[]): RosterSource {
  const communes = [
    { id: 1, areaId: 2, code: '15631', name: 'Xã Xuân Cao', lat: 19.9, lon: 105.3, population: 5000 },
    { id: 2, areaId: 2, code: '15646', name: 'Thị trấn Thường Xuân', lat: 19.9, lon: 105.3, population: 9000 },
  ];
  const bases = [
    { id: 1, kind: 'hq' as const, name: 'Công an huyện Thường Xuân', communeId: null, lat: 19.9, lon: 105.3 },
    { id: 2, kind: 'post' as const, name: 'Công an xã Xuân Cao', communeId: 1, lat: 19.9, lon: 105.3 },
  ];
  const teams = [team(1, 'LD-01', 'Tổ lưu động số 1', 1, 'mobile'), team(2, 'CT-15631', 'Tổ công tác xã Xuân Cao', 2, 'fixed')];
  const members = [
    { id: 1, teamId: 1, name: 'Trần Trung Hiếu', rank: 'Đại úy', role: 'Tổ trưởng', phone: '0911 803 099' },
    { id: 2, teamId: 1, name: 'Bùi Thị Thơm', rank: '', role: 'Đoàn viên thanh niên', phone: '' },
    { id: 3, teamId: 2, name: 'Lữ Văn Ón', rank: 'Thượng úy', role: 'Tổ trưởng', phone: '' },
    { id: 4, teamId: 2, name: 'Vi Văn Tâm', rank: 'Thiếu úy', role: 'Tổ viên', phone: '' },
  ];
  const area = { province: 'Tỉnh Thanh Hóa', district: 'Huyện Thường Xuân' };
  return {
    plan: { id: 7, name: 'Kế hoạch thử', status: 'published' },
    routes,
    communes,
    hamlets: [
      hamlet(1, 1, 'Thôn 1', 'Nhà văn hóa thôn 1'),
      hamlet(2, 1, 'Bản Nà Tao Thượng Xóm Dưới Khe Suối', 'Nhà sinh hoạt cộng đồng bản Nà Tao Thượng Xóm Dưới Khe Suối'),
      hamlet(3, 2, 'Khu phố 1', 'Nhà văn hóa khu phố 1'),
    ],
    bases,
    teams,
    members,
    vehicles: [
      { id: 1, code: '36A-919.90', name: 'Ô tô 7 chỗ số 1', kind: 'car', seats: 7, baseId: 1, roadClasses: ['paved'], costPerKm: 4000, unavailable: [] },
      { id: 2, code: '36B1-185.47', name: 'Xe máy số 1', kind: 'motorbike', seats: 2, baseId: 2, roadClasses: ['paved'], costPerKm: 800, unavailable: [] },
    ],
    shiftTemplates: [
      { id: 1, code: 'TOI', name: 'Tối ngày thường', kind: 'weekday_evening', weekdays: [1, 2, 3, 4, 5], startMin: 1080, endMin: 1320, homeVisitsOnly: false, onHolidays: false },
      { id: 2, code: 'SANG', name: 'Sáng cuối tuần', kind: 'weekend', weekdays: [6, 7], startMin: 450, endMin: 690, homeVisitsOnly: false, onHolidays: true },
      { id: 3, code: 'NHA', name: 'Tại nhà', kind: 'weekday_day', weekdays: [1, 2, 3, 4, 5], startMin: 480, endMin: 690, homeVisitsOnly: true, onHolidays: false },
    ],
    settings: resolveRosterSettings({ area, communes, bases, teams, members }, { communes: new Map() }),
  };
}
