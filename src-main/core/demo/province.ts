import type { Campaign, CalendarException, PerService } from '../model';
import { apportion } from './apportion';
import { thanhHoa2024Exceptions } from './calendar';
import type { DemoDataset } from './dataset';
import { generateDistrict } from './generate';
import type { CentroidRow } from './inputs';
import { createRng, hashSeed } from './rng';
import type { DemoCommuneInput, TeamPlan, Terrain } from './spec';

export interface ProvinceInput {
  seed: number;
  /** All communes of the province (thanh-hoa-communes-centroids.csv). */
  rows: readonly CentroidRow[];
  province: { code: string; name: string };
  targets: { population: number; backlog: PerService };
  campaign: Campaign;
  exceptions?: readonly CalendarException[];
  /** Applied to every district on top of the province defaults. */
  teamPlan?: Partial<TeamPlan>;
}

export const THANH_HOA_2024 = {
  province: { code: '38', name: 'Tỉnh Thanh Hóa' },
  // 2009 census (3.48 M) grown to about the 2024 figure; ~1 M still to enrol (DOMAIN.md).
  targets: { population: 3_760_000, backlog: { cccd: 30_000, eid: 970_000 } },
  campaign: { name: 'Cao điểm thu nhận, kích hoạt định danh điện tử mức 2', startDate: '2024-09-03', deadline: '2024-12-31' },
  seed: 20240903,
} as const;

/** People per km² below which a district is treated as mountainous (forest tracks, road cuts). */
const MOUNTAIN_DENSITY = 250;

/** The seat: the thị trấn named like the district, else the most populous thị trấn or phường, else the most populous commune. */
function seatOf(districtVn: string, rows: readonly CentroidRow[]): CentroidRow {
  const proper = districtVn.replace(/^(Huyện|Thị xã|Thành phố)\s+/u, '');
  const named = rows.find((r) => r.communeVn === `Thị trấn ${proper}`);
  if (named) return named;
  const byPop = [...rows].sort((a, b) => b.population2009 - a.population2009 || (a.communeId < b.communeId ? -1 : 1));
  return byPop.find((r) => /^(Thị trấn|Phường)/u.test(r.communeVn)) ?? byPop[0]!;
}

/**
 * One independent data set per district (teams do not cross district lines), for the
 * province-scale benchmark: hamlets sampled in a disc around each commune centre sized by
 * its area, about one hamlet per 700 people (2009), post teams in the communes with the
 * largest backlogs, mobile teams at each district HQ.
 */
export function generateProvince(input: ProvinceInput): DemoDataset[] {
  const byDistrict = new Map<string, CentroidRow[]>();
  for (const r of input.rows) {
    const list = byDistrict.get(r.districtId) ?? [];
    list.push(r);
    byDistrict.set(r.districtId, list);
  }
  const districtIds = [...byDistrict.keys()].sort();
  const districts = districtIds.map((id) => byDistrict.get(id)!);
  const pop2009 = districts.map((rows) => rows.reduce((s, r) => s + r.population2009, 0));
  const areaKm2 = districts.map((rows) => rows.reduce((s, r) => s + r.areaHa, 0) / 100);
  const terrain = districts.map((_, i): Terrain => (pop2009[i]! / Math.max(1, areaKm2[i]!) < MOUNTAIN_DENSITY ? 'mountain' : 'lowland'));

  const rng = createRng(input.seed);
  const population = apportion(input.targets.population, pop2009);
  // Mountain districts lag behind: a larger share of their people is still to enrol.
  const lag = districts.map((_, i) => pop2009[i]! * (terrain[i] === 'mountain' ? 1.4 : 1) * Math.exp(rng.normal(0, 0.1)));
  const eid = apportion(input.targets.backlog.eid, lag);
  const cccd = apportion(input.targets.backlog.cccd, lag.map((w, i) => w * (terrain[i] === 'mountain' ? 1.5 : 1)));

  return districts.map((rows, i) => {
    const seat = seatOf(rows[0]!.districtVn, rows);
    const communes: DemoCommuneInput[] = rows.map((r) => ({
      gsoCode: r.communeId,
      name: r.communeVn,
      lat: r.lat,
      lon: r.lon,
      population2009: r.population2009,
      areaKm2: Math.max(0.5, r.areaHa / 100),
    }));
    const n = rows.length;
    const plan: Partial<TeamPlan> = {
      mobileTeams: Math.min(6, Math.max(2, Math.round(n / 8))),
      mobileHomeVisitTeams: 1,
      // Over 120 days teams also keep their regular duties: fewer campaign shifts a week.
      mobileMaxShiftsPerWeek: [3, 4],
      mobileEidPerHour: [24, 30],
      fixedTeamShare: 0.65,
      fixedKitTeams: Math.max(1, Math.round(n * 0.15)),
      fixedEidPerHour: [12, 16],
      fixedMaxShiftsPerWeek: [2, 3],
      fixedMaxConsecutiveEvenings: [3, 4],
      hqCars: 2,
      hqPickups: terrain[i] === 'mountain' ? 2 : 1,
      hqMotorbikes: 3,
      ...input.teamPlan,
    };
    return generateDistrict({
      seed: hashSeed(input.seed, rows[0]!.districtId),
      district: { code: rows[0]!.districtId, name: rows[0]!.districtVn, provinceName: input.province.name, provinceCode: input.province.code },
      communes,
      townCode: seat.communeId,
      targets: { population: population[i]!, backlog: { cccd: cccd[i]!, eid: eid[i]! } },
      campaign: input.campaign,
      exceptions: input.exceptions ?? thanhHoa2024Exceptions(),
      teamPlan: plan,
      terrain: terrain[i],
      hamletRule: { kind: 'density', peoplePerHamlet: 700, min: 3, max: 16 },
      label: `${rows[0]!.districtVn}, ${input.province.name}: mô phỏng cấp tỉnh (dữ liệu minh họa)`,
    });
  });
}

/** The benchmark's province: Thanh Hóa, 27 districts, ~1 M people to enrol in 120 days. */
export function generateThanhHoa(rows: readonly CentroidRow[], seed: number = THANH_HOA_2024.seed): DemoDataset[] {
  return generateProvince({
    seed,
    rows,
    province: { ...THANH_HOA_2024.province },
    targets: { population: THANH_HOA_2024.targets.population, backlog: { ...THANH_HOA_2024.targets.backlog } },
    campaign: { ...THANH_HOA_2024.campaign },
  });
}
