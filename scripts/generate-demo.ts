/**
 * Builds the shipped demo files from the shared geo sources:
 *   resources/geo/thuong-xuan-communes.geojson   the 16 commune outlines (gsoCode, name)
 *   resources/geo/thanh-hoa-communes-centroids.csv  a copy, for the province benchmark
 *   resources/demo/thuong-xuan.json               the Thường Xuân demo data set
 * The data set is generated from the resource files just written, exactly as a test or
 * the app would, so the app never needs ../shared. Running it twice gives the same bytes.
 *
 *   npx tsx scripts/generate-demo.ts [--shared <dir>] [--out <resources dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  THUONG_XUAN, demoDataset, generateThuongXuan, parseCentroidsCsv, parseCsv, polygonsOf, roughCapacity, round5,
  type CommuneOutlines, type DemoDataset, type Outline,
} from '../src-main/core/demo';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : fallback;
}

interface SourceFeature {
  properties: { commune_id: string; district_id: string; commune_vn: string };
  geometry: Outline;
}

/**
 * The data set as JSON, keys in the model's order (parsing rebuilds every object in its
 * schema's key order, and refuses anything invalid), so the bytes depend on the data only.
 */
function datasetJson(dataset: DemoDataset): string {
  return `${JSON.stringify(demoDataset.parse(dataset), null, 2)}\n`;
}

/** One feature per line: small, and a changed outline is a one-line diff. */
function outlinesJson(outlines: CommuneOutlines): string {
  const lines = outlines.features.map((f) =>
    JSON.stringify({ type: f.type, properties: { gsoCode: f.properties.gsoCode, name: f.properties.name }, geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates } }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

const roundOutline = (g: Outline): number[][][][] =>
  polygonsOf(g).map((rings) => rings.map((ring) => ring.map(([lon, lat]) => [round5(lon!), round5(lat!)])));

function main(): void {
  const shared = arg('--shared', join(repo, '..', 'shared', 'geo'));
  const out = arg('--out', join(repo, 'resources'));
  mkdirSync(join(out, 'geo'), { recursive: true });
  mkdirSync(join(out, 'demo'), { recursive: true });

  // Which 2009 polygons make up each 2024 unit: its own, plus any commune merged into it.
  const units = parseCsv(readFileSync(join(shared, 'thuong_xuan_communes_2024.csv'), 'utf8'));
  const source = JSON.parse(readFileSync(join(shared, 'thanh_hoa_communes_2009.geojson'), 'utf8')) as { features: SourceFeature[] };
  const byCensusId = new Map(source.features.map((f) => [f.properties.commune_id, f]));
  const features: CommuneOutlines['features'] = units
    .map((u) => {
      const own = byCensusId.get(u.census2009_id ?? '');
      if (!own) throw new Error(`no outline for census id ${u.census2009_id} (${u.name})`);
      const merged = (THUONG_XUAN.mergedInto[u.gso_code ?? ''] ?? []).map((name) => {
        const f = source.features.find((g) => g.properties.commune_vn === name && g.properties.district_id === own.properties.district_id);
        if (!f) throw new Error(`no outline for merged commune ${name}`);
        return f;
      });
      const polygons = [own, ...merged].flatMap((f) => roundOutline(f.geometry));
      const geometry: Outline = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
      return { type: 'Feature' as const, properties: { gsoCode: u.gso_code ?? '', name: u.name ?? '' }, geometry };
    })
    .sort((a, b) => (a.properties.gsoCode < b.properties.gsoCode ? -1 : 1));
  const outlines: CommuneOutlines = { type: 'FeatureCollection', features };
  const outlinesPath = join(out, 'geo', 'thuong-xuan-communes.geojson');
  writeFileSync(outlinesPath, outlinesJson(outlines));

  const centroidsText = readFileSync(join(shared, 'thanh_hoa_communes_2009_centroids.csv'), 'utf8');
  writeFileSync(join(out, 'geo', 'thanh-hoa-communes-centroids.csv'), centroidsText);

  // Generate from what was written, as everyone else will read it.
  const dataset = generateThuongXuan(
    JSON.parse(readFileSync(outlinesPath, 'utf8')) as CommuneOutlines,
    parseCentroidsCsv(readFileSync(join(out, 'geo', 'thanh-hoa-communes-centroids.csv'), 'utf8')),
  );
  writeFileSync(join(out, 'demo', 'thuong-xuan.json'), datasetJson(dataset));

  const sum = (f: (b: (typeof dataset.backlogs)[number]) => number): number => dataset.backlogs.reduce((s, b) => s + f(b), 0);
  const cap = roughCapacity(dataset);
  console.log(
    [
      `communes ${dataset.communes.length}, hamlets ${dataset.hamlets.length}, population ${dataset.hamlets.reduce((s, h) => s + h.population, 0)}`,
      `backlog e-ID ${sum((b) => b.remaining.eid)}, CCCD ${sum((b) => b.remaining.cccd)}, homebound ${sum((b) => b.homebound.eid + b.homebound.cccd)}`,
      `teams ${dataset.teams.length}, members ${dataset.members.length}, vehicles ${dataset.vehicles.length}, measured pairs ${dataset.travel.length}`,
      `rough capacity ${cap.people} people in ${cap.shifts} team shifts = ${(cap.ratio * 100).toFixed(1)} % of the backlog (${cap.backlog.total})`,
    ].join('\n'),
  );
}

main();
