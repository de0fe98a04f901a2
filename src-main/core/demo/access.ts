import type { Backlog, IsoDate, PerService, ReachByKind, RoadClass } from '../model';
import { apportion } from './apportion';
import type { Rng } from './rng';
import type { Terrain } from './spec';

/** Per hamlet, what the access and backlog steps need to know. */
export interface AccessInput {
  /** Great-circle km from HQ. */
  distHqKm: number;
  /** Km from its commune centre, over how far the commune reaches (0..1). */
  offCentre: number;
  communeId: number;
  urban: boolean;
}

export interface Access {
  roadClass: RoadClass;
  motorbikeOnly: boolean;
  cutMonths: number[];
  /** 0 near HQ on the main road .. about 1 at the far end of the district. */
  remoteness: number;
}

const ROAD_SHARES: Record<Terrain, { paved: number; dirt: number }> = {
  // Cumulative shares by remoteness rank: the rest is forest track.
  mountain: { paved: 0.45, dirt: 0.85 },
  lowland: { paved: 0.75, dirt: 1 },
};

const RAINY_CUTS: readonly number[][] = [[7, 8, 9], [8, 9], [7, 8, 9, 10], [6, 7, 8]];
/** Late-season cuts that fall inside a year-end campaign. */
const LATE_CUTS: readonly number[][] = [[11], [12], [10, 11]];

/**
 * Road class by rank of remoteness (distance from HQ, and how far off the commune's main
 * road a hamlet lies): paved near the town and along the valley, dirt further out, forest
 * track for the most remote. Among forest tracks, the most remote are motorbike-only and
 * a few are cut for some months.
 */
export function assignAccess(rng: Rng, hamlets: readonly AccessInput[], terrain: Terrain): Access[] {
  const maxDist = Math.max(1, ...hamlets.map((h) => h.distHqKm));
  const remoteness = hamlets.map((h) => {
    const raw = 0.5 * (h.distHqKm / maxDist) + 0.5 * Math.min(1, h.offCentre) + rng.normal(0, 0.05);
    return h.urban ? raw * 0.3 : raw;
  });
  const order = remoteness.map((r, i) => ({ r, i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.i);
  const n = hamlets.length;
  const shares = ROAD_SHARES[terrain];
  const out: Access[] = hamlets.map((_, i) => ({ roadClass: 'paved', motorbikeOnly: false, cutMonths: [], remoteness: Math.max(0, remoteness[i]!) }));
  order.forEach((i, rank) => {
    const q = (rank + 0.5) / n;
    out[i]!.roadClass = q < shares.paved ? 'paved' : q < shares.dirt ? 'dirt' : 'forest';
  });
  if (terrain === 'lowland') return out;

  // Most remote first.
  const remoteFirst = [...order].reverse();
  const forest = remoteFirst.filter((i) => out[i]!.roadClass === 'forest');
  // Motorbike-only: the most remote forest tracks, at most three per commune so every
  // remote commune has some, not one commune all of them.
  const motorbikeCount = Math.min(forest.length, Math.max(1, Math.round(0.065 * n)));
  const perCommune = new Map<number, number>();
  let marked = 0;
  for (const i of forest) {
    if (marked >= motorbikeCount) break;
    const c = hamlets[i]!.communeId;
    if ((perCommune.get(c) ?? 0) >= 3) continue;
    perCommune.set(c, (perCommune.get(c) ?? 0) + 1);
    out[i]!.motorbikeOnly = true;
    marked++;
  }

  const cutCount = Math.min(6, Math.max(4, Math.round(0.033 * n)));
  const lateCount = Math.min(3, Math.max(2, Math.floor(cutCount / 2)));
  // Candidates: the remote quarter, forest or dirt; drawn, not simply the top, so cuts spread.
  const candidates = rng.shuffle(remoteFirst.slice(0, Math.max(cutCount, Math.ceil(n / 4))).filter((i) => out[i]!.roadClass !== 'paved'));
  const late = rng.shuffle(LATE_CUTS);
  candidates.slice(0, cutCount).forEach((i, k) => {
    out[i]!.cutMonths = k < lateCount ? [...late[k % late.length]!] : [...rng.pick(RAINY_CUTS)];
  });
  return out;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Share of the unenrolled met per kind of shift: few by day (fields), many in the evening and at weekends. */
export function drawReach(rng: Rng): ReachByKind {
  return {
    weekday_day: round2(rng.uniform(0.1, 0.25)),
    weekday_evening: round2(rng.uniform(0.55, 0.8)),
    weekend: round2(rng.uniform(0.65, 0.9)),
  };
}

/**
 * Backlogs summing exactly to the targets: proportional to population with noise (remote
 * hamlets lag behind), largest remainders, capped so e-ID + CCCD never exceeds the people
 * living there; a homebound share of 3-6 %.
 */
export function apportionBacklogs(
  rng: Rng,
  hamlets: ReadonlyArray<{ id: number; population: number; remoteness: number }>,
  targets: PerService,
  countedOn: IsoDate,
): Backlog[] {
  const eidWeights = hamlets.map((h) => h.population * (0.9 + 0.25 * Math.min(1, h.remoteness)) * Math.exp(rng.normal(0, 0.12)));
  const eid = apportion(targets.eid, eidWeights, hamlets.map((h) => Math.floor(0.9 * h.population)));
  const cccdWeights = hamlets.map((h) => h.population * (0.5 + Math.min(1, h.remoteness)) * Math.exp(rng.normal(0, 0.5)));
  const cccdCaps = hamlets.map((h, i) => Math.min(Math.floor(0.08 * h.population), h.population - eid[i]!));
  const cccd = apportion(targets.cccd, cccdWeights, cccdCaps);
  return hamlets.map((h, i) => {
    const remaining = { cccd: cccd[i]!, eid: eid[i]! };
    const homebound = {
      cccd: Math.min(remaining.cccd, Math.round(remaining.cccd * rng.uniform(0.03, 0.06))),
      eid: Math.min(remaining.eid, Math.round(remaining.eid * rng.uniform(0.03, 0.06))),
    };
    return { hamletId: h.id, remaining, homebound, countedOn };
  });
}
