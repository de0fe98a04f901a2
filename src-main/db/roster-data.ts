import {
  resolveRosterSettings, rosterCommuneSettings, rosterGeneralSettings,
  type AreaNames, type RosterCommuneSettings, type RosterGeneralSettings, type RosterSettings, type RosterSource,
} from '../core/roster';
import type { Db } from './open';
import { DbRefusal } from './refusal';
import { getPlan, publishedPlanId } from './repos/plans';
import { listBases, listCommunes, listHamlets } from './repos/places';
import { listMembers, listShiftTemplates, listTeams, listVehicles } from './repos/resources';
import { getSetting, setSetting } from './repos/settings';

/** Settings keys: one for the district-wide fields, one per commune (by commune code). */
export const ROSTER_GENERAL_KEY = 'roster.general';
export const rosterCommuneKey = (communeCode: string): string => `roster.commune.${communeCode}`;

function areaNames(db: Db): AreaNames {
  const rows = db.prepare('SELECT level, name, is_planning_area FROM area_units ORDER BY id').all() as Array<{
    level: string; name: string; is_planning_area: number;
  }>;
  const planning = rows.find((r) => r.is_planning_area === 1);
  return {
    province: rows.find((r) => r.level === 'province')?.name ?? '',
    district: planning && planning.level !== 'commune' ? planning.name : (rows.find((r) => r.level === 'district')?.name ?? ''),
  };
}

export function getRosterSettings(db: Db): RosterSettings {
  const communes = listCommunes(db);
  const stored = new Map<string, unknown>();
  for (const c of communes) {
    const value = getSetting<unknown>(db, rosterCommuneKey(c.code));
    if (value !== undefined) stored.set(c.code, value);
  }
  return resolveRosterSettings(
    { area: areaNames(db), communes, bases: listBases(db), teams: listTeams(db), members: listMembers(db) },
    { general: getSetting<unknown>(db, ROSTER_GENERAL_KEY), communes: stored },
  );
}

export class UnknownCommuneError extends Error {}

/** Saves what the user edited (validated), in one transaction; returns the settings now in force. */
export function saveRosterSettings(
  db: Db,
  update: { general?: RosterGeneralSettings; communes?: RosterCommuneSettings[] },
): RosterSettings {
  const known = new Set(listCommunes(db).map((c) => c.code));
  db.transaction(() => {
    if (update.general) setSetting(db, ROSTER_GENERAL_KEY, rosterGeneralSettings.parse(update.general));
    for (const c of update.communes ?? []) {
      if (!known.has(c.communeCode)) throw new UnknownCommuneError(`No commune with code ${c.communeCode}`);
      const { communeCode, ...fields } = rosterCommuneSettings.parse(c);
      setSetting(db, rosterCommuneKey(communeCode), fields);
    }
  })();
  return getRosterSettings(db);
}

/** "published" or a plan id -> the plan id, or null when there is none. */
export function resolvePlanRef(db: Db, ref: number | 'published'): number | null {
  if (ref === 'published') return publishedPlanId(db);
  return getPlan(db, ref) ? ref : null;
}

/** A plan and the reference data its rosters name (hamlets, teams, members, vehicles ...). */
export function loadRosterSource(db: Db, planId: number): RosterSource | null {
  const plan = getPlan(db, planId);
  if (!plan) return null;
  // A what-if's visits are not the teams' duty: no roster for them, however it is asked for.
  if (plan.summary.scenarioId !== null) {
    throw new DbRefusal('CONFLICT', `plan ${planId} is a scenario's what-if: it has no rosters (only the district's own plans have)`,
      { key: 'rosterOfWhatIf', params: { name: plan.summary.name } });
  }
  return {
    plan: { id: plan.summary.id, name: plan.summary.name, status: plan.summary.status },
    routes: plan.routes.map(({ id: _id, ...route }) => route),
    communes: listCommunes(db),
    hamlets: listHamlets(db),
    bases: listBases(db),
    teams: listTeams(db),
    members: listMembers(db),
    vehicles: listVehicles(db),
    shiftTemplates: listShiftTemplates(db),
    settings: getRosterSettings(db),
  };
}
