import { campaignRecord, firstPerField, LISTS, planEdit, problemFromZod, type ListName, type Problem, type RefIndex } from '../../core/register';
import type { Db } from '../../db';
import { listAudit } from '../../db/repos/audit';
import { listBacklogStatus } from '../../db/repos/results';
import { peekUndo, UndoConflict, undoLatest } from '../../db/repos/journal';
import {
  applyEdit, deleteRecord, findDependents, planContext, storedRecords, updateCampaign,
} from '../../db/repos/register';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import type { RegisterRow } from '../methods/register';
import { importHandlers, today } from './register-import';

/** Read-only figures beside the records: hamlets and backlog per commune, done and left per hamlet, members per team. */
function extras(db: Db, list: ListName): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  if (list === 'communes') {
    // What is left after the recorded results, like the hamlets' "left" columns.
    const hamletCommune = new Map((db.prepare('SELECT id, commune_id FROM hamlets').all() as Array<{ id: number; commune_id: number }>)
      .map((h) => [h.id, h.commune_id]));
    const rows = db.prepare('SELECT commune_id AS id, COUNT(*) AS hamlets FROM hamlets GROUP BY commune_id').all() as Array<{ id: number; hamlets: number }>;
    for (const { id, hamlets } of rows) out.set(String(id), { hamlets, backlogCccd: 0, backlogEid: 0 });
    for (const s of listBacklogStatus(db)) {
      const row = out.get(String(hamletCommune.get(s.hamletId)));
      if (!row) continue;
      row.backlogCccd! += s.remaining.cccd;
      row.backlogEid! += s.remaining.eid;
    }
  }
  if (list === 'hamlets') {
    // The editable backlog columns stay the register's (initial) figures; results lower what is left.
    for (const s of listBacklogStatus(db)) {
      out.set(String(s.hamletId), { doneCccd: s.done.cccd, doneEid: s.done.eid, leftCccd: s.remaining.cccd, leftEid: s.remaining.eid });
    }
  }
  if (list === 'teams') {
    const rows = db.prepare('SELECT team_id AS id, COUNT(*) AS members FROM members GROUP BY team_id').all() as Array<{ id: number; members: number }>;
    for (const { id, ...r } of rows) out.set(String(id), r);
  }
  return out;
}

function choices(refs: RefIndex): { communes: string[]; bases: string[]; teams: string[]; locations: string[] } {
  const d = refs.data;
  return {
    communes: d.communes.map((c) => c.name),
    bases: d.bases.map((b) => b.name),
    teams: d.teams.map((t) => t.code),
    locations: [...d.bases.map((b) => b.name), ...d.hamlets.map((h) => h.code)],
  };
}

const KEPT_PLAN = /^(visits|routes)In(Published|Archived)Plan$/;

/** A refused delete, naming the published or archived plan that needs the record when there is one. */
function blockedDelete(label: string, blockers: Problem[]): AppError {
  const kept = blockers.find((b) => KEPT_PLAN.test(b.key));
  if (!kept) return new AppError('CONFLICT', `${label} is still used`, { blockers });
  const [, what, status] = KEPT_PLAN.exec(kept.key)!;
  const plan = String(kept.params?.plan ?? '');
  const n = Number(kept.params?.[what!] ?? 0);
  return new AppError(
    'CONFLICT',
    `${label} cannot be deleted: the ${status!.toLowerCase()} plan "${plan}" has ${n} ${what} with it, and published and archived plans stay as they were published.`,
    { key: kept.key, params: { ...kept.params, label }, blockers },
  );
}

function storedOrThrow(ctx: HandlerContext, list: ListName, key: string) {
  const stored = storedRecords(ctx.db, list).find((s) => s.key === key);
  if (!stored) throw new AppError('NOT_FOUND', `No ${list} record ${key}`, { key: 'notFound' });
  return stored;
}

export const registerHandlers: Pick<
  Handlers,
  | 'register.list' | 'register.save' | 'register.dependents' | 'register.delete' | 'campaign.update' | 'import.preview' | 'import.confirm'
  | 'export.list' | 'export.template' | 'undo.peek' | 'undo.last' | 'audit.list'
> = {
  'register.list': ({ list }, ctx) => {
    const plan = planContext(ctx.db, list, today());
    const extra = extras(ctx.db, list);
    const rows: RegisterRow[] = plan.existing.map((s) => ({ key: s.key, record: s.record, extra: extra.get(s.key) ?? {} }));
    return { rows, choices: choices(plan.refs) };
  },
  'register.save': ({ list, key, values, check }, ctx) => {
    const spec = LISTS[list];
    const unknown = Object.keys(values).filter((k) => !spec.fields.some((f) => f.key === k));
    if (unknown.length) throw new AppError('BAD_PARAMS', `register.save: unknown fields for ${list}: ${unknown.join(', ')}`);
    const result = planEdit(planContext(ctx.db, list, today()), key, values);
    if (check) return { saved: false, problems: result.kind === 'invalid' ? result.problems : [] };
    switch (result.kind) {
      case 'invalid':
        if (result.problems.some((p) => p.key === 'notFound')) throw new AppError('NOT_FOUND', `No ${list} record ${key ?? ''}`);
        return { saved: false, problems: result.problems };
      case 'unchanged':
        return { saved: true, key: key ?? '', changed: [] };
      case 'add':
        return { saved: true, key: applyEdit(ctx.db, list, { add: result.add }), changed: spec.fields.map((f) => f.key) };
      case 'update':
        return { saved: true, key: applyEdit(ctx.db, list, { update: result.update }), changed: result.update.changed };
    }
  },
  'register.dependents': ({ list, key }, ctx) => {
    const stored = storedOrThrow(ctx, list, key);
    const { blockers, affects } = findDependents(ctx.db, list, key);
    return { label: LISTS[list].label(stored.record), blockers, affects };
  },
  'register.delete': ({ list, key, confirm }, ctx) => {
    const stored = storedOrThrow(ctx, list, key);
    const { blockers, affects } = findDependents(ctx.db, list, key);
    if (blockers.length) throw blockedDelete(LISTS[list].label(stored.record), blockers);
    if (affects.length && !confirm) throw new AppError('CONFLICT', 'Plans use this record: confirm to delete it.', { affects });
    deleteRecord(ctx.db, list, stored);
    return { deleted: true };
  },
  'campaign.update': (values, ctx) => {
    const checked = campaignRecord.safeParse(values);
    if (!checked.success) {
      return {
        saved: false,
        problems: firstPerField(checked.error.issues.map((i) => {
          const field = typeof i.path[0] === 'string' ? i.path[0] : null;
          return { field, ...problemFromZod(i, { kind: field === 'name' ? 'text' : 'date' }) };
        })),
      };
    }
    updateCampaign(ctx.db, checked.data);
    return { saved: true, key: 'campaign', changed: ['name', 'startDate', 'deadline', ...(checked.data.servicePriority ? ['servicePriority'] : [])] };
  },
  ...importHandlers,
  'undo.peek': (_p, ctx) => ({ entry: peekUndo(ctx.db) }),
  'undo.last': ({ id }, ctx) => {
    try {
      return { undone: undoLatest(ctx.db, id) };
    } catch (err) {
      if (err instanceof UndoConflict) throw new AppError('CONFLICT', `Cannot undo: ${err.message}`, { key: 'undoConflict' });
      throw err;
    }
  },
  'audit.list': ({ limit, beforeId }, ctx) =>
    listAudit(ctx.db, beforeId === undefined ? limit : 10_000).filter((e) => beforeId === undefined || e.id < beforeId).slice(0, limit),
};
