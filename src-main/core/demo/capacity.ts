import { baseKey, hamletKey, type IsoDate, type ShiftTemplate, type Team } from '../model';
import { shiftSlots, type ShiftSlot } from '../calendar';
import { placesMatrix, travelBetween } from '../travel';
import type { DemoDataset } from './dataset';

/**
 * A back-of-the-envelope check of a data set, used to size demo teams: how many people
 * could the teams enrol by the deadline if they did nothing but work? Per team: the shifts
 * it may take (kinds, days off, weekly cap, consecutive evenings), each worth its length
 * less a typical round trip and the setup time, times its throughput. Home visits and CCCD
 * (slower, kit-bound) then take their hours out of that at their own, lower rates.
 * Deliberately optimistic on routing (one typical trip per shift, no waiting for vehicles)
 * and blind to reach limits: a plan will do worse, never better, so a figure near 100 %
 * means the deadline is tight.
 */
export interface TeamCapacity {
  teamId: number;
  code: string;
  shifts: number;
  /** Venue shifts' working hours (after travel and setup). */
  venueHours: number;
  /** Weekday-daytime home-visit hours. */
  homeOnlyHours: number;
  typicalRoundTripMin: number;
  /** Hamlets the team can reach and work in within a shift. */
  reachableHamlets: number;
}

export interface CapacityEstimate {
  from: IsoDate;
  deadline: IsoDate;
  backlog: { cccd: number; eid: number; total: number; homebound: number };
  shifts: number;
  venueHours: number;
  homeOnlyHours: number;
  /** Venue hours × e-ID throughput: everyone treated as the fastest case. */
  eidOnlyPeople: number;
  /** CCCD enrolments if kit teams spent every hour on CCCD. */
  cccdMax: number;
  /** People enrolled once CCCD and homebound are served at their slower rates. */
  people: number;
  /** people / backlog total. */
  ratio: number;
  teams: TeamCapacity[];
}

const isEvening = (t: ShiftTemplate): boolean => t.startMin >= 17 * 60;

/** Longest run of consecutive dates in a sorted list. */
function longestRun(dates: readonly IsoDate[]): number {
  let best = 0;
  let run = 0;
  let prev = -Infinity;
  for (const d of dates) {
    const day = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    run = day === prev + 1 ? run + 1 : day === prev ? run : 1;
    prev = day;
    best = Math.max(best, run);
  }
  return best;
}

interface TeamRates {
  team: Team;
  roundTripMin: number;
  reachable: number;
}

function typicalTrips(d: DemoDataset): TeamRates[] {
  const matrix = placesMatrix(d.bases, d.hamlets, d.travel);
  const backlogOf = new Map(d.backlogs.map((b) => [b.hamletId, b.remaining.cccd + b.remaining.eid]));
  const longestShift = Math.max(...d.shiftTemplates.filter((t) => !t.homeVisitsOnly).map((t) => t.endMin - t.startMin));
  return d.teams.map((team) => {
    const base = d.bases.find((b) => b.id === team.baseId)!;
    const vehicles = d.vehicles.filter((v) => v.baseId === base.id);
    const hamlets = team.kind === 'fixed' ? d.hamlets.filter((h) => h.communeId === base.communeId) : d.hamlets;
    let weight = 0;
    let weighted = 0;
    let reachable = 0;
    for (const h of hamlets) {
      const usable = vehicles.filter((v) => v.roadClasses.includes(h.roadClass) && (!h.motorbikeOnly || v.kind === 'motorbike'));
      if (usable.reduce((s, v) => s + v.seats, 0) < team.size) continue;
      const rt = travelBetween(matrix, baseKey(base.id), hamletKey(h.id)).minutes + travelBetween(matrix, hamletKey(h.id), baseKey(base.id)).minutes;
      // Worth going only if at least an hour of work is left.
      if (rt + team.setupMinutes + 60 > longestShift) continue;
      const w = backlogOf.get(h.id) ?? 0;
      reachable++;
      weight += w;
      weighted += w * rt;
    }
    return { team, roundTripMin: weight > 0 ? weighted / weight : 0, reachable };
  });
}

function pickShifts(rates: TeamRates, slots: readonly ShiftSlot[]): { venueHours: number; homeOnlyHours: number; shifts: number } {
  const { team, roundTripMin } = rates;
  if (rates.reachable === 0) return { venueHours: 0, homeOnlyHours: 0, shifts: 0 };
  const daysOff = new Set(team.daysOff);
  const hoursOf = (t: ShiftTemplate): number =>
    Math.max(0, t.endMin - t.startMin - roundTripMin - (t.homeVisitsOnly ? 0 : team.setupMinutes)) / 60;
  const valueOf = (t: ShiftTemplate): number =>
    hoursOf(t) * (t.homeVisitsOnly ? team.homeThroughputPerHour : team.throughputPerHour.eid);
  const eligible = slots.filter((s) => team.allowedShiftKinds.includes(s.template.kind) && !daysOff.has(s.date) && hoursOf(s.template) > 0);
  const weeks = new Map<number, ShiftSlot[]>();
  for (const s of eligible) weeks.set(s.weekIndex, [...(weeks.get(s.weekIndex) ?? []), s]);
  const evenings: IsoDate[] = [];
  let venueHours = 0;
  let homeOnlyHours = 0;
  let shifts = 0;
  for (const week of [...weeks.keys()].sort((a, b) => a - b)) {
    const ranked = [...weeks.get(week)!].sort((a, b) =>
      valueOf(b.template) - valueOf(a.template) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.template.startMin - b.template.startMin);
    let taken = 0;
    for (const s of ranked) {
      if (taken >= team.maxShiftsPerWeek) break;
      if (isEvening(s.template)) {
        const trial = [...evenings, s.date].sort();
        if (longestRun(trial) > team.maxConsecutiveEvenings) continue;
        evenings.push(s.date);
      }
      taken++;
      shifts++;
      if (s.template.homeVisitsOnly) homeOnlyHours += hoursOf(s.template);
      else venueHours += hoursOf(s.template);
    }
  }
  return { venueHours, homeOnlyHours, shifts };
}

export function roughCapacity(d: DemoDataset, from: IsoDate = d.campaign.startDate): CapacityEstimate {
  const slots = shiftSlots(from, d.campaign.deadline, d.shiftTemplates, d.exceptions);
  const perTeam = typicalTrips(d).map((rates) => ({ rates, ...pickShifts(rates, slots) }));
  const backlog = d.backlogs.reduce(
    (acc, b) => ({
      cccd: acc.cccd + b.remaining.cccd,
      eid: acc.eid + b.remaining.eid,
      total: acc.total + b.remaining.cccd + b.remaining.eid,
      homebound: acc.homebound + b.homebound.cccd + b.homebound.eid,
    }),
    { cccd: 0, eid: 0, total: 0, homebound: 0 },
  );

  let eidOnlyPeople = 0;
  let homeServed = 0;
  let cccdMax = 0;
  for (const t of perTeam) {
    eidOnlyPeople += t.venueHours * t.rates.team.throughputPerHour.eid;
    homeServed += t.homeOnlyHours * t.rates.team.homeThroughputPerHour;
    cccdMax += t.rates.team.kits > 0 ? t.venueHours * t.rates.team.throughputPerHour.cccd : 0;
  }
  homeServed = Math.min(homeServed, backlog.homebound);

  // Serving someone slowly costs the people a venue hour would have enrolled instead: take
  // those hours where the loss is smallest. people = eidOnlyPeople - loss keeps the served.
  let loss = 0;
  const spare = perTeam.map((t) => t.venueHours);
  const divert = (people: number, rateOf: (team: Team) => number): number => {
    let left = people;
    const ranked = perTeam
      .map((t, i) => ({ team: t.rates.team, i }))
      .filter(({ team, i }) => rateOf(team) > 0 && spare[i]! > 0)
      .sort((a, b) => a.team.throughputPerHour.eid / rateOf(a.team) - b.team.throughputPerHour.eid / rateOf(b.team) || a.team.id - b.team.id);
    for (const { team, i } of ranked) {
      if (left <= 0) break;
      const rate = rateOf(team);
      const hours = Math.min(spare[i]!, left / rate);
      spare[i]! -= hours;
      left -= hours * rate;
      loss += hours * (team.throughputPerHour.eid - rate);
    }
    return people - left;
  };
  divert(backlog.cccd, (team) => (team.kits > 0 ? team.throughputPerHour.cccd : 0));
  divert(backlog.homebound - homeServed, (team) => team.homeThroughputPerHour);
  const people = Math.round(eidOnlyPeople - loss + homeServed);
  const venueHours = perTeam.reduce((s, t) => s + t.venueHours, 0);
  return {
    from,
    deadline: d.campaign.deadline,
    backlog,
    shifts: perTeam.reduce((s, t) => s + t.shifts, 0),
    venueHours: Math.round(venueHours),
    homeOnlyHours: Math.round(perTeam.reduce((s, t) => s + t.homeOnlyHours, 0)),
    eidOnlyPeople: Math.round(eidOnlyPeople),
    cccdMax: Math.round(cccdMax),
    people,
    ratio: backlog.total > 0 ? people / backlog.total : Infinity,
    teams: perTeam.map((t) => ({
      teamId: t.rates.team.id,
      code: t.rates.team.code,
      shifts: t.shifts,
      venueHours: Math.round(t.venueHours * 10) / 10,
      homeOnlyHours: Math.round(t.homeOnlyHours * 10) / 10,
      typicalRoundTripMin: Math.round(t.rates.roundTripMin),
      reachableHamlets: t.rates.reachable,
    })),
  };
}
