import type { DemoDataset } from '../core/demo';
import type { Db } from './open';
import { setSetting } from './repos/settings';

/** A full data set: the demo generator's output, or an imported district. */
export type SeedData = DemoDataset;

export interface OutlineFeature {
  gsoCode: string;
  geometry: unknown;
}

// Plans go first: their routes and visits go with them (a kept plan's rows cannot be deleted on their own).
const DATA_TABLES = [
  'plans', 'visit_results', 'plan_visits', 'plan_routes', 'scenarios', 'audit_log', 'calendar_exceptions',
  'shift_templates', 'vehicle_unavailable', 'vehicles', 'members', 'team_days_off', 'teams', 'travel_pairs',
  'backlogs', 'hamlets', 'commune_outlines', 'bases', 'communes', 'campaigns', 'area_units',
] as const;

const bit = (b: boolean): number => (b ? 1 : 0);
const json = (v: unknown): string => JSON.stringify(v);

/** Replaces all domain data with `data` in one transaction (plans and audit included). */
export function seedDatabase(db: Db, data: SeedData, outlines: OutlineFeature[]): void {
  db.transaction(() => {
    for (const table of DATA_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    const run = (sql: string, rows: unknown[][]): void => {
      const stmt = db.prepare(sql);
      for (const r of rows) stmt.run(...r);
    };
    run('INSERT INTO area_units (id, parent_id, level, code, name, is_planning_area) VALUES (?,?,?,?,?,?)',
      data.areas.map((a) => [a.id, a.parentId, a.level, a.code, a.name, bit(a.isPlanningArea)]));
    const planningArea = data.areas.find((a) => a.isPlanningArea)?.id ?? null;
    run('INSERT INTO campaigns (area_id, name, start_date, deadline, is_current) VALUES (?,?,?,?,1)',
      [[planningArea, data.campaign.name, data.campaign.startDate, data.campaign.deadline]]);
    run('INSERT INTO communes (id, area_id, code, name, lat, lon, population) VALUES (?,?,?,?,?,?,?)',
      data.communes.map((c) => [c.id, c.areaId, c.code, c.name, c.lat, c.lon, c.population]));
    const communeByCode = new Map(data.communes.map((c) => [c.code, c.id]));
    run('INSERT INTO commune_outlines (commune_id, geometry) VALUES (?,?)',
      outlines.flatMap((o) => {
        const id = communeByCode.get(o.gsoCode);
        return id === undefined ? [] : [[id, json(o.geometry)]];
      }));
    run(`INSERT INTO hamlets (id, commune_id, code, name, lat, lon, population, venue, contact, road_class, motorbike_only,
           cut_months, reach_weekday_day, reach_weekday_evening, reach_weekend, illustrative) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      data.hamlets.map((h) => [h.id, h.communeId, h.code, h.name, h.lat, h.lon, h.population, h.venue, h.contact, h.roadClass,
        bit(h.motorbikeOnly), json(h.cutMonths), h.reach.weekday_day, h.reach.weekday_evening, h.reach.weekend, bit(h.illustrative)]));
    run('INSERT INTO backlogs (hamlet_id, remaining_cccd, remaining_eid, homebound_cccd, homebound_eid, counted_on) VALUES (?,?,?,?,?,?)',
      data.backlogs.map((b) => [b.hamletId, b.remaining.cccd, b.remaining.eid, b.homebound.cccd, b.homebound.eid, b.countedOn]));
    run('INSERT INTO bases (id, kind, name, commune_id, lat, lon) VALUES (?,?,?,?,?,?)',
      data.bases.map((b) => [b.id, b.kind, b.name, b.communeId, b.lat, b.lon]));
    run('INSERT INTO travel_pairs (from_key, to_key, distance_m, minutes, source) VALUES (?,?,?,?,?)',
      data.travel.map((t) => [t.from, t.to, t.distanceM, t.minutes, t.source]));
    run(`INSERT INTO teams (id, code, name, kind, base_id, size, services, kits, throughput_cccd, throughput_eid, home_throughput,
           setup_minutes, allowed_shift_kinds, max_shifts_per_week, max_consecutive_evenings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      data.teams.map((t) => [t.id, t.code, t.name, t.kind, t.baseId, t.size, json(t.services), t.kits, t.throughputPerHour.cccd,
        t.throughputPerHour.eid, t.homeThroughputPerHour, t.setupMinutes, json(t.allowedShiftKinds), t.maxShiftsPerWeek,
        t.maxConsecutiveEvenings]));
    run('INSERT INTO team_days_off (team_id, date) VALUES (?,?)', data.teams.flatMap((t) => t.daysOff.map((d) => [t.id, d])));
    run('INSERT INTO members (id, team_id, name, rank, role, phone) VALUES (?,?,?,?,?,?)',
      data.members.map((m) => [m.id, m.teamId, m.name, m.rank, m.role, m.phone]));
    run('INSERT INTO vehicles (id, code, name, kind, seats, base_id, road_classes, cost_per_km) VALUES (?,?,?,?,?,?,?,?)',
      data.vehicles.map((v) => [v.id, v.code, v.name, v.kind, v.seats, v.baseId, json(v.roadClasses), v.costPerKm]));
    run('INSERT INTO vehicle_unavailable (vehicle_id, date) VALUES (?,?)',
      data.vehicles.flatMap((v) => v.unavailable.map((d) => [v.id, d])));
    run(`INSERT INTO shift_templates (id, code, name, kind, weekdays, start_min, end_min, home_visits_only, on_holidays)
         VALUES (?,?,?,?,?,?,?,?,?)`,
      data.shiftTemplates.map((s) => [s.id, s.code, s.name, s.kind, json(s.weekdays), s.startMin, s.endMin, bit(s.homeVisitsOnly),
        bit(s.onHolidays)]));
    run('INSERT INTO calendar_exceptions (date, kind, name) VALUES (?,?,?)', data.exceptions.map((e) => [e.date, e.kind, e.name]));
    setSetting(db, 'dataset', { label: data.meta.label, demo: data.meta.illustrative, seed: data.meta.seed });
  })();
}
