import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset, generateProvince, parseCentroidsCsv, THANH_HOA_2024 } from '../../src-main/core/demo';
import { verifyPlan } from '../../src-main/core/verify';
import { getPlan, loadPlanningInstance, openMigrated, savePlan } from '../../src-main/db';
import { mergeDatasets } from '../../src-main/db/merge-datasets';
import { seedDatabase } from '../../src-main/db/seed';
import { tempDir } from '../helpers/tmp';
import { startPlanning } from '../../src-main/workers/run-planner';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Two small districts of the province generator: Sầm Sơn (40105) and Quan Sơn (40113).
const rows = parseCentroidsCsv(readFileSync(join(__dirname, '../../resources/geo/thanh-hoa-communes-centroids.csv'), 'utf8'))
  .filter((r) => r.districtId === '40105' || r.districtId === '40113');
const districts = generateProvince({
  seed: THANH_HOA_2024.seed, rows, province: { ...THANH_HOA_2024.province },
  targets: { population: 200_000, backlog: { cccd: 2_000, eid: 40_000 } }, campaign: { ...THANH_HOA_2024.campaign },
});

describe('merging district data sets into one province', () => {
  const { data, maps } = mergeDatasets(districts, { label: 'two districts' });

  it('keeps every row, renumbers ids without clashes and labels the province as the planning area', () => {
    expect(districts).toHaveLength(2);
    expect(() => demoDataset.parse(data)).not.toThrow();
    const total = (f: (d: (typeof districts)[number]) => unknown[]): number => districts.reduce((s, d) => s + f(d).length, 0);
    expect(data.hamlets).toHaveLength(total((d) => d.hamlets));
    expect(data.teams).toHaveLength(total((d) => d.teams));
    expect(data.travel).toHaveLength(total((d) => d.travel));
    expect(data.shiftTemplates).toHaveLength(districts[0]!.shiftTemplates.length);
    expect(new Set(data.teams.map((t) => t.code)).size).toBe(data.teams.length);
    expect(new Set(data.vehicles.map((v) => v.code)).size).toBe(data.vehicles.length);
    expect(data.areas.filter((a) => a.isPlanningArea).map((a) => a.level)).toEqual(['province']);
    expect(data.areas.filter((a) => a.level === 'district')).toHaveLength(2);
    expect(new Set(data.communes.map((c) => c.areaId)).size).toBe(2);
    // A hamlet keeps its coordinates under its new id.
    const old = districts[1]!.hamlets[0]!;
    const renamed = data.hamlets.find((h) => h.id === maps[1]!.hamlet.get(old.id));
    expect([renamed?.code, renamed?.lat, renamed?.lon]).toEqual([old.code, old.lat, old.lon]);
  });

  it('seeds, and the app plans the merged province district by district into one plan the checker accepts on the merged data', async () => {
    const file = join(tmp.dir, 'province.sqlite');
    const db = openMigrated(file);
    try {
      seedDatabase(db, data, []);
      const instance = loadPlanningInstance(db);
      const { routes, report } = await startPlanning(instance, { seed: 1, timeLimitSeconds: 2 }, () => undefined).result;
      expect(report.checker).toMatchObject({ valid: true, source: 'verifier' });
      // Each team stays in its own district: district k's teams visit district k's hamlets only.
      const districtOf = (map: 'team' | 'hamlet', id: number): number => maps.findIndex((m) => [...m[map].values()].includes(id));
      for (const r of routes) for (const s of r.stops) expect(districtOf('hamlet', s.hamletId)).toBe(districtOf('team', r.teamId));
      expect(new Set(routes.map((r) => districtOf('team', r.teamId)))).toEqual(new Set([0, 1]));
      const backlog = districts.reduce((s, d) => s + d.backlogs.reduce((a, b) => a + b.remaining.eid, 0), 0);
      expect(report.backlog.eid).toBe(backlog);
      const enrolled = routes.reduce((s, r) => s + r.stops.reduce((a, st) => a + st.quota.eid + st.homeVisits.eid, 0), 0);
      expect(report.enrolled.eid).toBeLessThanOrEqual(enrolled);
      expect(report.enrolled.eid + report.enrolled.cccd).toBeLessThanOrEqual(report.upperBound);
      expect(report.burndown.at(-1)!.remaining.eid).toBe(backlog - report.enrolled.eid);

      const planId = savePlan(db, { name: 'province', status: 'draft', fromDate: report.from, seed: 1, routes, report });
      expect(getPlan(db, planId)?.routes).toHaveLength(routes.length);
      // The merged routes hold up against the whole province's data, checked anew.
      expect(verifyPlan(instance, routes, report).violations).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
