import { shortestPaths } from '../prepare/paths';
import type { Prepared } from '../prepare/prepared';

const CELL_MINUTES = 6;
const CELL_SIZE = 8;
/** Beyond this many locations Floyd-Warshall is too slow; raw in/out minima stay valid. */
const MAX_PATH_NODES = 800;
/** Beyond this many locations the detours (a cubic search) are left at 0, which is valid. */
const MAX_DETOUR_NODES = 400;

export interface Geometry {
  /** Shortest round trip from a base to a hamlet (node indices). */
  roundTrip: (base: number, hamlet: number) => number;
  /** Hamlets close together that behave alike (indices into prepared.hamlets). */
  cells: number[][];
  /**
   * Per cell, the least a route lengthens by stopping at one of its hamlets on the way to
   * somewhere else: min over its hamlets h and places a, b ≠ h of sp(a,h) + sp(h,b) − sp(a,b).
   * Shortest paths keep the triangle inequality, so taking such a stop out of any route
   * shortens it by at least this: a route lasts at least the round trip to its farthest stop
   * plus the detours of all its other stops.
   */
  detours: number[];
}

/** Round-trip lower bounds, the cells and their detours. */
export function geometry(prepared: Prepared): Geometry {
  const nodeCount = prepared.nodeCount;
  if (nodeCount > MAX_PATH_NODES) return withoutPaths(prepared);
  const sp = shortestPaths(prepared.minutes, nodeCount);
  const between = (a: number, b: number): number => sp[a * nodeCount + b]!;
  const cells: { key: string; seed: number; members: number[] }[] = [];
  prepared.hamlets.forEach((ph, hamletIndex) => {
    const key = `${ph.roadMask}|${ph.moto}|${ph.hamlet.cutMonths.join(',')}`;
    const near = cells.find((c) => c.key === key && c.members.length < CELL_SIZE
      && between(ph.node, prepared.hamlets[c.seed]!.node) <= CELL_MINUTES && between(prepared.hamlets[c.seed]!.node, ph.node) <= CELL_MINUTES);
    if (near) near.members.push(hamletIndex);
    else cells.push({ key, seed: hamletIndex, members: [hamletIndex] });
  });
  const members = cells.map((c) => c.members);
  const detours = nodeCount <= MAX_DETOUR_NODES
    ? members.map((hamlets) => Math.min(...hamlets.map((h) => detourAt(prepared.hamlets[h]!.node, nodeCount, sp)))) : members.map(() => 0);
  return { roundTrip: (b, h) => between(b, h) + between(h, b), cells: members, detours };
}

/**
 * Without shortest paths, any leg into (out of) a place is at least its cheapest arrival
 * (departure); cells are then single hamlets, with no detour counted.
 */
function withoutPaths(prepared: Prepared): Geometry {
  const nodeCount = prepared.nodeCount;
  const inMin = new Float64Array(nodeCount).fill(Infinity);
  const outMin = new Float64Array(nodeCount).fill(Infinity);
  for (let i = 0; i < nodeCount; i++) {
    for (let j = 0; j < nodeCount; j++) {
      if (i === j) continue;
      const legMinutes = prepared.minutes[i * nodeCount + j]!;
      if (legMinutes < outMin[i]!) outMin[i] = legMinutes;
      if (legMinutes < inMin[j]!) inMin[j] = legMinutes;
    }
  }
  return { roundTrip: (_b, h) => inMin[h]! + outMin[h]!, cells: prepared.hamlets.map((_, h) => [h]), detours: prepared.hamlets.map(() => 0) };
}

/** min over places a, b ≠ h of sp(a,h) + sp(h,b) − sp(a,b) (never below 0 on shortest paths). */
function detourAt(h: number, nodeCount: number, sp: Float64Array): number {
  let least = Infinity;
  const fromH = h * nodeCount;
  for (let a = 0; a < nodeCount; a++) {
    if (a === h) continue;
    const into = sp[a * nodeCount + h]!;
    const fromA = a * nodeCount;
    for (let b = 0; b < nodeCount; b++) {
      if (b === h) continue;
      const extra = into + sp[fromH + b]! - sp[fromA + b]!;
      if (extra < least) least = extra;
    }
  }
  return Math.max(0, least === Infinity ? 0 : least);
}
