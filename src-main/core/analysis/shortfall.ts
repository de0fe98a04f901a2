import {
  baseKey, hamletKey, REASON_CODES, SERVICES,
  type Hamlet, type PlanningInstance, type ReasonCode, type Route, type Shortfall, type Team,
} from '../model';
import { placesMatrix, travelBetween, type TravelMatrix } from '../travel';
import { applyRoutes, bestVenueReach, isServiceDone, openingPools, stragglers, type HamletLeft } from './pools';
import { residualAllowances } from './residual';

/** Teams whose base has vehicles able to take the whole team down this hamlet's road. */
export function teamsThatCanReach(instance: PlanningInstance, hamlet: Hamlet): Team[] {
  return instance.teams.filter((team) => {
    const seats = instance.vehicles
      .filter((v) => v.baseId === team.baseId && v.roadClasses.includes(hamlet.roadClass) && (!hamlet.motorbikeOnly || v.kind === 'motorbike'))
      .reduce((sum, v) => sum + v.seats, 0);
    return seats >= team.size;
  });
}

/** Months (1-12) of the days from `from` to `to`. */
function monthsBetween(from: string, to: string): Set<number> {
  const months = new Set<number>();
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.add(m);
    if (++m > 12) { m = 1; y++; }
  }
  return months;
}

/** Can the team get there, work and be back within one of the shifts it may work? */
function withinShift(instance: PlanningInstance, matrix: TravelMatrix, hamlet: Hamlet, team: Team): boolean {
  let there: number;
  try {
    there = travelBetween(matrix, baseKey(team.baseId), hamletKey(hamlet.id)).minutes
      + travelBetween(matrix, hamletKey(hamlet.id), baseKey(team.baseId)).minutes;
  } catch {
    return false;
  }
  return instance.shiftTemplates.some((t) => team.allowedShiftKinds.includes(t.kind) && there + team.setupMinutes < t.endMin - t.startMin);
}

/** What is left at the deadline of each hamlet's services that are not done (see isServiceDone), and of those that are. */
function leftAtDeadline(instance: PlanningInstance, routes: readonly Route[]): { hamlet: Hamlet; short: HamletLeft; residual: number }[] {
  const pools = openingPools(instance);
  applyRoutes(pools, routes, instance.campaign.deadline);
  const allowances = residualAllowances(instance);
  return instance.hamlets.flatMap((hamlet) => {
    const left = pools.get(hamlet.id);
    if (!left) return [];
    const reach = bestVenueReach(instance, hamlet.id);
    const allowance = allowances.get(hamlet.id) ?? { cccd: 0, eid: 0 };
    const short: HamletLeft = { venue: { cccd: 0, eid: 0 }, home: { cccd: 0, eid: 0 } };
    let residual = 0;
    for (const s of SERVICES) {
      if (isServiceDone(left, s, reach, allowance[s])) {
        residual += left.venue[s] + left.home[s];
      } else {
        short.venue[s] = left.venue[s];
        short.home[s] = left.home[s];
      }
    }
    return [{ hamlet, short, residual }];
  });
}

/** People left at the deadline for the commune posts (done hamlets' stragglers and residuals), and in how many hamlets. */
export function residualLeft(instance: PlanningInstance, routes: readonly Route[]): { people: number; hamlets: number } {
  const done = leftAtDeadline(instance, routes).filter((h) => h.residual > 0);
  return { people: done.reduce((sum, h) => sum + h.residual, 0), hamlets: done.length };
}

/**
 * Hamlets still short at the deadline after `routes`, beyond their residual for the commune
 * post (a service that is done shows 0 missing), with why, read from the data:
 * no vehicle for the road, the road cut in the months left, too far for any shift, no
 * kit team for CCCD, homebound needing home visits, turnout too low to meet the last
 * people, or simply not enough shifts for what is still reachable.
 */
export function shortfall(instance: PlanningInstance, routes: readonly Route[]): Shortfall[] {
  const matrix = placesMatrix(instance.bases, instance.hamlets, instance.travel);
  const months = monthsBetween(instance.from, instance.campaign.deadline);
  const out: Shortfall[] = [];
  const anyTeam = anyTeamAvailable(instance);
  for (const { hamlet, short } of leftAtDeadline(instance, routes)) {
    const missing = { cccd: short.venue.cccd + short.home.cccd, eid: short.venue.eid + short.home.eid };
    if (missing.cccd + missing.eid === 0) continue;
    const reasons: ReasonCode[] = anyTeam ? reasonsFor(instance, matrix, months, hamlet, short) : ['no_team_available'];
    out.push({ hamletId: hamlet.id, communeId: hamlet.communeId, missing, reasons });
  }
  return out;
}

/** Whether some team has a day from the start to the deadline that is not one of its days off. */
function anyTeamAvailable(instance: PlanningInstance): boolean {
  const days = (Date.parse(instance.campaign.deadline) - Date.parse(instance.from)) / 86_400_000 + 1;
  return instance.teams.some((team) => new Set(team.daysOff.filter((d) => d >= instance.from && d <= instance.campaign.deadline)).size < days);
}

function reasonsFor(instance: PlanningInstance, matrix: TravelMatrix, months: Set<number>, hamlet: Hamlet, left: HamletLeft): ReasonCode[] {
  const reasons = new Set<ReasonCode>();
  const able = teamsThatCanReach(instance, hamlet);
  const inReach = able.filter((t) => withinShift(instance, matrix, hamlet, t));
  const cutAll = [...months].every((m) => hamlet.cutMonths.includes(m));
  const reach = bestVenueReach(instance, hamlet.id);
  if (able.length === 0) reasons.add('no_vehicle_for_road');
  else if (inReach.length === 0) reasons.add('too_far_for_shift');
  if ([...months].some((m) => hamlet.cutMonths.includes(m))) reasons.add('road_cut_in_season');
  const kit = (t: Team): boolean => t.kits >= 1 && t.services.includes('cccd') && t.throughputPerHour.cccd > 0;
  if (left.venue.cccd + left.home.cccd > 0 && !inReach.some(kit)) reasons.add('no_kit_team');
  if (left.home.cccd + left.home.eid > 0) reasons.add('homebound_needs_home_visits');
  const stuck = (s: 'cccd' | 'eid'): boolean => left.venue[s] > 0 && (reach === 0 || stragglers(left.venue[s], reach));
  if (SERVICES.some(stuck)) reasons.add('reach_too_low');
  // What a team that can get there in a shift could still have done: capacity ran out.
  const can = (t: Team, s: 'cccd' | 'eid'): boolean => t.services.includes(s) && (s === 'eid' ? t.throughputPerHour.eid > 0 : kit(t));
  const stillReachable = !cutAll && SERVICES.some((s) =>
    (left.venue[s] > 0 && !stuck(s) && inReach.some((t) => can(t, s)))
    || (left.home[s] > 0 && inReach.some((t) => t.homeThroughputPerHour > 0 && (s === 'eid' || kit(t)))));
  if (stillReachable) reasons.add('not_enough_shifts');
  if (reasons.size === 0) reasons.add('not_enough_shifts');
  return REASON_CODES.filter((r) => reasons.has(r));
}
