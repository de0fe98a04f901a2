import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open';
import { resourcesDir } from './paths';
import { seedDatabase, type OutlineFeature, type SeedData } from './seed';

export const DEMO_DATASET_FILE = 'demo/thuong-xuan.json';
export const DEMO_OUTLINES_FILE = 'geo/thuong-xuan-communes.geojson';

interface OutlineCollection {
  features: Array<{ properties: { gsoCode: string }; geometry: unknown }>;
}

export function readDemoData(): { data: SeedData; outlines: OutlineFeature[] } {
  const dir = resourcesDir();
  const data = JSON.parse(readFileSync(join(dir, DEMO_DATASET_FILE), 'utf8')) as SeedData;
  const geo = JSON.parse(readFileSync(join(dir, DEMO_OUTLINES_FILE), 'utf8')) as OutlineCollection;
  return { data, outlines: geo.features.map((f) => ({ gsoCode: f.properties.gsoCode, geometry: f.geometry })) };
}

/** Replaces everything with the demo district (the user has confirmed). */
export function resetToDemo(db: Db): void {
  const { data, outlines } = readDemoData();
  seedDatabase(db, data, outlines);
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM communes').get() as { n: number }).n === 0;
}
