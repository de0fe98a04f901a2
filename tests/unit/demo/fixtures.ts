import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCentroidsCsv, type CentroidRow, type CommuneOutlines } from '../../../src-main/core/demo';

/** The app's own resources: the demo must be reproducible without ../shared. */
export const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));

export const readResource = (path: string): string => readFileSync(`${RESOURCES}${path}`, 'utf8');

export const loadOutlines = (): CommuneOutlines => JSON.parse(readResource('geo/thuong-xuan-communes.geojson')) as CommuneOutlines;

export const loadCentroids = (): CentroidRow[] => parseCentroidsCsv(readResource('geo/thanh-hoa-communes-centroids.csv'));
