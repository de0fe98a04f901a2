import type {
  Base, CalendarException, Commune, Member, ShiftTemplate, Team, TravelPair, Vehicle,
} from '../../core/model';
import type { HamletEntity, ListName } from '../../core/register';
import type { Db } from '../open';
import type { Spot } from './journal';

type HamletDraft = { hamlet: Omit<HamletEntity['hamlet'], 'id'>; backlog: Omit<NonNullable<HamletEntity['backlog']>, 'hamletId'> };

/** How one list's model entities are stored: every statement here runs inside the caller's transaction. */
export interface ListWriter {
  insert(db: Db, draft: unknown): string;
  update(db: Db, key: string, draft: unknown): void;
  remove(db: Db, key: string): void;
  /** The rows a write to `key` touches, captured for undo. */
  spots(key: string): Spot[];
}

const bit = (b: boolean): number => (b ? 1 : 0);
const json = (v: unknown): string => JSON.stringify(v);
const newId = (db: Db, sql: string, values: unknown[]): string => String(db.prepare(sql).run(...values).lastInsertRowid);

function replaceDates(db: Db, table: 'team_days_off' | 'vehicle_unavailable', owner: 'team_id' | 'vehicle_id', id: number, dates: string[]): void {
  db.prepare(`DELETE FROM ${table} WHERE ${owner} = ?`).run(id);
  const insert = db.prepare(`INSERT INTO ${table} (${owner}, date) VALUES (?, ?)`);
  for (const d of dates) insert.run(id, d);
}

const byId = (table: string, key: string): Spot => ({ table, where: { id: Number(key) } });

/** A list stored in one table keyed by id: the columns a draft fills, in order. */
function tableWriter<T>(table: string, columns: string[], values: (draft: T) => unknown[]): ListWriter {
  return {
    insert: (db, d) => newId(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values(d as T)),
    update: (db, key, d) => void db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values(d as T), Number(key)),
    remove: (db, key) => void db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(Number(key)),
    spots: (key) => [byId(table, key)],
  };
}

/** The same, with a side table of dates (days off, unavailable days) replaced on every write. */
function withDates<T>(writer: ListWriter, table: 'team_days_off' | 'vehicle_unavailable', owner: 'team_id' | 'vehicle_id', dates: (draft: T) => string[]): ListWriter {
  return {
    ...writer,
    insert: (db, d) => {
      const id = writer.insert(db, d);
      replaceDates(db, table, owner, Number(id), dates(d as T));
      return id;
    },
    update: (db, key, d) => {
      writer.update(db, key, d);
      replaceDates(db, table, owner, Number(key), dates(d as T));
    },
    spots: (key) => [...writer.spots(key), { table, where: { [owner]: Number(key) } }],
  };
}

// The area stays as it is on update: a commune does not move to another district by an edit.
const communes: ListWriter = {
  ...tableWriter<Omit<Commune, 'id'>>('communes', ['area_id', 'code', 'name', 'lat', 'lon', 'population'], (c) => [c.areaId, c.code, c.name, c.lat, c.lon, c.population]),
  update: (db, key, d) => {
    const c = d as Omit<Commune, 'id'>;
    db.prepare('UPDATE communes SET code = ?, name = ?, lat = ?, lon = ?, population = ? WHERE id = ?').run(c.code, c.name, c.lat, c.lon, c.population, Number(key));
  },
  spots: (key) => [byId('communes', key), { table: 'commune_outlines', where: { commune_id: Number(key) } }],
};

function writeBacklog(db: Db, hamletId: number, b: HamletDraft['backlog']): void {
  db.prepare(
    `INSERT INTO backlogs (hamlet_id, remaining_cccd, remaining_eid, homebound_cccd, homebound_eid, counted_on) VALUES (?,?,?,?,?,?)
     ON CONFLICT(hamlet_id) DO UPDATE SET remaining_cccd = excluded.remaining_cccd, remaining_eid = excluded.remaining_eid,
       homebound_cccd = excluded.homebound_cccd, homebound_eid = excluded.homebound_eid, counted_on = excluded.counted_on`,
  ).run(hamletId, b.remaining.cccd, b.remaining.eid, b.homebound.cccd, b.homebound.eid, b.countedOn);
}

const HAMLET_COLUMNS = ['commune_id', 'code', 'name', 'lat', 'lon', 'population', 'venue', 'contact', 'road_class', 'motorbike_only', 'cut_months',
  'reach_weekday_day', 'reach_weekday_evening', 'reach_weekend'];
const hamletValues = ({ hamlet: h }: HamletDraft): unknown[] => [
  h.communeId, h.code, h.name, h.lat, h.lon, h.population, h.venue, h.contact, h.roadClass, bit(h.motorbikeOnly), json(h.cutMonths),
  h.reach.weekday_day, h.reach.weekday_evening, h.reach.weekend,
];
// The illustrative flag is not a column here: editing a demo hamlet does not make it real.
const hamletRows = tableWriter<HamletDraft>('hamlets', HAMLET_COLUMNS, hamletValues);
const hamlets: ListWriter = {
  ...hamletRows,
  insert: (db, d) => {
    const id = hamletRows.insert(db, d);
    writeBacklog(db, Number(id), (d as HamletDraft).backlog);
    return id;
  },
  update: (db, key, d) => {
    hamletRows.update(db, key, d);
    writeBacklog(db, Number(key), (d as HamletDraft).backlog);
  },
  spots: (key) => [byId('hamlets', key), { table: 'backlogs', where: { hamlet_id: Number(key) } }],
};

const bases = tableWriter<Omit<Base, 'id'>>('bases', ['kind', 'name', 'commune_id', 'lat', 'lon'], (b) => [b.kind, b.name, b.communeId, b.lat, b.lon]);

const TEAM_COLUMNS = ['code', 'name', 'kind', 'base_id', 'size', 'services', 'kits', 'throughput_cccd', 'throughput_eid', 'home_throughput',
  'setup_minutes', 'allowed_shift_kinds', 'max_shifts_per_week', 'max_consecutive_evenings'];
const teamValues = (t: Omit<Team, 'id'>): unknown[] => [
  t.code, t.name, t.kind, t.baseId, t.size, json(t.services), t.kits, t.throughputPerHour.cccd, t.throughputPerHour.eid, t.homeThroughputPerHour,
  t.setupMinutes, json(t.allowedShiftKinds), t.maxShiftsPerWeek, t.maxConsecutiveEvenings,
];
const teamRows = withDates<Omit<Team, 'id'>>(tableWriter('teams', TEAM_COLUMNS, teamValues), 'team_days_off', 'team_id', (t) => t.daysOff);
// Members go with their team (ON DELETE CASCADE), so a team's undo puts them back too.
const teams: ListWriter = { ...teamRows, spots: (key) => [...teamRows.spots(key), { table: 'members', where: { team_id: Number(key) } }] };

const members = tableWriter<Omit<Member, 'id'>>('members', ['team_id', 'name', 'rank', 'role', 'phone'], (m) => [m.teamId, m.name, m.rank, m.role, m.phone]);

const vehicles = withDates<Omit<Vehicle, 'id'>>(
  tableWriter<Omit<Vehicle, 'id'>>('vehicles', ['code', 'name', 'kind', 'seats', 'base_id', 'road_classes', 'cost_per_km'],
    (v) => [v.code, v.name, v.kind, v.seats, v.baseId, json(v.roadClasses), v.costPerKm]),
  'vehicle_unavailable', 'vehicle_id', (v) => v.unavailable,
);

const shifts = tableWriter<Omit<ShiftTemplate, 'id'>>('shift_templates',
  ['code', 'name', 'kind', 'weekdays', 'start_min', 'end_min', 'home_visits_only', 'on_holidays'],
  (s) => [s.code, s.name, s.kind, json(s.weekdays), s.startMin, s.endMin, bit(s.homeVisitsOnly), bit(s.onHolidays)]);

const calendar: ListWriter = {
  insert: (db, d) => {
    const e = d as CalendarException;
    db.prepare('INSERT INTO calendar_exceptions (date, kind, name) VALUES (?,?,?)').run(e.date, e.kind, e.name);
    return e.date;
  },
  update: (db, key, d) => {
    const e = d as CalendarException;
    db.prepare('UPDATE calendar_exceptions SET date = ?, kind = ?, name = ? WHERE date = ?').run(e.date, e.kind, e.name, key);
  },
  remove: (db, key) => void db.prepare('DELETE FROM calendar_exceptions WHERE date = ?').run(key),
  // An edit may move the holiday to another date: the new date is captured by the caller too.
  spots: (key) => [{ table: 'calendar_exceptions', where: { date: key } }],
};

const splitPair = (key: string): [string, string] => key.split('>') as [string, string];

const travel: ListWriter = {
  insert: (db, d) => {
    const t = d as TravelPair;
    db.prepare('INSERT INTO travel_pairs (from_key, to_key, distance_m, minutes, source) VALUES (?,?,?,?,?)').run(t.from, t.to, t.distanceM, t.minutes, t.source);
    return `${t.from}>${t.to}`;
  },
  update: (db, key, d) => {
    const t = d as TravelPair;
    const [from, to] = splitPair(key);
    db.prepare('UPDATE travel_pairs SET from_key = ?, to_key = ?, distance_m = ?, minutes = ?, source = ? WHERE from_key = ? AND to_key = ?')
      .run(t.from, t.to, t.distanceM, t.minutes, t.source, from, to);
  },
  remove: (db, key) => {
    const [from, to] = splitPair(key);
    db.prepare('DELETE FROM travel_pairs WHERE from_key = ? AND to_key = ?').run(from, to);
  },
  spots: (key) => {
    const [from, to] = splitPair(key);
    return [{ table: 'travel_pairs', where: { from_key: from, to_key: to } }];
  },
};

export const WRITERS: Record<ListName, ListWriter> = { communes, hamlets, bases, teams, members, vehicles, shifts, calendar, travel };

/** The key a draft will be stored under when it has a natural key (holiday date, travel pair). */
export function naturalKey(list: ListName, draft: unknown): string | null {
  if (list === 'calendar') return (draft as CalendarException).date;
  if (list === 'travel') return `${(draft as TravelPair).from}>${(draft as TravelPair).to}`;
  return null;
}
