/**
 * Issue 17's figures: a new area of ~30 communes, ~300 hamlets, 40 teams from the area workbook
 * to a first plan, and the time to switch areas. Printed, not asserted:
 *   npx tsx scripts/bench-area.ts [--time-limit 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src-main/api/app-context';
import { dispatch } from '../src-main/api/dispatch';
import { handlers } from '../src-main/api/handlers';
import { loadPlanningInstance } from '../src-main/db';
import { areaTemplateSheets } from '../src-main/db/area';
import { sheetsToXlsx } from '../src-main/io/write';
import { startPlanning } from '../src-main/workers/run-planner';
import { areaRows, fillAreaWorkbook } from '../tests/helpers/area-workbook';

async function main(): Promise<void> {
  const limit = Number(process.argv[process.argv.indexOf('--time-limit') + 1] ?? 5) || 5;
  const dir = mkdtempSync(join(tmpdir(), 'luudong-area-bench-'));
  try {
    const rows = areaRows(['Yen Dinh'], 10, 35);
    const workbook = await fillAreaWorkbook(await sheetsToXlsx(areaTemplateSheets()), rows);
    console.log(`Workbook: ${rows.communes.length} communes, ${rows.hamlets.length} hamlets, ${rows.teams.length} teams, ${rows.vehicles.length} vehicles, ${(workbook.length / 1024).toFixed(0)} kB`);
    const ctx = createContext(dir, 'web', () => undefined, { start: startPlanning });
    const t0 = performance.now();
    const created = await dispatch(handlers, 'areas.create', {
      name: 'Cụm Yên Định', parent: 'Công an tỉnh Thanh Hóa', startDate: '2026-12-07', deadline: '2027-01-31', fileName: 'yen-dinh.xlsx', base64: workbook.toString('base64'),
    }, ctx);
    const importSeconds = (performance.now() - t0) / 1000;
    if (!created.ok || !(created.value as { created: unknown }).created) throw new Error(`not created: ${JSON.stringify(created).slice(0, 400)}`);
    console.log(`Import (read, check, write the whole workbook, open the area): ${importSeconds.toFixed(2)} s`);
    const instance = loadPlanningInstance(ctx.db);
    const t1 = performance.now();
    // As the app plans: on the planner's worker, the bound's LP on a thread of its own.
    const made = await startPlanning(instance, { seed: 1, timeLimitSeconds: limit }, () => undefined).result;
    const f = made.report;
    console.log(`First plan (${limit} s limit): ${((performance.now() - t1) / 1000).toFixed(1)} s, enrolled ${f.enrolled.cccd + f.enrolled.eid} of ${f.backlog.cccd + f.backlog.eid}, bound ${f.upperBound}, verifier ${f.checker.valid ? 'valid' : 'INVALID'}`);
    const switches: number[] = [];
    for (const id of ['default', 'cum-yen-dinh', 'default', 'cum-yen-dinh']) {
      const t = performance.now();
      const r = await dispatch(handlers, 'areas.open', { id }, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r));
      switches.push((performance.now() - t) / 1000);
    }
    console.log(`Area switch: ${switches.map((s) => `${(s * 1000).toFixed(0)} ms`).join(', ')}`);
    ctx.db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
