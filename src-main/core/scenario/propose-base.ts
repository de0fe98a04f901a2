import type { Base, PlanningInstance, Shortfall } from '../model';
import { greatCircleM } from '../travel/estimate';

/** Where borrowed teams would do most good, and why, in figures a manager can check. */
export interface BaseProposal {
  baseId: number;
  baseName: string;
  /** The commune with the most people still short at the deadline, and how many. */
  communeName: string;
  communeMissing: number;
  /** People short at the deadline over the whole area. */
  missing: number;
  /** Their mean distance from the proposed base, in km (as the crow flies). */
  meanKm: number;
}

/**
 * The base closest to the people still short at the deadline: the one with the least
 * distance to them, each short hamlet weighted by its people short (a weighted 1-median over
 * the bases, as the crow flies: a proposal the manager may change, not a route). Bases of a
 * team that could not work anyway are not excluded: any base can take borrowed teams with
 * their own vehicles. Null when nobody is short or there is no base.
 */
export function proposeBase(instance: PlanningInstance, shortfall: readonly Shortfall[]): BaseProposal | null {
  const hamlets = new Map(instance.hamlets.map((h) => [h.id, h]));
  const short = shortfall
    .map((s) => ({ hamlet: hamlets.get(s.hamletId), communeId: s.communeId, people: s.missing.cccd + s.missing.eid }))
    .filter((s): s is { hamlet: NonNullable<typeof s.hamlet>; communeId: number; people: number } => s.hamlet !== undefined && s.people > 0);
  const missing = short.reduce((sum, s) => sum + s.people, 0);
  if (missing === 0 || instance.bases.length === 0) return null;
  const cost = (base: Base): number => short.reduce((sum, s) => sum + s.people * greatCircleM(base.lat, base.lon, s.hamlet.lat, s.hamlet.lon), 0);
  // Ties go to the lower id, so the proposal is the same every time.
  const [best] = instance.bases.map((base) => ({ base, cost: cost(base) })).sort((a, b) => a.cost - b.cost || a.base.id - b.base.id);
  const byCommune = new Map<number, number>();
  for (const s of short) byCommune.set(s.communeId, (byCommune.get(s.communeId) ?? 0) + s.people);
  const [communeId, communeMissing] = [...byCommune].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  return {
    baseId: best!.base.id,
    baseName: best!.base.name,
    communeName: instance.communes.find((c) => c.id === communeId)?.name ?? `#${communeId}`,
    communeMissing,
    missing,
    meanKm: Math.round(best!.cost / missing / 100) / 10,
  };
}
