import type { Backlog, Base, Commune, Hamlet, RoadClass, TravelPair } from '../../core/model';
import type { Db } from '../open';

interface HamletRow {
  id: number; commune_id: number; code: string; name: string; lat: number; lon: number; population: number;
  venue: string; contact: string; road_class: RoadClass; motorbike_only: number; cut_months: string;
  reach_weekday_day: number; reach_weekday_evening: number; reach_weekend: number; illustrative: number;
}

const toHamlet = (r: HamletRow): Hamlet => ({
  id: r.id, communeId: r.commune_id, code: r.code, name: r.name, lat: r.lat, lon: r.lon, population: r.population,
  venue: r.venue, contact: r.contact, roadClass: r.road_class, motorbikeOnly: r.motorbike_only === 1,
  cutMonths: JSON.parse(r.cut_months) as number[],
  reach: { weekday_day: r.reach_weekday_day, weekday_evening: r.reach_weekday_evening, weekend: r.reach_weekend },
  illustrative: r.illustrative === 1,
});

export function listCommunes(db: Db): Commune[] {
  return db
    .prepare('SELECT id, area_id AS areaId, code, name, lat, lon, population FROM communes ORDER BY id')
    .all() as Commune[];
}

export function listHamlets(db: Db): Hamlet[] {
  return (db.prepare('SELECT * FROM hamlets ORDER BY id').all() as HamletRow[]).map(toHamlet);
}

export function listBacklogs(db: Db): Backlog[] {
  const rows = db.prepare('SELECT * FROM backlogs ORDER BY hamlet_id').all() as Array<{
    hamlet_id: number; remaining_cccd: number; remaining_eid: number; homebound_cccd: number; homebound_eid: number; counted_on: string;
  }>;
  return rows.map((r) => ({
    hamletId: r.hamlet_id,
    remaining: { cccd: r.remaining_cccd, eid: r.remaining_eid },
    homebound: { cccd: r.homebound_cccd, eid: r.homebound_eid },
    countedOn: r.counted_on,
  }));
}

export function listBases(db: Db): Base[] {
  return db
    .prepare('SELECT id, kind, name, commune_id AS communeId, lat, lon FROM bases ORDER BY id')
    .all() as Base[];
}

export function listTravelPairs(db: Db): TravelPair[] {
  return db
    .prepare('SELECT from_key AS "from", to_key AS "to", distance_m AS distanceM, minutes, source FROM travel_pairs ORDER BY from_key, to_key')
    .all() as TravelPair[];
}

export interface CommuneOutline {
  communeId: number;
  geometry: unknown;
}

export function listOutlines(db: Db): CommuneOutline[] {
  return (db.prepare('SELECT commune_id, geometry FROM commune_outlines ORDER BY commune_id').all() as Array<{
    commune_id: number; geometry: string;
  }>).map((r) => ({ communeId: r.commune_id, geometry: JSON.parse(r.geometry) as unknown }));
}
