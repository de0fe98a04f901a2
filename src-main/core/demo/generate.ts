import type { AreaUnit, Hamlet } from '../model';
import { assignAccess, apportionBacklogs, drawReach } from './access';
import { apportion } from './apportion';
import { demoShiftTemplates, thuongXuan2022Exceptions } from './calendar';
import type { DemoDataset } from './dataset';
import { distanceKm } from './geometry';
import {
  buildBases, buildCommunes, describeCommunes, hamletCounts, hamletPopulations, hamletPositions, hamletVenueAndContact,
  nameHamlets,
} from './places';
import { createRng } from './rng';
import { buildStaff } from './staff';
import { DISTRICT_TEAM_PLAN, GENERATED_BY, type DistrictInput, type TeamPlan } from './spec';
import { measuredTravel } from './travel';

export type { DistrictInput, TeamPlan } from './spec';

/**
 * A whole illustrative district: places, backlogs, teams, vehicles, calendar and measured
 * travel, from real commune positions and outlines. Pure and deterministic: the same input
 * gives the same data set, id for id. Ids start at 1 per kind, in a fixed order (communes
 * by code; hamlets commune by commune; HQ then posts; mobile then post teams).
 */
export function generateDistrict(input: DistrictInput): DemoDataset {
  const plan: TeamPlan = { ...DISTRICT_TEAM_PLAN, ...input.teamPlan };
  const terrain = input.terrain ?? 'mountain';
  const rng = createRng(input.seed);
  const sorted = [...input.communes].sort((a, b) => (a.gsoCode < b.gsoCode ? -1 : a.gsoCode > b.gsoCode ? 1 : 0));
  if (sorted.length === 0) throw new Error('a district needs communes');
  const { info, hq } = describeCommunes(sorted, input.townCode);

  const areas: AreaUnit[] = [
    { id: 1, parentId: null, level: 'province', code: input.district.provinceCode ?? input.district.provinceName, name: input.district.provinceName, isPlanningArea: false },
    { id: 2, parentId: 1, level: 'district', code: input.district.code, name: input.district.name, isPlanningArea: true },
  ];

  // Population: the 2009 census scaled to the target, with a little drift per commune.
  const popRng = rng.fork('population');
  const communePops = apportion(input.targets.population, info.map((c) => c.input.population2009 * Math.exp(popRng.normal(0, 0.04))));
  const communes = buildCommunes(info, 2, communePops);
  const counts = hamletCounts(rng.fork('hamlet-counts'), info, input.hamletRule ?? { kind: 'district', min: 8, max: 11 });

  const hamlets: Hamlet[] = [];
  const offCentre: number[] = [];
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  info.forEach((c, ci) => {
    const crng = rng.fork(`commune:${c.input.gsoCode}`);
    const count = counts[ci]!;
    const positions = hamletPositions(crng, c, count);
    const names = nameHamlets(crng, c, count);
    const pops = hamletPopulations(crng, communePops[ci]!, count);
    positions.forEach((p, k) => {
      const draft = names[k]!;
      const { venue, contact } = hamletVenueAndContact(crng, draft, usedNames, usedPhones);
      hamlets.push({
        id: hamlets.length + 1,
        communeId: c.id,
        code: `${c.input.gsoCode}-${String(k + 1).padStart(2, '0')}`,
        name: draft.name,
        lat: p.lat,
        lon: p.lon,
        population: pops[k]!,
        venue,
        contact,
        roadClass: 'paved',
        motorbikeOnly: false,
        cutMonths: [],
        reach: drawReach(crng),
        illustrative: true,
      });
      offCentre.push(distanceKm(p, c.input) / Math.max(0.5, c.reachKm));
    });
  });

  const access = assignAccess(rng.fork('access'), hamlets.map((h, i) => ({
    distHqKm: distanceKm(hq, h),
    offCentre: offCentre[i]!,
    communeId: h.communeId,
    urban: info[h.communeId - 1]!.urban !== null,
  })), terrain);
  hamlets.forEach((h, i) => {
    const a = access[i]!;
    h.roadClass = a.roadClass;
    h.motorbikeOnly = a.motorbikeOnly;
    h.cutMonths = a.cutMonths;
  });

  const backlogs = apportionBacklogs(
    rng.fork('backlog'),
    hamlets.map((h, i) => ({ id: h.id, population: h.population, remoteness: access[i]!.remoteness })),
    input.targets.backlog,
    input.campaign.startDate,
  );
  const backlogByCommune = info.map(() => 0);
  backlogs.forEach((b, i) => {
    backlogByCommune[hamlets[i]!.communeId - 1]! += b.remaining.cccd + b.remaining.eid;
  });

  const bases = buildBases(info, hq, input.district.name, rng.fork('bases'));
  const staff = buildStaff(rng.fork('staff'), { info, bases, backlogByCommune, campaign: input.campaign, plan, platePrefix: input.platePrefix ?? '36' });
  const travel = measuredTravel(rng.fork('travel'), bases, hamlets);

  return {
    meta: {
      seed: input.seed,
      generatedBy: GENERATED_BY,
      illustrative: true,
      label: input.label ?? `${input.district.name}, ${input.district.provinceName} (dữ liệu minh họa)`,
    },
    areas,
    communes,
    hamlets,
    backlogs,
    bases,
    teams: staff.teams,
    members: staff.members,
    vehicles: staff.vehicles,
    shiftTemplates: demoShiftTemplates(),
    exceptions: [...(input.exceptions ?? thuongXuan2022Exceptions())],
    campaign: { ...input.campaign },
    travel,
  };
}
