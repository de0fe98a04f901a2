import { z } from 'zod';
import type { Base, Commune, Member, Team } from '../model';
import { code } from '../model';
import { bareName, lowerFirst, upperVi } from './wording';

/**
 * What the user may edit on printed rosters: unit names, place, document number and
 * signers. Defaults come from the data (area names, commune names, team leaders); what
 * the user saved overrides them field by field.
 */
const text = (max: number) => z.string().trim().max(max);

export const rosterGeneralSettings = z.object({
  /** Above the district on a district team's schedule: CÔNG AN TỈNH THANH HÓA. */
  provinceUnit: text(120),
  /** Above each commune on its roster: CÔNG AN HUYỆN THƯỜNG XUÂN. */
  districtUnit: text(120),
  /** Place written before the date on district documents: Thường Xuân. */
  districtPlace: text(60),
  /** Symbol after the number on district documents: LT-CAH. */
  districtSymbol: text(30),
  /** Left signature on commune rosters: NGƯỜI LẬP BIỂU. */
  preparerTitle: text(80),
  /** "Nơi nhận:" lines, in order. */
  recipients: z.array(text(200)).max(12),
});
export type RosterGeneralSettings = z.infer<typeof rosterGeneralSettings>;

export const rosterCommuneSettings = z.object({
  communeCode: code,
  /** Bold issuing unit: CÔNG AN XÃ XUÂN CAO. */
  unitName: text(120),
  /** Place before the date: Xuân Cao. */
  place: text(60),
  /** The number, often left blank to be written in when the document is registered. */
  documentNumber: text(20),
  /** LT-CAX, LT-CATT ... */
  documentSymbol: text(30),
  chiefTitle: text(80),
  chiefName: text(80),
  preparerName: text(80),
});
export type RosterCommuneSettings = z.infer<typeof rosterCommuneSettings>;

export const rosterSettings = z.object({
  general: rosterGeneralSettings,
  communes: z.array(rosterCommuneSettings),
});
export type RosterSettings = z.infer<typeof rosterSettings>;

/** What a stored setting may hold: any subset of the fields (older or newer versions). */
export const storedGeneralSettings = rosterGeneralSettings.partial();
export const storedCommuneSettings = rosterCommuneSettings.omit({ communeCode: true }).partial();

export interface AreaNames {
  /** "Tỉnh Thanh Hóa"; empty when unknown. */
  province: string;
  /** "Huyện Thường Xuân"; empty when unknown. */
  district: string;
}

const policeOf = (unitName: string): string => (unitName ? upperVi(`Công an ${lowerFirst(unitName)}`) : '');

const unitKind = (communeName: string): string => {
  const match = /^(xã|thị trấn|phường)\s/i.exec(communeName);
  return match ? match[1]!.toLocaleLowerCase('vi') : 'xã';
};

const SYMBOL_BY_KIND: Record<string, string> = { 'xã': 'LT-CAX', 'thị trấn': 'LT-CATT', 'phường': 'LT-CAP' };

export function defaultGeneralSettings(area: AreaNames): RosterGeneralSettings {
  const district = area.district ? `Công an ${lowerFirst(area.district)}` : 'Công an cấp trên';
  return {
    provinceUnit: policeOf(area.province),
    districtUnit: policeOf(area.district),
    districtPlace: bareName(area.district),
    districtSymbol: 'LT-CAH',
    preparerTitle: 'NGƯỜI LẬP BIỂU',
    recipients: [`${district} (để b/c);`, 'Đảng ủy, UBND (để b/c);', 'Các tổ công tác (để thực hiện);', 'Lưu: VT.'],
  };
}

/** The commune's own fixed team (based at its police post) supplies the default signers. */
function communeTeam(commune: Commune, bases: Base[], teams: Team[]): Team | undefined {
  const postIds = new Set(bases.filter((b) => b.kind === 'post' && b.communeId === commune.id).map((b) => b.id));
  const local = teams.filter((t) => postIds.has(t.baseId));
  return local.find((t) => t.kind === 'fixed') ?? local[0];
}

export function defaultCommuneSettings(commune: Commune, bases: Base[], teams: Team[], members: Member[]): RosterCommuneSettings {
  const kind = unitKind(commune.name);
  const team = communeTeam(commune, bases, teams);
  const crew = team ? members.filter((m) => m.teamId === team.id) : [];
  const chief = crew.find((m) => /trưởng/i.test(m.role)) ?? crew[0];
  const preparer = crew.find((m) => m !== chief && m.rank.trim() !== '');
  return {
    communeCode: commune.code,
    unitName: policeOf(commune.name),
    place: bareName(commune.name),
    documentNumber: '',
    documentSymbol: SYMBOL_BY_KIND[kind] ?? 'LT-CAX',
    chiefTitle: upperVi(`Trưởng Công an ${kind}`),
    chiefName: chief?.name ?? '',
    preparerName: preparer?.name ?? '',
  };
}

export interface StoredRosterSettings {
  general?: unknown;
  communes: Map<string, unknown>;
}

/** Defaults from the data, overridden by whatever valid fields the user saved. */
export function resolveRosterSettings(
  data: { area: AreaNames; communes: Commune[]; bases: Base[]; teams: Team[]; members: Member[] },
  stored: StoredRosterSettings,
): RosterSettings {
  const savedGeneral = storedGeneralSettings.safeParse(stored.general ?? {});
  const general = { ...defaultGeneralSettings(data.area), ...(savedGeneral.success ? stripUndefined(savedGeneral.data) : {}) };
  const communes = data.communes.map((c) => {
    const saved = storedCommuneSettings.safeParse(stored.communes.get(c.code) ?? {});
    return { ...defaultCommuneSettings(c, data.bases, data.teams, data.members), ...(saved.success ? stripUndefined(saved.data) : {}) };
  });
  return { general, communes };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
