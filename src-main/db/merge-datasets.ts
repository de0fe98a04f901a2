import type { DemoDataset } from '../core/demo';
import type { AreaUnit, LocationKey } from '../core/model';
import type { SeedData } from './seed';

/**
 * Joins independently generated district data sets (the province-scale demo) into one
 * SeedData. Every id is renumbered; `IdMaps` carries each district's old -> new ids. The
 * app plans such a database district by district (core/planner/districts.ts).
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
