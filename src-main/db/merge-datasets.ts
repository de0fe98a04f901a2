import type { DemoDataset } from '../core/demo';
import type { AreaUnit, BurndownPoint, LocationKey, PlanReport, Route } from '../core/model';
import type { SeedData } from './seed';

/**
 * Joins independently generated district data sets (the province-scale demo) into one
 * SeedData, and the districts' separately planned routes into one plan. Every id is
 * renumbered; `IdMaps` carries each district's old -> new ids so its plan can follow.
 */

export interface IdMaps {
  area: Map<number, number>;
  commune: Map<number, number>;
  hamlet: Map<number, number>;
  base: Map<number, number>;
  team: Map<number, number>;
  vehicle: Map<number, number>;
  template: Map<number, number>;
}

export interface MergedDatasets {
  data: SeedData;
  /** One per input data set, in the same order. */
  maps: IdMaps[];
}

export interface MergeOptions {
  /** Replaces the data set label (settings 'dataset'). */
  label?: string;
}

function must<T>(map: Map<number, T>, id: number, what: string): T {
  const v = map.get(id);
  if (v === undefined) throw new Error(`merge: unknown ${what} id ${id}`);
  return v;
}

/** Hands out consecutive ids across data sets, one counter per kind of row. */
function renumber<T extends { id: number }>(rows: readonly T[], next: { value: number }): Map<number, number> {
  const map = new Map<number, number>();
  for (const r of rows) map.set(r.id, next.value++);
  return map;
}

/** "Huyện Thường Xuân" -> "Thường Xuân": the tag appended to names that repeat across districts. */
const shortName = (districtName: string): string => districtName.replace(/^(Huyện|Thị xã|Thành phố)\s+/u, '');

/**
 * One province over many districts. The province becomes the single area flagged
 * `isPlanningArea` (the app labels the campaign with that area); the districts stay as
 * its children, each commune under its own district. Shift templates and calendar
 * exceptions must agree across data sets and are kept once. Team and vehicle codes and
 * names repeat across districts ("LD-01", "Tổ lưu động số 1"), so they get the district
 * code (codes are unique in the database) and short name.
 */
export function mergeDatasets(datasets: readonly DemoDataset[], options: MergeOptions = {}): MergedDatasets {
  const first = datasets[0];
  if (!first) throw new Error('merge: no data sets');
  const province = first.areas.find((a) => a.level === 'province');
  if (!province) throw new Error('merge: the first data set has no province area');

  const templateKey = (d: DemoDataset): string => JSON.stringify(d.shiftTemplates.map(({ id: _id, ...t }) => t));
  const exceptionKey = (d: DemoDataset): string => JSON.stringify(d.exceptions);
  for (const d of datasets) {
    if (d.areas.find((a) => a.level === 'province')?.code !== province.code) throw new Error(`merge: ${d.meta.label} is in another province`);
    if (templateKey(d) !== templateKey(first)) throw new Error(`merge: ${d.meta.label} has other shift templates`);
    if (exceptionKey(d) !== exceptionKey(first)) throw new Error(`merge: ${d.meta.label} has other calendar exceptions`);
    if (JSON.stringify(d.campaign) !== JSON.stringify(first.campaign)) throw new Error(`merge: ${d.meta.label} has another campaign`);
  }

  const PROVINCE_ID = 1;
  const areas: AreaUnit[] = [{ ...province, id: PROVINCE_ID, parentId: null, isPlanningArea: true }];
  const shiftTemplates = first.shiftTemplates.map((t, i) => ({ ...t, id: i + 1 }));
  const templateIdByCode = new Map(shiftTemplates.map((t) => [t.code, t.id]));
  const next = {
    area: { value: PROVINCE_ID + 1 }, commune: { value: 1 }, hamlet: { value: 1 }, base: { value: 1 }, team: { value: 1 },
    member: { value: 1 }, vehicle: { value: 1 },
  };
  const data: SeedData = {
    meta: { ...first.meta, label: options.label ?? `${province.name}: ${datasets.length} planning areas (illustrative data)` },
    areas, communes: [], hamlets: [], backlogs: [], bases: [], teams: [], members: [], vehicles: [],
    shiftTemplates, exceptions: [...first.exceptions], campaign: { ...first.campaign }, travel: [],
  };
  const vehicleCodes = new Set<string>();
  const maps = datasets.map((d): IdMaps => {
    const districts = d.areas.filter((a) => a.level !== 'province');
    const area = new Map<number, number>();
    for (const a of d.areas) if (a.level === 'province') area.set(a.id, PROVINCE_ID);
    for (const [oldId, newId] of renumber(districts, next.area)) area.set(oldId, newId);
    const districtArea = districts.find((a) => a.isPlanningArea) ?? districts[0];
    const tag = districtArea ? shortName(districtArea.name) : d.meta.label;
    const codeTag = districtArea?.code ?? String(datasets.indexOf(d) + 1);
    const m: IdMaps = {
      area,
      commune: renumber(d.communes, next.commune),
      hamlet: renumber(d.hamlets, next.hamlet),
      base: renumber(d.bases, next.base),
      team: renumber(d.teams, next.team),
      vehicle: renumber(d.vehicles, next.vehicle),
      template: new Map(d.shiftTemplates.map((t) => [t.id, templateIdByCode.get(t.code) ?? 0])),
    };
    const member = renumber(d.members, next.member);
    for (const a of districts) {
      data.areas.push({ ...a, id: must(area, a.id, 'area'), parentId: a.parentId === null ? null : must(area, a.parentId, 'area'), isPlanningArea: false });
    }
    data.communes.push(...d.communes.map((c) => ({ ...c, id: must(m.commune, c.id, 'commune'), areaId: must(area, c.areaId, 'area') })));
    data.hamlets.push(...d.hamlets.map((h) => ({ ...h, id: must(m.hamlet, h.id, 'hamlet'), communeId: must(m.commune, h.communeId, 'commune') })));
    data.backlogs.push(...d.backlogs.map((b) => ({ ...b, hamletId: must(m.hamlet, b.hamletId, 'hamlet') })));
    data.bases.push(...d.bases.map((b) => ({
      ...b, id: must(m.base, b.id, 'base'), communeId: b.communeId === null ? null : must(m.commune, b.communeId, 'commune'),
    })));
    data.teams.push(...d.teams.map((t) => ({
      ...t, id: must(m.team, t.id, 'team'), baseId: must(m.base, t.baseId, 'base'), code: `${codeTag}-${t.code}`, name: `${t.name} (${tag})`,
    })));
    data.members.push(...d.members.map((p) => ({ ...p, id: must(member, p.id, 'member'), teamId: must(m.team, p.teamId, 'team') })));
    data.vehicles.push(...d.vehicles.map((v) => {
      let code = v.code;
      for (let k = 2; vehicleCodes.has(code); k++) code = `${v.code}/${k}`;
      vehicleCodes.add(code);
      return { ...v, id: must(m.vehicle, v.id, 'vehicle'), baseId: must(m.base, v.baseId, 'base'), code, name: `${v.name} (${tag})` };
    }));
    const key = (k: LocationKey): LocationKey => {
      const oldId = Number(k.slice(2));
      return k.startsWith('b:') ? `b:${must(m.base, oldId, 'base')}` : `h:${must(m.hamlet, oldId, 'hamlet')}`;
    };
    data.travel.push(...d.travel.map((p) => ({ ...p, from: key(p.from), to: key(p.to) })));
    return m;
  });
  return { data, maps };
}

export interface DistrictPlan {
  routes: Route[];
  report: PlanReport;
}

/** Remaining per service on `date` from one district's burn-down (steps; before its first point: its backlog). */
function remainingOn(report: PlanReport, date: string): { cccd: number; eid: number } {
  let value = report.backlog;
  for (const p of report.burndown) {
    if (p.date > date) break;
    value = p.remaining;
  }
  return value;
}

/**
 * One plan from the districts' plans (same order as the data sets given to mergeDatasets).
 * Totals are summed, the burn-down summed day by day, the deadline met only if every
 * district meets it, the clearance date the latest one (null if any district never
 * clears), the checker valid only if every district's plan is; violations keep their
 * route index in the merged route list. Imbalance is the worst district's.
 */
export function mergePlans(plans: readonly DistrictPlan[], maps: readonly IdMaps[]): DistrictPlan {
  const first = plans[0];
  if (!first) throw new Error('merge: no plans');
  if (plans.length !== maps.length) throw new Error('merge: one id map per plan is needed');
  const routes: Route[] = [];
  const violations: PlanReport['checker']['violations'] = [];
  plans.forEach((p, i) => {
    const m = maps[i]!;
    const offset = routes.length;
    routes.push(...p.routes.map((r): Route => ({
      ...r,
      templateId: must(m.template, r.templateId, 'template'),
      teamId: must(m.team, r.teamId, 'team'),
      baseId: must(m.base, r.baseId, 'base'),
      vehicleIds: r.vehicleIds.map((v) => must(m.vehicle, v, 'vehicle')),
      stops: r.stops.map((s) => ({ ...s, hamletId: must(m.hamlet, s.hamletId, 'hamlet') })),
    })));
    violations.push(...p.report.checker.violations.map((v) => ({ ...v, routeIndex: v.routeIndex === null ? null : v.routeIndex + offset })));
  });
  const reports = plans.map((p) => p.report);
  const sum = (f: (r: PlanReport) => number): number => reports.reduce((s, r) => s + f(r), 0);
  const dates = [...new Set(reports.flatMap((r) => r.burndown.map((p) => p.date)))].sort();
  const burndown: BurndownPoint[] = dates.map((date) => ({
    date,
    remaining: reports.reduce((s, r) => {
      const v = remainingOn(r, date);
      return { cccd: s.cccd + v.cccd, eid: s.eid + v.eid };
    }, { cccd: 0, eid: 0 }),
  }));
  const clearances = reports.map((r) => r.clearanceDate);
  const report: PlanReport = {
    from: reports.map((r) => r.from).sort()[0]!,
    deadline: reports.map((r) => r.deadline).sort().at(-1)!,
    backlog: { cccd: sum((r) => r.backlog.cccd), eid: sum((r) => r.backlog.eid) },
    enrolled: { cccd: sum((r) => r.enrolled.cccd), eid: sum((r) => r.enrolled.eid) },
    upperBound: sum((r) => r.upperBound),
    clearanceDate: clearances.some((c) => c === null) ? null : (clearances as string[]).sort().at(-1) ?? null,
    deadlineMet: reports.every((r) => r.deadlineMet),
    shortfall: plans.flatMap((p, i) => p.report.shortfall.map((s) => ({
      ...s, hamletId: must(maps[i]!.hamlet, s.hamletId, 'hamlet'), communeId: must(maps[i]!.commune, s.communeId, 'commune'),
    }))),
    burndown,
    objectives: {
      weightedEnrolled: sum((r) => r.objectives.weightedEnrolled),
      imbalance: Math.max(...reports.map((r) => r.objectives.imbalance)),
      distanceM: sum((r) => r.objectives.distanceM),
      cost: sum((r) => r.objectives.cost),
      changes: sum((r) => r.objectives.changes),
    },
    shifts: sum((r) => r.shifts),
    checker: { valid: reports.every((r) => r.checker.valid), violations },
    seconds: sum((r) => r.seconds),
    seed: first.report.seed,
  };
  return { routes, report };
}
