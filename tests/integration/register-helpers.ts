import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview, ListName } from '../../src-main/api/contract';
import type { HandlerContext } from '../../src-main/api/context';
import type { PlanReport, Route } from '../../src-main/core/model';
import { savePlan } from '../../src-main/db';
import { snapshot, valueOf, type testApp } from '../helpers/app';

export type App = ReturnType<typeof testApp>;
export const FIXTURES = join(__dirname, '../fixtures/import');

export const fixture = (name: string): string => readFileSync(join(FIXTURES, name)).toString('base64');

/**
 * The planning data only (not the audit log, the undo journal and the count of changes that
 * tells a plan it is stale: an undo is one more change), each table as a set of rows: a
 * holiday moved back by undo is the same row, whatever its hidden rowid.
 */
export function domain(ctx: HandlerContext): Record<string, unknown[]> {
  const { audit_log: _a, undo_journal: _u, data_version: _v, ...rest } = snapshot(ctx);
  return Object.fromEntries(Object.entries(rest).map(([table, rows]) => [table, rows.map((r) => JSON.stringify(r)).sort()]));
}

export async function preview(app: App, list: ListName, file: string, base64 = fixture(file)): Promise<ImportPreview> {
  return valueOf<ImportPreview>(await app.rpc('import.preview', { list, fileName: file, base64 }));
}

export async function confirm(app: App, list: ListName, file: string, p: ImportPreview, base64 = fixture(file)) {
  return app.rpc('import.confirm', { list, fileName: file, base64, expected: { adds: p.counts.adds, updates: p.counts.updates } });
}

/** A one-route draft plan visiting `hamletIds` with team LD-01: enough for plans to depend on data. */
export function planVisiting(ctx: HandlerContext, hamletIds: number[], name = 'Kế hoạch thử'): number {
  const team = ctx.db.prepare("SELECT id, base_id FROM teams WHERE code = 'LD-01'").get() as { id: number; base_id: number };
  const vehicle = ctx.db.prepare('SELECT id FROM vehicles WHERE base_id = ? ORDER BY id LIMIT 1').get(team.base_id) as { id: number };
  const route: Route = {
    date: '2022-11-21', templateId: 1, teamId: team.id, vehicleIds: [vehicle.id], baseId: team.base_id, departMin: 1050, returnMin: 1350,
    stops: hamletIds.map((hamletId, i) => ({
      hamletId, arriveMin: 1080 + i * 60, startMin: 1095 + i * 60, endMin: 1130 + i * 60, quota: { cccd: 1, eid: 10 }, homeVisits: { cccd: 0, eid: 0 },
    })),
    distanceM: 10_000, cost: 40_000, pinned: false,
  };
  return savePlan(ctx.db, { name, status: 'draft', fromDate: '2022-11-21', seed: 1, routes: [route], report: { deadlineMet: false, enrolled: { cccd: 0, eid: 0 }, backlog: { cccd: 0, eid: 0 } } as unknown as PlanReport });
}
