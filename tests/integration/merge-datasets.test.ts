import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset, generateProvince, parseCentroidsCsv, THANH_HOA_2024 } from '../../src-main/core/demo';
import { checkPlan, plan } from '../../src-main/core/planner';
import { getPlan, loadPlanningInstance, openMigrated, savePlan } from '../../src-main/db';
import { mergeDatasets, mergePlans } from '../../src-main/db/merge-datasets';
import { seedDatabase } from '../../src-main/db/seed';
import { tempDir } from '../helpers/tmp';

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

  it('seeds, and the districts planned apart merge into one plan the checker accepts on the merged data', async () => {
    const file = join(tmp.dir, 'province.sqlite');
    const db = openMigrated(file);
    try {
      seedDatabase(db, data, []);
      const plans = [];
      for (const d of districts) {
        plans.push(await plan({
          campaign: d.campaign, from: d.campaign.startDate, communes: d.communes, hamlets: d.hamlets, backlogs: d.backlogs,
          bases: d.bases, teams: d.teams, vehicles: d.vehicles, shiftTemplates: d.shiftTemplates, exceptions: d.exceptions,
          travel: d.travel, pinned: [], previous: [],
        }, { seed: 1, timeLimitSeconds: 0.5 }));
      }
      const merged = mergePlans(plans, maps);
      const r = merged.report;
      expect(merged.routes).toHaveLength(plans[0]!.routes.length + plans[1]!.routes.length);
      expect(r.backlog.eid).toBe(plans[0]!.report.backlog.eid + plans[1]!.report.backlog.eid);
      expect(r.enrolled.eid).toBe(plans[0]!.report.enrolled.eid + plans[1]!.report.enrolled.eid);
      expect(r.upperBound).toBe(plans[0]!.report.upperBound + plans[1]!.report.upperBound);
      expect(r.checker.valid).toBe(true);
      const last = r.burndown.at(-1)!;
      expect(last.remaining.eid).toBe(plans.reduce((s, p) => s + p.report.burndown.at(-1)!.remaining.eid, 0));

      const planId = savePlan(db, { name: 'province', status: 'draft', fromDate: r.from, seed: 1, routes: merged.routes, report: r });
      const stored = getPlan(db, planId);
      expect(stored?.routes).toHaveLength(merged.routes.length);
      // The merged routes hold up against the merged data as the app loads it.
      const instance = loadPlanningInstance(db);
      expect(checkPlan(instance, merged.routes, r).violations).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
