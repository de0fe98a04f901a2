import type { Outline } from './geometry';
import type { DemoCommuneInput } from './spec';

/**
 * Turning the geo files into generator input, as pure functions over their text or parsed
 * JSON: the caller (a script, a test, the app) reads the files. Everything here works from
 * `resources/geo` alone.
 */

/** One row of thanh-hoa-communes-centroids.csv (2009 units). */
export interface CentroidRow {
  communeId: string;
  districtId: string;
  provinceVn: string;
  districtVn: string;
  communeVn: string;
  population2009: number;
  /** Hectares, as in the file. */
  areaHa: number;
  lat: number;
  lon: number;
}

/** Plain comma-separated rows with a header; these files have no quoted fields. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (!header) return [];
  const cols = header.split(',').map((c) => c.trim());
  return rows.map((line, i) => {
    if (line.includes('"')) throw new Error(`row ${i + 2}: quoted fields are not supported`);
    const cells = line.split(',');
    if (cells.length !== cols.length) throw new Error(`row ${i + 2}: ${cells.length} fields, expected ${cols.length}`);
    return Object.fromEntries(cols.map((c, k) => [c, cells[k]!.trim()]));
  });
}

function num(row: Record<string, string>, col: string, line: number): number {
  const v = Number(row[col]);
  if (row[col] === undefined || row[col] === '' || !Number.isFinite(v)) throw new Error(`row ${line}: ${col} is not a number`);
  return v;
}

export function parseCentroidsCsv(text: string): CentroidRow[] {
  return parseCsv(text).map((r, i) => ({
    communeId: r.commune_id ?? '',
    districtId: r.district_id ?? '',
    provinceVn: r.province_vn ?? '',
    districtVn: r.district_vn ?? '',
    communeVn: r.commune_vn ?? '',
    population2009: num(r, 'population_2009', i + 2),
    areaHa: num(r, 'area', i + 2),
    lat: num(r, 'lat', i + 2),
    lon: num(r, 'lon', i + 2),
  }));
}

/** A GeoJSON feature collection of commune outlines, as written to resources/geo. */
export interface CommuneOutlines {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { gsoCode: string; name: string }; geometry: Outline }>;
}

export const THUONG_XUAN = {
  district: { code: '396', name: 'Huyện Thường Xuân', provinceName: 'Tỉnh Thanh Hóa', provinceCode: '38' },
  /** Thị trấn Thường Xuân: the district police HQ is there. */
  townCode: '15646',
  /**
   * Xã Xuân Cẩm was merged into the town in 2019: its 2009 outline and people belong to the
   * town now (the GSO list no longer has it), so the map has no hole where it was.
   */
  mergedInto: { '15646': ['Xã Xuân Cẩm'] } as Record<string, string[]>,
  targets: { population: 90_000, backlog: { cccd: 1_223, eid: 65_720 } },
  campaign: { name: 'Cao điểm 90 ngày đêm cấp CCCD và định danh điện tử', startDate: '2022-11-17', deadline: '2022-12-31' },
  seed: 20221117,
} as const;

/**
 * The 16 communes of Thường Xuân: outlines and names from the outline file, position,
 * 2009 population and area from the centroid table (matched by name inside the district).
 */
export function thuongXuanCommunes(outlines: CommuneOutlines, centroids: readonly CentroidRow[]): DemoCommuneInput[] {
  const inDistrict = centroids.filter((r) => r.districtVn === THUONG_XUAN.district.name);
  const byName = new Map(inDistrict.map((r) => [r.communeVn, r]));
  return outlines.features.map((f) => {
    const row = byName.get(f.properties.name);
    if (!row) throw new Error(`commune ${f.properties.name} (${f.properties.gsoCode}) is not in the centroid table`);
    const merged = (THUONG_XUAN.mergedInto[f.properties.gsoCode] ?? []).map((name) => {
      const m = byName.get(name);
      if (!m) throw new Error(`merged commune ${name} is not in the centroid table`);
      return m;
    });
    return {
      gsoCode: f.properties.gsoCode,
      name: f.properties.name,
      lat: row.lat,
      lon: row.lon,
      population2009: row.population2009 + merged.reduce((s, m) => s + m.population2009, 0),
      areaKm2: (row.areaHa + merged.reduce((s, m) => s + m.areaHa, 0)) / 100,
      outline: f.geometry,
    };
  });
}
