import type { IsoDate, Route } from '../model';

/**
 * What a re-plan changed against the plan that was published, visit by visit (a visit is one
 * team at one hamlet in one shift): kept (same date, shift, team and hamlet), moved (the
 * hamlet is still visited, at another date, shift or team), added, dropped. A chief re-prints
 * only the rosters of the communes and teams that changed.
 */
export interface VisitSlot {
  date: IsoDate;
  templateId: number;
  teamId: number;
  hamletId: number;
}

export interface MovedVisit {
  hamletId: number;
  from: VisitSlot;
  to: VisitSlot;
}

export interface ChangeCounts {
  kept: number;
  moved: number;
  added: number;
  dropped: number;
}

export interface GroupChanges extends ChangeCounts {
  id: number;
}

export interface ChangeReport extends ChangeCounts {
  /** First day compared: visits before it are the past, recorded as they were. */
  from: IsoDate;
  movedVisits: MovedVisit[];
  addedVisits: VisitSlot[];
  droppedVisits: VisitSlot[];
  /** Per team (moved counts for both teams when the team changed), most changed first. */
  byTeam: GroupChanges[];
  /** Per commune of the hamlet, most changed first. */
  byCommune: GroupChanges[];
  /** Communes whose roster changed (anything not kept), sorted by id. */
  changedCommunes: number[];
  /** Share of the published visits from `from` on that were kept (1 with none published). */
  keptShare: number;
}

const slotKey = (s: VisitSlot): string => `${s.date}|${s.templateId}|${s.teamId}|${s.hamletId}`;

export function visitSlots(routes: readonly Route[], from: IsoDate): VisitSlot[] {
  const out: VisitSlot[] = [];
  for (const route of routes) {
    if (route.date < from) continue;
    for (const stop of route.stops) out.push({ date: route.date, templateId: route.templateId, teamId: route.teamId, hamletId: stop.hamletId });
  }
  return out;
}

const bySlot = (a: VisitSlot, b: VisitSlot): number =>
  a.date.localeCompare(b.date) || a.templateId - b.templateId || a.teamId - b.teamId || a.hamletId - b.hamletId;

/** Kept visits match exactly; what is left of the two sides pairs up per hamlet in date order as moves. */
export function changeReport(previous: readonly Route[], current: readonly Route[], from: IsoDate, communeOf: ReadonlyMap<number, number>): ChangeReport {
  const before = visitSlots(previous, from).sort(bySlot);
  const after = visitSlots(current, from).sort(bySlot);
  const open = new Map<string, number>();
  for (const s of before) open.set(slotKey(s), (open.get(slotKey(s)) ?? 0) + 1);
  const keptOnes: VisitSlot[] = [];
  const newOnes: VisitSlot[] = [];
  for (const s of after) {
    const left = open.get(slotKey(s)) ?? 0;
    if (left > 0) {
      open.set(slotKey(s), left - 1);
      keptOnes.push(s);
    } else newOnes.push(s);
  }
  const goneOnes: VisitSlot[] = [];
  for (const s of before) {
    const left = open.get(slotKey(s)) ?? 0;
    if (left > 0) {
      open.set(slotKey(s), left - 1);
      goneOnes.push(s);
    }
  }
  const { moved, added, dropped } = pairMoves(goneOnes, newOnes);
  const groups = groupChanges(keptOnes, moved, added, dropped, communeOf);
  return {
    from, kept: keptOnes.length, moved: moved.length, added: added.length, dropped: dropped.length,
    movedVisits: moved, addedVisits: added, droppedVisits: dropped, ...groups,
    keptShare: before.length === 0 ? 1 : keptOnes.length / before.length,
  };
}

function pairMoves(gone: readonly VisitSlot[], fresh: readonly VisitSlot[]): { moved: MovedVisit[]; added: VisitSlot[]; dropped: VisitSlot[] } {
  const freshByHamlet = new Map<number, VisitSlot[]>();
  for (const s of fresh) freshByHamlet.set(s.hamletId, [...(freshByHamlet.get(s.hamletId) ?? []), s]);
  const moved: MovedVisit[] = [];
  const dropped: VisitSlot[] = [];
  for (const s of gone) {
    const queue = freshByHamlet.get(s.hamletId);
    const to = queue?.shift();
    if (to) moved.push({ hamletId: s.hamletId, from: s, to });
    else dropped.push(s);
  }
  const added = [...freshByHamlet.values()].flat().sort(bySlot);
  return { moved, added, dropped };
}

function groupChanges(
  kept: readonly VisitSlot[], moved: readonly MovedVisit[],
  added: readonly VisitSlot[], dropped: readonly VisitSlot[], communeOf: ReadonlyMap<number, number>,
): Pick<ChangeReport, 'byTeam' | 'byCommune' | 'changedCommunes'> {
  const teams = new Map<number, GroupChanges>();
  const communes = new Map<number, GroupChanges>();
  const bump = (map: Map<number, GroupChanges>, key: number | undefined, field: keyof ChangeCounts): void => {
    if (key === undefined) return;
    const group = map.get(key) ?? { id: key, kept: 0, moved: 0, added: 0, dropped: 0 };
    group[field]++;
    map.set(key, group);
  };
  for (const s of kept) {
    bump(teams, s.teamId, 'kept');
    bump(communes, communeOf.get(s.hamletId), 'kept');
  }
  for (const m of moved) {
    bump(teams, m.from.teamId, 'moved');
    if (m.to.teamId !== m.from.teamId) bump(teams, m.to.teamId, 'moved');
    bump(communes, communeOf.get(m.hamletId), 'moved');
  }
  for (const s of added) {
    bump(teams, s.teamId, 'added');
    bump(communes, communeOf.get(s.hamletId), 'added');
  }
  for (const s of dropped) {
    bump(teams, s.teamId, 'dropped');
    bump(communes, communeOf.get(s.hamletId), 'dropped');
  }
  const changed = (g: GroupChanges): number => g.moved + g.added + g.dropped;
  const sorted = (map: Map<number, GroupChanges>): GroupChanges[] => [...map.values()].sort((a, b) => changed(b) - changed(a) || a.id - b.id);
  const byCommune = sorted(communes);
  return {
    byTeam: sorted(teams),
    byCommune,
    changedCommunes: byCommune.filter((g) => changed(g) > 0).map((g) => g.id).sort((a, b) => a - b),
  };
}
