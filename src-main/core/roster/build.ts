import type {
  Base, Commune, Hamlet, Member, PerService, PlanStatus, Route, ShiftTemplate, Team, Vehicle,
} from '../model';
import type {
  CommuneRoster, CommuneRow, OfficialHeader, RosterBundle, RosterOptions, RosterRequest, RosterTotals, TeamSchedule, TeamShift,
} from './document';
import type { RosterCommuneSettings, RosterSettings } from './settings';
import {
  crewOfWeek, dateText, defaultIssueDate, isoWeekOf, lowerFirst, parseIsoWeek, placeDateLine, shiftLabel, slug, spanText, timeText,
  upperVi, venueShort, weekSpanText, weekdayName, withoutTeamWord, type IsoWeek,
} from './wording';

/** Everything a roster is made from, as plain data (the db layer loads it). */
export interface RosterSource {
  plan: { id: number; name: string; status: PlanStatus };
  /** With their stored visits' ids (one per stop) when the plan is in the database. */
  routes: Array<Route & { visitIds?: number[] }>;
  communes: Commune[];
  hamlets: Hamlet[];
  bases: Base[];
  teams: Team[];
  members: Member[];
  vehicles: Vehicle[];
  shiftTemplates: ShiftTemplate[];
  settings: RosterSettings;
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const EMPTY_COMMUNE_NOTE = 'Không có lịch trực trong tuần này';
export const EMPTY_TEAM_NOTE = 'Không có lịch công tác trong tuần này';
const VEHICLE_KIND_LABEL: Record<Vehicle['kind'], string> = { car: 'Ô tô', pickup: 'Xe bán tải', motorbike: 'Xe máy' };
/** Volunteers' roles as rosters abbreviate them. */
const ROLE_SHORT: Record<string, string> = {
  'đoàn viên thanh niên': 'ĐVTN', 'hội viên phụ nữ': 'HVPN', 'dân quân': 'DQ', 'công an xã bán chuyên trách': 'CAX BCT',
};
const BLANK_NUMBER = '\u00a0'.repeat(7);

/** A scope names a commune or team that is not in the data. */
export class RosterScopeError extends Error {}

const zero = (): PerService => ({ cccd: 0, eid: 0 });
const add = (a: PerService, b: PerService): PerService => ({ cccd: a.cccd + b.cccd, eid: a.eid + b.eid });

function byId<T extends { id: number }>(items: T[]): Map<number, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** Lookups built once per bundle. */
class Refs {
  readonly hamlets: Map<number, Hamlet>;
  readonly communes: Map<number, Commune>;
  readonly teams: Map<number, Team>;
  readonly vehicles: Map<number, Vehicle>;
  readonly templates: Map<number, ShiftTemplate>;
  readonly bases: Map<number, Base>;
  private readonly crews = new Map<number, Member[]>();

  constructor(readonly source: RosterSource) {
    this.hamlets = byId(source.hamlets);
    this.communes = byId(source.communes);
    this.teams = byId(source.teams);
    this.vehicles = byId(source.vehicles);
    this.templates = byId(source.shiftTemplates);
    this.bases = byId(source.bases);
    for (const m of source.members) this.crews.set(m.teamId, [...(this.crews.get(m.teamId) ?? []), m]);
  }

  crew(teamId: number): Member[] {
    return this.crews.get(teamId) ?? [];
  }

  officers(teamId: number): string[] {
    return this.crew(teamId).map((m) =>
      m.rank ? `${m.rank} ${m.name}` : m.role ? `${m.name} (${ROLE_SHORT[m.role.toLocaleLowerCase('vi')] ?? m.role})` : m.name);
  }

  /** Kind and plate ("Xe máy 36B1-185.47"): what officers look for in the yard. */
  vehicleNames(ids: number[]): string[] {
    return ids.map((id) => {
      const v = this.vehicles.get(id);
      return v ? `${VEHICLE_KIND_LABEL[v.kind]} ${v.code}` : `#${id}`;
    });
  }

  shift(route: Route): { label: string; hours: string } {
    const t = this.templates.get(route.templateId);
    return t
      ? { label: shiftLabel(t.startMin, t.homeVisitsOnly), hours: spanText(t.startMin, t.endMin) }
      : { label: shiftLabel(route.departMin, false), hours: spanText(route.departMin, route.returnMin) };
  }

  communeSettings(communeCode: string): RosterCommuneSettings | undefined {
    return this.source.settings.communes.find((c) => c.communeCode === communeCode);
  }
}

const documentNumber = (number: string, symbol: string): string => `Số: ${number || BLANK_NUMBER}/${symbol}`;

function header(superiorUnit: string, issuingUnit: string, number: string, place: string, issuedOn: string): OfficialHeader {
  return { superiorUnit, issuingUnit, documentNumber: number, nationalTitle: NATIONAL_TITLE, motto: MOTTO, placeDate: placeDateLine(place, issuedOn) };
}

function routesOfWeek(source: RosterSource, week: IsoWeek, teams: Map<number, Team>): Route[] {
  return source.routes
    .filter((r) => r.date >= week.from && r.date <= week.to)
    .sort((a, b) =>
      a.date.localeCompare(b.date) || a.departMin - b.departMin ||
      (teams.get(a.teamId)?.code ?? '').localeCompare(teams.get(b.teamId)?.code ?? ''));
}

function totalsOf(rows: Array<{ routeIndex: number; hamletId: number; quota: PerService; homeVisits: PerService }>): RosterTotals {
  return {
    visits: rows.length,
    shifts: new Set(rows.map((r) => r.routeIndex)).size,
    hamlets: new Set(rows.map((r) => r.hamletId)).size,
    quota: rows.reduce((s, r) => add(s, r.quota), zero()),
    homeVisits: rows.reduce((s, r) => add(s, r.homeVisits), zero()),
  };
}

function communeRoster(refs: Refs, commune: Commune, week: IsoWeek, routes: Route[], issuedOn: string): CommuneRoster {
  const { general } = refs.source.settings;
  const settings = refs.communeSettings(commune.code);
  const visits: Array<CommuneRow & { routeIndex: number; hamletId: number; arriveMin: number }> = [];
  routes.forEach((route, routeIndex) => {
    const team = refs.teams.get(route.teamId);
    const shift = refs.shift(route);
    route.stops.forEach((stop, stopIndex) => {
      const hamlet = refs.hamlets.get(stop.hamletId);
      if (hamlet?.communeId !== commune.id) return;
      visits.push({
        routeIndex, hamletId: hamlet.id, arriveMin: stop.arriveMin,
        date: route.date, weekday: weekdayName(route.date), dateText: dateText(route.date),
        shiftLabel: shift.label, shiftHours: shift.hours, atHamlet: spanText(stop.arriveMin, stop.endMin),
        hamletName: hamlet.name, venue: hamlet.venue, contact: hamlet.contact,
        teamName: team?.name ?? `#${route.teamId}`, officers: refs.officers(route.teamId),
        vehicles: refs.vehicleNames(route.vehicleIds), vehicleCodes: route.vehicleIds.map((id) => refs.vehicles.get(id)?.code ?? `#${id}`),
        venueShort: venueShort(hamlet.venue, hamlet.name), teamShort: withoutTeamWord(team?.name ?? `#${route.teamId}`),
        quota: stop.quota, homeVisits: stop.homeVisits,
        visitId: (route as { visitIds?: number[] }).visitIds?.[stopIndex] ?? null,
      });
    });
  });
  visits.sort((a, b) => a.date.localeCompare(b.date) || a.arriveMin - b.arriveMin || a.routeIndex - b.routeIndex);
  const unitName = settings?.unitName || upperVi(`Công an ${lowerFirst(commune.name)}`);
  return {
    kind: 'commune',
    communeId: commune.id,
    communeCode: commune.code,
    communeName: commune.name,
    fileStem: `lich-truc_${week.code}_${commune.code}_${slug(commune.name)}`,
    header: header(general.districtUnit, unitName, documentNumber(settings?.documentNumber ?? '', settings?.documentSymbol ?? 'LT-CAX'),
      settings?.place ?? '', issuedOn),
    title: ['LỊCH TRỰC', `CẤP CCCD VÀ ĐỊNH DANH ĐIỆN TỬ LƯU ĐỘNG TUẦN ${week.number} NĂM ${week.year}`],
    subtitle: `(${weekSpanText(week)}, trên địa bàn ${lowerFirst(commune.name)})`,
    rows: visits.map(({ routeIndex: _r, arriveMin: _a, ...row }) => row),
    crew: crewOfWeek(visits).map(([team, officers]) => ({ team, officers })),
    totals: totalsOf(visits),
    emptyNote: visits.length === 0 ? EMPTY_COMMUNE_NOTE : null,
    recipientsLabel: 'Nơi nhận:',
    recipients: general.recipients,
    signatures: {
      left: { title: general.preparerTitle, name: settings?.preparerName ?? '' },
      right: { title: settings?.chiefTitle ?? 'TRƯỞNG CÔNG AN XÃ', name: settings?.chiefName ?? '' },
    },
  };
}

function teamSchedule(refs: Refs, team: Team, week: IsoWeek, routes: Route[], issuedOn: string): TeamSchedule {
  const { general } = refs.source.settings;
  const mine = routes.filter((r) => r.teamId === team.id);
  const shifts: TeamShift[] = mine.map((route) => {
    const shift = refs.shift(route);
    return {
      date: route.date, weekday: weekdayName(route.date), dateText: dateText(route.date),
      shiftLabel: shift.label, shiftHours: shift.hours,
      baseName: refs.bases.get(route.baseId)?.name ?? `#${route.baseId}`,
      departTime: timeText(route.departMin), returnTime: timeText(route.returnMin),
      vehicles: refs.vehicleNames(route.vehicleIds),
      distanceKm: Math.round(route.distanceM / 100) / 10,
      stops: route.stops.map((stop) => {
        const hamlet = refs.hamlets.get(stop.hamletId);
        return {
          arriveTime: timeText(stop.arriveMin), workHours: spanText(stop.startMin, stop.endMin),
          hamletName: hamlet?.name ?? `#${stop.hamletId}`,
          communeName: (hamlet && refs.communes.get(hamlet.communeId)?.name) ?? '',
          venue: hamlet?.venue ?? '', contact: hamlet?.contact ?? '', quota: stop.quota, homeVisits: stop.homeVisits,
        };
      }),
    };
  });
  const visits = mine.flatMap((route, routeIndex) => route.stops.map((s) => ({ ...s, routeIndex })));
  // A district team is issued by the district; a commune team by its commune's police.
  const base = refs.bases.get(team.baseId);
  const commune = base?.communeId ? refs.communes.get(base.communeId) : undefined;
  const communeSettings = commune ? refs.communeSettings(commune.code) : undefined;
  const head = communeSettings
    ? header(general.districtUnit, communeSettings.unitName, documentNumber('', communeSettings.documentSymbol), communeSettings.place, issuedOn)
    : header(general.provinceUnit, general.districtUnit, documentNumber('', general.districtSymbol), general.districtPlace, issuedOn);
  const crew = refs.crew(team.id);
  const leader = crew.find((m) => /trưởng/i.test(m.role)) ?? crew[0];
  return {
    kind: 'team',
    teamId: team.id,
    teamCode: team.code,
    teamName: team.name,
    fileStem: `lich-cong-tac_${week.code}_${slug(team.code)}`,
    header: head,
    title: ['LỊCH CÔNG TÁC', `CỦA ${upperVi(team.name)} TUẦN ${week.number} NĂM ${week.year}`],
    subtitle: `(${weekSpanText(week)})`,
    members: crew.map((m) => [m.rank ? `${m.rank} ${m.name}` : m.name, m.role, m.phone].filter(Boolean).join(', ')),
    shifts,
    totals: totalsOf(visits),
    emptyNote: shifts.length === 0 ? EMPTY_TEAM_NOTE : null,
    recipientsLabel: 'Nơi nhận:',
    recipients: [],
    signatures: { left: null, right: { title: 'TỔ TRƯỞNG', name: leader?.name ?? '' } },
  };
}

/** What a draft plan's rosters carry beside their title and at the end of their file name. */
export const DRAFT_MARK = 'DỰ THẢO';
const DRAFT_STEM = '_du-thao';

/** The documents of one week of a plan, for a commune, a team, or all of them. */
export function buildRosterBundle(source: RosterSource, request: RosterRequest): RosterBundle {
  const refs = new Refs(source);
  const week = parseIsoWeek(request.week);
  const issuedOn = request.issuedOn ?? defaultIssueDate(week);
  const routes = routesOfWeek(source, week, refs.teams);
  const { scope } = request;
  let documents: RosterBundle['documents'];
  let fileStem: string;
  if (scope.kind === 'commune' || scope.kind === 'allCommunes') {
    const communes = scope.kind === 'commune' ? [refs.communes.get(scope.communeId)] : source.communes;
    if (communes.some((c) => c === undefined)) throw new RosterScopeError(`No commune with id ${scope.kind === 'commune' ? scope.communeId : '?'}`);
    documents = (communes as Commune[]).map((c) => communeRoster(refs, c, week, routes, issuedOn));
    fileStem = scope.kind === 'commune' ? documents[0]!.fileStem : `lich-truc_${week.code}_tat-ca-xa`;
  } else {
    const busy = new Set(routes.map((r) => r.teamId));
    const teams = scope.kind === 'team' ? [refs.teams.get(scope.teamId)] : source.teams.filter((t) => busy.has(t.id));
    if (teams.some((t) => t === undefined)) throw new RosterScopeError(`No team with id ${scope.kind === 'team' ? scope.teamId : '?'}`);
    documents = (teams as Team[]).map((t) => teamSchedule(refs, t, week, routes, issuedOn));
    fileStem = scope.kind === 'team' ? (documents[0]?.fileStem ?? '') : `lich-cong-tac_${week.code}_tat-ca-to`;
  }
  // A draft's rosters say so on the page and in the file name: only a published plan is the teams' duty.
  const draft = source.plan.status === 'draft';
  return {
    plan: source.plan,
    week: { code: week.code, from: week.from, to: week.to },
    issuedOn,
    scope,
    fileStem: draft ? `${fileStem}${DRAFT_STEM}` : fileStem,
    documents: draft ? documents.map((d) => ({ ...d, title: [`${d.title[0]} (${DRAFT_MARK})`, ...d.title.slice(1)], fileStem: `${d.fileStem}${DRAFT_STEM}` })) : documents,
  };
}

/** Weeks that have visits, and the communes and teams to choose from, with their counts per week. */
export function listRosterOptions(source: RosterSource): RosterOptions {
  const hamlets = byId(source.hamlets);
  const weeks = new Map<string, { shifts: number; visits: number }>();
  const communeVisits = new Map<number, Record<string, number>>();
  const teamShifts = new Map<number, Record<string, number>>();
  const bump = (rec: Record<string, number>, key: string): void => {
    rec[key] = (rec[key] ?? 0) + 1;
  };
  for (const route of source.routes) {
    const code = isoWeekOf(route.date);
    const w = weeks.get(code) ?? { shifts: 0, visits: 0 };
    w.shifts += 1;
    w.visits += route.stops.length;
    weeks.set(code, w);
    const t = teamShifts.get(route.teamId) ?? {};
    bump(t, code);
    teamShifts.set(route.teamId, t);
    for (const stop of route.stops) {
      const communeId = hamlets.get(stop.hamletId)?.communeId;
      if (communeId === undefined) continue;
      const c = communeVisits.get(communeId) ?? {};
      bump(c, code);
      communeVisits.set(communeId, c);
    }
  }
  return {
    weeks: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, w]) => {
      const week = parseIsoWeek(code);
      return { code, from: week.from, to: week.to, shifts: w.shifts, visits: w.visits };
    }),
    communes: source.communes.map((c) => ({ id: c.id, code: c.code, name: c.name, visitsByWeek: communeVisits.get(c.id) ?? {} })),
    teams: source.teams.map((t) => ({ id: t.id, code: t.code, name: t.name, shiftsByWeek: teamShifts.get(t.id) ?? {} })),
  };
}
