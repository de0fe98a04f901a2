import type { Campaign } from '../../core/model';
import {
  LISTS, RefIndex, type FieldValue, type ImportPlan, type ListName, type PlanContext, type PlannedAdd, type PlannedUpdate, type Problem,
  type RefData, type RegisterRecord, type StoredRecord,
} from '../../core/register';
import type { Db } from '../open';
import { capture, journal, type Spot } from './journal';
import { listBacklogs, listBases, listCommunes, listHamlets, listTravelPairs } from './places';
import { detachFromPlans, findDependents } from './register-deps';
import { naturalKey, WRITERS } from './register-write';
import { getCampaign, listCalendarExceptions, listMembers, listShiftTemplates, listTeams, listVehicles } from './resources';

export function readRefs(db: Db): RefData {
  const area = db.prepare('SELECT id FROM area_units WHERE is_planning_area = 1 ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  return {
    planningAreaId: area?.id ?? null,
    communes: db.prepare('SELECT id, code, name FROM communes ORDER BY id').all() as RefData['communes'],
    bases: db.prepare('SELECT id, name FROM bases ORDER BY id').all() as RefData['bases'],
    teams: db.prepare('SELECT id, code FROM teams ORDER BY id').all() as RefData['teams'],
    hamlets: db.prepare('SELECT id, code, commune_id AS communeId FROM hamlets ORDER BY id').all() as RefData['hamlets'],
  };
}

function entities(db: Db, list: ListName): unknown[] {
  switch (list) {
    case 'communes': return listCommunes(db);
    case 'hamlets': {
      const backlogByHamlet = new Map(listBacklogs(db).map((b) => [b.hamletId, b]));
      return listHamlets(db).map((hamlet) => ({ hamlet, backlog: backlogByHamlet.get(hamlet.id) ?? null }));
    }
    case 'bases': return listBases(db);
    case 'teams': return listTeams(db);
    case 'members': return listMembers(db);
    case 'vehicles': return listVehicles(db);
    case 'shifts': return listShiftTemplates(db);
    case 'calendar': return listCalendarExceptions(db);
    case 'travel': return listTravelPairs(db);
  }
}

/** A list as flat records (the rows a table shows and a file holds), with their stored keys. */
export function storedRecords(db: Db, list: ListName, refs = new RefIndex(readRefs(db))): StoredRecord[] {
  const spec = LISTS[list];
  return entities(db, list).map((e) => ({ key: spec.keyOf(e), record: spec.toRecord(e, refs) }));
}

export function planContext(db: Db, list: ListName, today: string): PlanContext {
  const refs = new RefIndex(readRefs(db));
  return { spec: LISTS[list], existing: storedRecords(db, list, refs), refs, today };
}

export interface FieldChange {
  field: string;
  before: FieldValue | null;
  after: FieldValue | null;
}

const changesOf = (u: PlannedUpdate): FieldChange[] =>
  u.changed.map((field) => ({ field, before: u.before[field] ?? null, after: u.record[field] ?? null }));

/** Spots of an insert: nothing was there, so undo removes whatever is there. */
const emptied = (spots: Spot[]): Array<Spot & { rows: [] }> => spots.map((s) => ({ ...s, rows: [] }));

function writeAdd(db: Db, list: ListName, add: PlannedAdd, before: ReturnType<typeof capture>): string {
  const writer = WRITERS[list];
  const natural = naturalKey(list, add.entity);
  if (natural !== null) before.push(...capture(db, writer.spots(natural)));
  const key = writer.insert(db, add.entity);
  if (natural === null) before.push(...emptied(writer.spots(key)));
  return key;
}

function writeUpdate(db: Db, list: ListName, update: PlannedUpdate, before: ReturnType<typeof capture>): void {
  const writer = WRITERS[list];
  const spots = writer.spots(update.key);
  const natural = naturalKey(list, update.entity);
  if (natural !== null && natural !== update.key) spots.push(...writer.spots(natural));
  before.push(...capture(db, spots));
  writer.update(db, update.key, update.entity);
}

const SAMPLE = 200;

/** Writes a previewed import: everything in one transaction, audited and journaled for undo. */
export function applyImport(db: Db, list: ListName, plan: ImportPlan, fileName: string): { added: number; updated: number } {
  if (plan.rejects.length) throw new Error('an import with rejected rows cannot be written');
  if (plan.adds.length + plan.updates.length === 0) return { added: 0, updated: 0 };
  db.transaction(() => {
    const before: ReturnType<typeof capture> = [];
    for (const u of plan.updates) writeUpdate(db, list, u, before);
    for (const a of plan.adds) writeAdd(db, list, a, before);
    const summary: Problem = { key: 'importDone', params: { list, file: fileName, added: plan.adds.length, updated: plan.updates.length } };
    journal(db, {
      action: 'import', list, entityId: null, summary, before,
      details: {
        fileName,
        added: plan.adds.slice(0, SAMPLE).map((a) => a.label),
        updated: plan.updates.slice(0, SAMPLE).map((u) => ({ label: u.label, changes: changesOf(u) })),
      },
    });
  })();
  return { added: plan.adds.length, updated: plan.updates.length };
}

/** Writes one record from a form (a new one or changes), audited with before -> after. */
export function applyEdit(db: Db, list: ListName, change: { add: PlannedAdd } | { update: PlannedUpdate }): string {
  return db.transaction(() => {
    const before: ReturnType<typeof capture> = [];
    if ('add' in change) {
      const key = writeAdd(db, list, change.add, before);
      const summary: Problem = { key: 'addDone', params: { list, label: change.add.label } };
      journal(db, { action: 'add', list, entityId: key, summary, before, details: { label: change.add.label, record: change.add.record } });
      return key;
    }
    const u = change.update;
    writeUpdate(db, list, u, before);
    const summary: Problem = { key: 'editDone', params: { list, label: u.label, fields: u.changed.length } };
    journal(db, { action: 'edit', list, entityId: u.key, summary, before, details: { label: u.label, changes: changesOf(u) } });
    return naturalKey(list, u.entity) ?? u.key;
  })();
}

export { findDependents } from './register-deps';

/** Deletes one record; what plans held of it goes with it (the caller has checked there are no blockers). */
export function deleteRecord(db: Db, list: ListName, stored: StoredRecord): void {
  const spec = LISTS[list];
  const writer = WRITERS[list];
  db.transaction(() => {
    const deps = findDependents(db, list, stored.key);
    const before = capture(db, [...writer.spots(stored.key), ...deps.spots]);
    detachFromPlans(db, list, stored.key);
    writer.remove(db, stored.key);
    const label = spec.label(stored.record);
    journal(db, {
      action: 'delete', list, entityId: stored.key, summary: { key: 'deleteDone', params: { list, label } }, before,
      details: { label, record: stored.record, affects: deps.affects },
    });
  })();
}

export function updateCampaign(db: Db, next: Campaign): void {
  db.transaction(() => {
    const row = db.prepare('SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined;
    const prev = getCampaign(db);
    const before = row ? capture(db, [{ table: 'campaigns', where: { id: row.id } }]) : [];
    let id = row?.id;
    if (id === undefined) {
      const area = readRefs(db).planningAreaId;
      id = Number(db.prepare('INSERT INTO campaigns (area_id, name, start_date, deadline, is_current, service_priority) VALUES (?,?,?,?,1,?)')
        .run(area, next.name, next.startDate, next.deadline, next.servicePriority ?? 'cccd').lastInsertRowid);
      before.push({ table: 'campaigns', where: { id }, rows: [] });
    } else {
      db.prepare('UPDATE campaigns SET name = ?, start_date = ?, deadline = ?, service_priority = coalesce(?, service_priority) WHERE id = ?')
        .run(next.name, next.startDate, next.deadline, next.servicePriority ?? null, id);
    }
    const changes: FieldChange[] = (['name', 'startDate', 'deadline', 'servicePriority'] as const)
      .filter((f) => f !== 'servicePriority' || next.servicePriority !== undefined)
      .filter((f) => prev?.[f] !== next[f])
      .map((f) => ({ field: f, before: prev?.[f] ?? null, after: next[f] ?? null }));
    journal(db, {
      action: 'edit', list: 'campaign', entityId: String(id), summary: { key: 'campaignDone', params: { name: next.name } }, before,
      details: { label: next.name, changes },
    });
  })();
}

export type { RegisterRecord };
