import type {
  CalendarException, Campaign, Member, RoadClass, Service, ShiftKind, ShiftTemplate, Team, Vehicle, VehicleKind,
} from '../../core/model';
import type { Db } from '../open';

function datesByOwner(db: Db, sql: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of db.prepare(sql).all() as Array<{ owner: number; date: string }>) {
    const list = out.get(r.owner) ?? [];
    list.push(r.date);
    out.set(r.owner, list);
  }
  return out;
}

export function listTeams(db: Db): Team[] {
  const daysOff = datesByOwner(db, 'SELECT team_id AS owner, date FROM team_days_off ORDER BY team_id, date');
  const rows = db.prepare('SELECT * FROM teams ORDER BY id').all() as Array<{
    id: number; code: string; name: string; kind: 'mobile' | 'fixed'; base_id: number; size: number; services: string;
    kits: number; throughput_cccd: number; throughput_eid: number; home_throughput: number; setup_minutes: number;
    allowed_shift_kinds: string; max_shifts_per_week: number; max_consecutive_evenings: number;
  }>;
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, baseId: r.base_id, size: r.size,
    services: JSON.parse(r.services) as Service[], kits: r.kits,
    throughputPerHour: { cccd: r.throughput_cccd, eid: r.throughput_eid },
    homeThroughputPerHour: r.home_throughput, setupMinutes: r.setup_minutes,
    allowedShiftKinds: JSON.parse(r.allowed_shift_kinds) as ShiftKind[],
    maxShiftsPerWeek: r.max_shifts_per_week, maxConsecutiveEvenings: r.max_consecutive_evenings,
    daysOff: daysOff.get(r.id) ?? [],
  }));
}

export function listMembers(db: Db): Member[] {
  return db
    .prepare('SELECT id, team_id AS teamId, name, rank, role, phone FROM members ORDER BY team_id, id')
    .all() as Member[];
}

export function listVehicles(db: Db): Vehicle[] {
  const unavailable = datesByOwner(db, 'SELECT vehicle_id AS owner, date FROM vehicle_unavailable ORDER BY vehicle_id, date');
  const rows = db.prepare('SELECT * FROM vehicles ORDER BY id').all() as Array<{
    id: number; code: string; name: string; kind: VehicleKind; seats: number; base_id: number; road_classes: string; cost_per_km: number;
  }>;
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, seats: r.seats, baseId: r.base_id,
    roadClasses: JSON.parse(r.road_classes) as RoadClass[], costPerKm: r.cost_per_km,
    unavailable: unavailable.get(r.id) ?? [],
  }));
}

export function listShiftTemplates(db: Db): ShiftTemplate[] {
  const rows = db.prepare('SELECT * FROM shift_templates ORDER BY id').all() as Array<{
    id: number; code: string; name: string; kind: ShiftKind; weekdays: string; start_min: number; end_min: number;
    home_visits_only: number; on_holidays: number;
  }>;
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, weekdays: JSON.parse(r.weekdays) as number[],
    startMin: r.start_min, endMin: r.end_min, homeVisitsOnly: r.home_visits_only === 1, onHolidays: r.on_holidays === 1,
  }));
}

export function listCalendarExceptions(db: Db): CalendarException[] {
  return db.prepare('SELECT date, kind, name FROM calendar_exceptions ORDER BY date').all() as CalendarException[];
}

export function getCampaign(db: Db): Campaign | null {
  const row = db
    .prepare('SELECT name, start_date AS startDate, deadline, service_priority AS servicePriority FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1')
    .get() as Campaign | undefined;
  return row ?? null;
}
