import type { Base, Commune } from '../model';
import { apportion } from './apportion';
import {
  boundingBox, distanceKm, offsetKm, outlineAreaKm2, pointInOutline, reachKm, round5, sampleInDisc, sampleInOutline,
  type LatLon,
} from './geometry';
import {
  BAN_NAMES, LANG_NAMES, THON_NAMES, type Ethnicity, unitInPhrase, uniquePersonName, uniquePhone,
} from './names';
import type { Rng } from './rng';
import type { DemoCommuneInput, HamletRule } from './spec';

/** What the generator knows about a commune beyond the model's fields. */
export interface CommuneInfo {
  id: number;
  input: DemoCommuneInput;
  /** 'town' (thị trấn: khu phố), 'ward' (phường: tổ dân phố) or rural. */
  urban: 'town' | 'ward' | null;
  isHqCommune: boolean;
  distHqKm: number;
  /** Distance from HQ over the farthest commune's: 0 at HQ, 1 at the far end. */
  remoteness: number;
  /** How far its territory reaches from the centre, km. */
  reachKm: number;
  areaKm2: number;
  ethnicMix: Record<Ethnicity, number>;
}

/** A hamlet's name and what follows from it (who lives there, what its head is called). */
export interface HamletName {
  ethnicity: Ethnicity;
  name: string;
  /** "thôn", "bản", "làng", "khu phố", "tổ dân phố". */
  kindWord: string;
  headTitle: string;
}

function urbanKind(name: string): CommuneInfo['urban'] {
  if (name.startsWith('Phường')) return 'ward';
  if (name.startsWith('Thị trấn')) return 'town';
  return null;
}

export function describeCommunes(inputs: readonly DemoCommuneInput[], townCode: string): { info: CommuneInfo[]; hq: LatLon } {
  const town = inputs.find((c) => c.gsoCode === townCode);
  if (!town) throw new Error(`town ${townCode} is not among the communes`);
  const hq = { lat: town.lat, lon: town.lon };
  const dists = inputs.map((c) => distanceKm(hq, c));
  const maxDist = Math.max(1, ...dists);
  const info = inputs.map((input, i): CommuneInfo => {
    const areaKm2 = input.outline ? outlineAreaKm2(input.outline) : Math.max(0.5, input.areaKm2 ?? 25);
    const reach = input.outline ? reachKm(input.outline, input) : Math.sqrt(areaKm2 / Math.PI);
    const remoteness = dists[i]! / maxDist;
    const urban = urbanKind(input.name);
    // Kinh live in towns and along the valley, Thái and Mường further up.
    const ethnicMix: Record<Ethnicity, number> = urban
      ? { kinh: 1, thai: 0, muong: 0 }
      : { kinh: Math.max(0.05, 0.6 - 0.6 * remoteness), thai: 0.15 + 0.7 * remoteness, muong: 0.25 };
    return { id: i + 1, input, urban, isHqCommune: input.gsoCode === townCode, distHqKm: dists[i]!, remoteness, reachKm: reach, areaKm2, ethnicMix };
  });
  return { info, hq };
}

export function buildCommunes(info: readonly CommuneInfo[], areaId: number, populations: readonly number[]): Commune[] {
  return info.map((c, i) => ({
    id: c.id,
    areaId,
    code: c.input.gsoCode,
    name: c.input.name,
    lat: c.input.lat,
    lon: c.input.lon,
    population: populations[i]!,
  }));
}

export function hamletCounts(rng: Rng, info: readonly CommuneInfo[], rule: HamletRule): number[] {
  const pops = info.map((c) => c.input.population2009);
  const lo = Math.min(...pops);
  const hi = Math.max(...pops);
  return info.map((c) => {
    const jitter = rng.uniform(-0.5, 0.5);
    const raw = rule.kind === 'district'
      ? rule.min + ((rule.max - rule.min) * (c.input.population2009 - lo)) / Math.max(1, hi - lo) + jitter
      : (c.input.population2009 / rule.peoplePerHamlet) * rng.uniform(0.85, 1.15);
    return Math.min(rule.max, Math.max(rule.min, Math.round(raw)));
  });
}

/**
 * Points inside the commune: the first at the commune seat, about a third more in the
 * built-up core around it, the rest anywhere inside the outline (or the disc standing in
 * for it), kept apart so markers do not pile up.
 */
export function hamletPositions(rng: Rng, c: CommuneInfo, count: number): LatLon[] {
  const outline = c.input.outline;
  const box = outline ? boundingBox(outline) : null;
  const centre = { lat: c.input.lat, lon: c.input.lon };
  const centreInside = outline ? pointInOutline(outline, centre) : true;
  const radius = Math.max(0.8, outline ? c.reachKm : c.reachKm * 0.9);
  const minGapKm = 0.45 * Math.sqrt(c.areaKm2 / Math.max(1, count));
  const inside = (p: LatLon): boolean => (outline ? pointInOutline(outline, p) : distanceKm(centre, p) <= radius);
  const out: LatLon[] = [];
  for (let k = 0; k < count; k++) {
    let best: LatLon | null = null;
    let bestGap = -1;
    for (let attempt = 0; attempt < 40; attempt++) {
      let p: LatLon | null;
      if (k === 0) p = centreInside ? offsetKm(centre, rng.uniform(0.2, 0.6), rng.uniform(0, 2 * Math.PI)) : null;
      else if (rng.chance(0.35)) p = sampleInDisc(rng, centre, Math.max(0.6, radius * 0.3));
      else p = outline && box ? sampleInOutline(rng, outline, box) : sampleInDisc(rng, centre, radius);
      if (p === null || !inside(p)) continue;
      const gap = out.reduce((m, q) => Math.min(m, distanceKm(p, q)), Infinity);
      if (gap > bestGap) {
        best = p;
        bestGap = gap;
      }
      if (gap >= minGapKm) break;
    }
    // An outline too thin to hit: fall back to a small disc around the centre.
    best ??= sampleInDisc(rng, centre, Math.min(radius, 1.5));
    out.push({ lat: round5(best.lat), lon: round5(best.lon) });
  }
  return out;
}

function drawEthnicity(rng: Rng, mix: Record<Ethnicity, number>): Ethnicity {
  const total = mix.kinh + mix.thai + mix.muong;
  let u = rng.uniform(0, total);
  for (const e of ['kinh', 'thai', 'muong'] as const) {
    u -= mix[e];
    if (u < 0) return e;
  }
  return 'kinh';
}

/** Names without repeats inside the commune: Khu phố / Tổ dân phố N in towns, else Thôn, Bản, Làng. */
export function nameHamlets(rng: Rng, c: CommuneInfo, count: number): HamletName[] {
  if (c.urban) {
    const word = c.urban === 'ward' ? 'Tổ dân phố' : 'Khu phố';
    const headTitle = c.urban === 'ward' ? 'Tổ trưởng tổ dân phố' : 'Trưởng khu phố';
    return Array.from({ length: count }, (_, k) => ({ ethnicity: 'kinh' as const, name: `${word} ${k + 1}`, kindWord: word.toLowerCase(), headTitle }));
  }
  const ban = rng.shuffle(BAN_NAMES);
  const lang = rng.shuffle(LANG_NAMES);
  const thon = rng.shuffle(THON_NAMES);
  const numberedThon = rng.chance(0.6);
  let thonNumber = 0;
  const used = new Set<string>();
  const out: HamletName[] = [];
  for (let k = 0; k < count; k++) {
    const ethnicity = drawEthnicity(rng, c.ethnicMix);
    let name: string | undefined;
    if (ethnicity === 'thai') name = ban.length ? `Bản ${ban.pop()}` : undefined;
    else if (ethnicity === 'muong') name = lang.length ? `Làng ${lang.pop()}` : undefined;
    else if (!numberedThon && thon.length) name = `Thôn ${thon.pop()}`;
    // Lists exhausted or a numbered-thôn commune: Thôn 1, Thôn 2 ...
    while (name === undefined || used.has(name)) name = `Thôn ${++thonNumber}`;
    used.add(name);
    const kindWord = name.split(' ')[0]!.toLowerCase();
    out.push({ ethnicity, name, kindWord, headTitle: kindWord === 'bản' ? 'Trưởng bản' : 'Trưởng thôn' });
  }
  return out;
}

/** Commune population split over its hamlets; the seat (first) is the largest on average. */
export function hamletPopulations(rng: Rng, communePopulation: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, k) => Math.exp(rng.normal(0, 0.35)) * (k === 0 ? 1.5 : 1));
  return apportion(communePopulation, weights);
}

export function hamletVenueAndContact(
  rng: Rng,
  draft: HamletName,
  usedNames: Set<string>,
  usedPhones: Set<string>,
): { venue: string; contact: string } {
  // "Bản Vịn" -> "bản Vịn", "Khu phố 1" -> "khu phố 1": the kind word is lower case mid-phrase.
  const place = `${draft.kindWord}${draft.name.slice(draft.kindWord.length)}`;
  const hall = draft.kindWord === 'bản' && rng.chance(0.3) ? 'Nhà sinh hoạt cộng đồng' : 'Nhà văn hóa';
  const head = uniquePersonName(rng, draft.ethnicity, rng.chance(0.15), usedNames);
  return { venue: `${hall} ${place}`, contact: `${draft.headTitle} ${head}, ${uniquePhone(rng, usedPhones)}` };
}

export function buildBases(info: readonly CommuneInfo[], hq: LatLon, districtName: string, rng: Rng): Base[] {
  const bases: Base[] = [{ id: 1, kind: 'hq', name: `Công an ${unitInPhrase(districtName)}`, communeId: null, lat: round5(hq.lat), lon: round5(hq.lon) }];
  for (const c of info) {
    // The post of the HQ's own commune sits a few hundred metres away, not on top of HQ.
    const at = c.isHqCommune ? offsetKm(hq, rng.uniform(0.3, 0.6), rng.uniform(0, 2 * Math.PI)) : { lat: c.input.lat, lon: c.input.lon };
    bases.push({ id: bases.length + 1, kind: 'post', name: `Công an ${unitInPhrase(c.input.name)}`, communeId: c.id, lat: round5(at.lat), lon: round5(at.lon) });
  }
  return bases;
}
