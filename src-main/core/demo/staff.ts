import { addDays, parseISO } from 'date-fns';
import type { Base, Campaign, IsoDate, Member, ShiftKind, Team, Vehicle } from '../model';
import { datesBetween, toIso } from '../calendar';
import {
  POLICE_RANKS, ROLE_LEADER, ROLE_MEMBER, ROLE_VOLUNTEER, type Ethnicity, unitInPhrase, uniquePersonName, uniquePhone,
} from './names';
import type { CommuneInfo } from './places';
import type { Rng } from './rng';
import type { Range, TeamPlan } from './spec';

export interface StaffInput {
  info: readonly CommuneInfo[];
  bases: readonly Base[];
  /** Backlog (both services) per commune, same order as `info`: who gets a post team. */
  backlogByCommune: readonly number[];
  campaign: Campaign;
  plan: TeamPlan;
  /** Plate prefix of the province (36 = Thanh Hóa). */
  platePrefix: string;
}

export interface Staff {
  teams: Team[];
  members: Member[];
  vehicles: Vehicle[];
}

const inRange = (rng: Rng, [min, max]: Range): number => rng.int(Math.round(min), Math.round(max));

function campaignDays(rng: Rng, campaign: Campaign, count: number): IsoDate[] {
  const days = datesBetween(campaign.startDate, campaign.deadline);
  return rng.shuffle(days).slice(0, Math.min(count, days.length)).sort();
}

function buildMembers(
  rng: Rng,
  teamId: number,
  size: number,
  opts: { leaderRanks: readonly string[]; ethnicMix: () => Ethnicity; volunteer: boolean },
  usedNames: Set<string>,
  usedPhones: Set<string>,
  nextId: () => number,
): Member[] {
  const out: Member[] = [];
  for (let k = 0; k < size; k++) {
    const isVolunteer = opts.volunteer && k === size - 1;
    const female = rng.chance(isVolunteer ? 0.5 : 0.2);
    out.push({
      id: nextId(),
      teamId,
      name: uniquePersonName(rng, opts.ethnicMix(), female, usedNames),
      rank: isVolunteer ? '' : k === 0 ? rng.pick(opts.leaderRanks) : rng.pick(POLICE_RANKS.slice(0, 4)),
      role: k === 0 ? ROLE_LEADER : isVolunteer ? ROLE_VOLUNTEER : ROLE_MEMBER,
      phone: uniquePhone(rng, usedPhones),
    });
  }
  return out;
}

function plate(rng: Rng, prefix: string, series: string, used: Set<string>): string {
  for (;;) {
    const n = rng.int(10_000, 99_999);
    const code = `${prefix}${series}-${String(n).slice(0, 3)}.${String(n).slice(3)}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** A few maintenance days: one vehicle in four is off for 1-3 consecutive days. */
function maintenance(rng: Rng, campaign: Campaign): IsoDate[] {
  if (!rng.chance(0.25)) return [];
  const [start] = campaignDays(rng, campaign, 1);
  if (!start) return [];
  const length = rng.int(1, 3);
  return Array.from({ length }, (_, k) => toIso(addDays(parseISO(start), k))).filter((d) => d <= campaign.deadline);
}

export function buildStaff(rng: Rng, input: StaffInput): Staff {
  const { info, bases, plan, campaign } = input;
  const teams: Team[] = [];
  const members: Member[] = [];
  const vehicles: Vehicle[] = [];
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const usedPlates = new Set<string>();
  let memberId = 0;
  const nextMemberId = (): number => ++memberId;
  const hq = bases.find((b) => b.kind === 'hq')!;
  const postOf = new Map(bases.filter((b) => b.communeId !== null).map((b) => [b.communeId!, b]));
  const districtMix = (): Ethnicity => rng.pick<Ethnicity>(['kinh', 'kinh', 'kinh', 'thai', 'muong']);

  for (let k = 1; k <= plan.mobileTeams; k++) {
    const homeVisits = k <= plan.mobileHomeVisitTeams;
    const kinds: ShiftKind[] = homeVisits ? ['weekday_day', 'weekday_evening', 'weekend'] : ['weekday_evening', 'weekend'];
    const team: Team = {
      id: teams.length + 1,
      code: `LD-${String(k).padStart(2, '0')}`,
      name: `Tổ lưu động số ${k}`,
      kind: 'mobile',
      baseId: hq.id,
      size: inRange(rng, plan.mobileSize),
      services: ['cccd', 'eid'],
      kits: 1,
      throughputPerHour: { cccd: inRange(rng, plan.mobileCccdPerHour), eid: inRange(rng, plan.mobileEidPerHour) },
      homeThroughputPerHour: inRange(rng, plan.mobileHomePerHour),
      setupMinutes: plan.mobileSetupMinutes,
      allowedShiftKinds: kinds,
      maxShiftsPerWeek: inRange(rng, plan.mobileMaxShiftsPerWeek),
      maxConsecutiveEvenings: inRange(rng, plan.mobileMaxConsecutiveEvenings),
      daysOff: campaignDays(rng, campaign, inRange(rng, plan.daysOffPerTeam)),
    };
    teams.push(team);
    members.push(...buildMembers(rng, team.id, team.size, { leaderRanks: ['Đại úy', 'Thiếu tá'], ethnicMix: districtMix, volunteer: true }, usedNames, usedPhones, nextMemberId));
  }

  // Post teams: every commune, or the share with the largest backlog (province scale).
  const byBacklog = info.map((_, i) => i).sort((a, b) => input.backlogByCommune[b]! - input.backlogByCommune[a]! || a - b);
  const withTeam = new Set(byBacklog.slice(0, Math.max(1, Math.round(plan.fixedTeamShare * info.length))));
  const farthest = [...withTeam].sort((a, b) => info[b]!.distHqKm - info[a]!.distHqKm || a - b);
  const withKit = new Set(farthest.slice(0, plan.fixedKitTeams));
  info.forEach((c, i) => {
    if (!withTeam.has(i)) return;
    const post = postOf.get(c.id)!;
    const kit = withKit.has(i);
    const team: Team = {
      id: teams.length + 1,
      code: `CT-${c.input.gsoCode}`,
      name: `Tổ công tác ${unitInPhrase(c.input.name)}`,
      kind: 'fixed',
      baseId: post.id,
      size: inRange(rng, plan.fixedSize),
      services: kit ? ['cccd', 'eid'] : ['eid'],
      kits: kit ? 1 : 0,
      throughputPerHour: { cccd: kit ? inRange(rng, plan.fixedCccdPerHour) : 0, eid: inRange(rng, plan.fixedEidPerHour) },
      homeThroughputPerHour: inRange(rng, plan.fixedHomePerHour),
      setupMinutes: inRange(rng, plan.fixedSetupMinutes),
      allowedShiftKinds: ['weekday_evening', 'weekend'],
      maxShiftsPerWeek: inRange(rng, plan.fixedMaxShiftsPerWeek),
      maxConsecutiveEvenings: inRange(rng, plan.fixedMaxConsecutiveEvenings),
      daysOff: campaignDays(rng, campaign, inRange(rng, plan.daysOffPerTeam)),
    };
    teams.push(team);
    const localMix = (): Ethnicity => {
      const m = c.ethnicMix;
      const u = rng.uniform(0, m.kinh + m.thai + m.muong);
      return u < m.kinh ? 'kinh' : u < m.kinh + m.thai ? 'thai' : 'muong';
    };
    members.push(...buildMembers(rng, team.id, team.size, { leaderRanks: ['Trung úy', 'Thượng úy', 'Đại úy'], ethnicMix: localMix, volunteer: team.size >= 4 }, usedNames, usedPhones, nextMemberId));
  });

  const addVehicle = (v: Omit<Vehicle, 'id' | 'unavailable'>): void => {
    vehicles.push({ id: vehicles.length + 1, ...v, unavailable: maintenance(rng, campaign) });
  };
  const pp = input.platePrefix;
  for (let k = 1; k <= plan.hqCars; k++) {
    addVehicle({ code: plate(rng, pp, 'A', usedPlates), name: `Ô tô 7 chỗ số ${k}`, kind: 'car', seats: 7, baseId: hq.id, roadClasses: ['paved', 'dirt'], costPerKm: 4_000 });
  }
  for (let k = 1; k <= plan.hqPickups; k++) {
    addVehicle({ code: plate(rng, pp, 'C', usedPlates), name: `Xe bán tải số ${k}`, kind: 'pickup', seats: 5, baseId: hq.id, roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 5_000 });
  }
  for (let k = 1; k <= plan.hqMotorbikes; k++) {
    addVehicle({ code: plate(rng, pp, 'B1', usedPlates), name: `Xe máy số ${k}`, kind: 'motorbike', seats: 2, baseId: hq.id, roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 800 });
  }
  // Motorbikes only at posts that field a team: a post without a team has nothing to move.
  const postsWithTeam = new Set(teams.filter((t) => t.kind === 'fixed').map((t) => t.baseId));
  for (const post of bases) {
    if (!postsWithTeam.has(post.id)) continue;
    for (let k = 1; k <= plan.postMotorbikes; k++) {
      addVehicle({
        code: plate(rng, pp, 'B1', usedPlates),
        name: `Xe máy số ${k} - ${post.name.replace(/^Công an /u, 'CA ')}`,
        kind: 'motorbike', seats: 2, baseId: post.id, roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 800,
      });
    }
  }
  return { teams, members, vehicles };
}
