import { baseKey, hamletKey, type LocationKey } from '../model';
import { sameName } from './cells';
import type { Problem } from './issues';

/** The rows other lists point at, as plain data: files name them by code or name, the database by id. */
export interface RefData {
  /** The planning area new communes belong to. */
  planningAreaId: number | null;
  communes: Array<{ id: number; code: string; name: string }>;
  bases: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; code: string }>;
  hamlets: Array<{ id: number; code: string; communeId: number }>;
}

export type Resolved = { id: number } | Problem;
export const isProblem = (r: unknown): r is Problem => typeof r === 'object' && r !== null && 'key' in r;

/** "Xã Bát Mọt", "xã bát mọt" and "Bát Mọt" name the same commune. */
const withoutPrefix = (s: string): string => sameName(s).replace(/^(xã|thị trấn|phường|tt\.?|x\.)\s+/u, '');

function indexBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Looks references up by what a person types: a code, or a name (case and spacing do not matter). */
export class RefIndex {
  private readonly communeByCode: Map<string, { id: number; code: string; name: string }>;
  private readonly communeByName: Map<string, Array<{ id: number; code: string; name: string }>>;
  private readonly communeByShortName: Map<string, Array<{ id: number; code: string; name: string }>>;
  private readonly baseByName: Map<string, Array<{ id: number; name: string }>>;
  private readonly teamByCode: Map<string, { id: number; code: string }>;
  private readonly hamletByCode: Map<string, { id: number; code: string; communeId: number }>;
  private readonly hamletCodeById: Map<number, string>;

  constructor(readonly data: RefData) {
    this.communeByCode = new Map(data.communes.map((c) => [c.code, c]));
    this.communeByName = indexBy(data.communes, (c) => sameName(c.name));
    this.communeByShortName = indexBy(data.communes, (c) => withoutPrefix(c.name));
    this.baseByName = indexBy(data.bases, (b) => sameName(b.name));
    this.teamByCode = new Map(data.teams.map((t) => [t.code, t]));
    this.hamletByCode = new Map(data.hamlets.map((h) => [h.code, h]));
    this.hamletCodeById = new Map(data.hamlets.map((h) => [h.id, h.code]));
  }

  commune(value: string): Resolved {
    const byCode = this.communeByCode.get(value.trim());
    if (byCode) return { id: byCode.id };
    const found = this.communeByName.get(sameName(value)) ?? this.communeByShortName.get(withoutPrefix(value)) ?? [];
    if (found.length === 1) return { id: found[0]!.id };
    return { key: found.length > 1 ? 'ambiguousCommune' : 'unknownCommune', params: { value } };
  }
  communeName(id: number | null): string {
    return id === null ? '' : this.data.communes.find((c) => c.id === id)?.name ?? '';
  }
  communeCode(id: number): string {
    return this.data.communes.find((c) => c.id === id)?.code ?? '';
  }

  base(value: string): Resolved {
    const found = this.baseByName.get(sameName(value)) ?? [];
    if (found.length === 1) return { id: found[0]!.id };
    return { key: found.length > 1 ? 'ambiguousBase' : 'unknownBase', params: { value } };
  }
  baseName(id: number): string {
    return this.data.bases.find((b) => b.id === id)?.name ?? '';
  }

  team(value: string): Resolved {
    const t = this.teamByCode.get(value.trim());
    return t ? { id: t.id } : { key: 'unknownTeam', params: { value } };
  }
  teamCode(id: number): string {
    return this.data.teams.find((t) => t.id === id)?.code ?? '';
  }

  hamletCodes(): Set<string> {
    return new Set(this.hamletByCode.keys());
  }

  /** A travel end: a hamlet code, a base name, or a raw key (h:12, b:3). */
  location(value: string): LocationKey | Problem {
    const v = value.trim();
    const raw = /^([bh]):(\d+)$/.exec(v);
    if (raw) {
      const id = Number(raw[2]);
      const known = raw[1] === 'h' ? this.hamletCodeById.has(id) : this.data.bases.some((b) => b.id === id);
      if (known) return v as LocationKey;
    }
    const hamlet = this.hamletByCode.get(v);
    if (hamlet) return hamletKey(hamlet.id);
    const base = this.base(v);
    if (!isProblem(base)) return baseKey(base.id);
    return { key: 'unknownLocation', params: { value } };
  }
  /** How the list itself spells a reference (a commune given by code becomes its name): null if unknown. */
  canonical(kind: 'commune' | 'base' | 'team' | 'location', value: string): string | null {
    if (kind === 'location') {
      const key = this.location(value);
      return typeof key === 'string' ? this.locationLabel(key) : null;
    }
    const found = kind === 'commune' ? this.commune(value) : kind === 'base' ? this.base(value) : this.team(value);
    if (isProblem(found)) return null;
    return kind === 'commune' ? this.communeName(found.id) : kind === 'base' ? this.baseName(found.id) : this.teamCode(found.id);
  }

  locationLabel(key: string): string {
    const [kind, id] = [key.slice(0, 1), Number(key.slice(2))];
    return kind === 'h' ? this.hamletCodeById.get(id) ?? key : this.baseName(id) || key;
  }
}
