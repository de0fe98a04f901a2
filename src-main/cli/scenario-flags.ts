import { z } from 'zod';
import { isoDate, VEHICLE_KINDS, type PlanningInstance, type ScenarioChange, type VehicleKind } from '../core/model';
import { shiftCopy as coreShiftCopy, type ExtraResource } from '../core/scenario';
import { UsageError } from './flags';

const kindCount = z.string().regex(new RegExp(`^(${VEHICLE_KINDS.join('|')}):[1-9]\\d{0,2}$`), `must be kind:N, kind one of ${VEHICLE_KINDS.join(', ')}`);
const codes = z.string().regex(/^[\w.-]+(,[\w.-]+)*$/, 'must be codes separated by commas');

export const scenarioFlags = z.object({
  db: z.string().min(1).default('./data/luudong.sqlite'),
  name: z.string().trim().min(1).max(120).optional(),
  note: z.string().max(1000).optional(),
  from: isoDate.optional(),
  deadline: isoDate.optional(),
  'add-teams': z.string().regex(/^[1-9]\d{0,1}(:[\w-]+)?$/, 'must be N or N:base (a commune code for its post, or hq)').optional(),
  like: z.string().regex(/^[\w.-]+$/).optional(),
  'remove-teams': codes.optional(),
  'lose-vehicles': kindCount.optional(),
  'add-vehicles': kindCount.optional(),
  'add-shift': codes.optional(),
  'backlog-pct': z.coerce.number({ error: 'must be a number' }).min(-100).max(500).optional(),
  'min-extra': z.string().regex(new RegExp(`^(teams|shifts|vehicles:(${VEHICLE_KINDS.join('|')}))$`), 'must be teams, shifts or vehicles:<kind>').optional(),
  'max-extra': z.coerce.number().int().min(1).max(100).default(20),
  'time-limit': z.coerce.number({ error: 'must be a number of seconds' }).min(0.1).max(3600).default(5),
  seed: z.coerce.number().int().min(0).default(1),
  json: z.string().min(1).optional(),
}).strict();
export type ScenarioFlags = z.infer<typeof scenarioFlags>;

/** "15631" (a commune code: its post), "hq" or a base's exact name, as the name the changes use. */
function baseName(instance: PlanningInstance, key: string): string {
  if (key.toLowerCase() === 'hq') {
    const hq = instance.bases.find((b) => b.kind === 'hq');
    if (hq) return hq.name;
  }
  const commune = instance.communes.find((c) => c.code === key);
  const post = commune && instance.bases.find((b) => b.kind === 'post' && b.communeId === commune.id);
  if (post) return post.name;
  const named = instance.bases.find((b) => b.name === key);
  if (named) return named.name;
  throw new UsageError(`--add-teams: no base "${key}" (give a commune code for its police post, or hq)`);
}

/** The team extra teams are like: --like, else the first district team that does both services with a kit. */
export function likeTeam(instance: PlanningInstance, code: string | undefined): string {
  if (code) {
    if (!instance.teams.some((t) => t.code === code)) throw new UsageError(`--like: no team ${code}`);
    return code;
  }
  const hq = new Set(instance.bases.filter((b) => b.kind === 'hq').map((b) => b.id));
  const able = instance.teams.filter((t) => t.kits > 0 && t.services.length === 2);
  const chosen = able.find((t) => hq.has(t.baseId)) ?? able[0] ?? instance.teams[0];
  if (!chosen) throw new UsageError('there is no team to copy');
  return chosen.code;
}

/** A copy of shift `code` on the weekdays it does not cover; a bad code names --add-shift. */
export function shiftCopy(instance: PlanningInstance, code: string): Extract<ScenarioChange, { kind: 'addShift' }> {
  const copy = coreShiftCopy(instance, code);
  if ('problem' in copy) throw new UsageError(`--add-shift: ${copy.problem}`);
  return copy;
}

/** The scenario's changes from the flags, in the order a manager reads them. */
export function changesFromFlags(instance: PlanningInstance, f: ScenarioFlags): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  if (f.deadline) changes.push({ kind: 'deadline', deadline: f.deadline });
  if (f['add-teams']) {
    const [count, base] = f['add-teams'].split(':') as [string, string | undefined];
    changes.push({ kind: 'addTeams', count: Number(count), likeTeam: likeTeam(instance, f.like), withVehicles: true, ...(base ? { baseName: baseName(instance, base) } : {}) });
  }
  if (f['remove-teams']) changes.push({ kind: 'removeTeams', teams: f['remove-teams'].split(',') });
  for (const [flag, kind] of [['lose-vehicles', 'loseVehicles'], ['add-vehicles', 'addVehicles']] as const) {
    const value = f[flag];
    if (!value) continue;
    const [vehicleKind, count] = value.split(':') as [VehicleKind, string];
    changes.push({ kind, vehicleKind, count: Number(count) });
  }
  for (const code of f['add-shift']?.split(',') ?? []) changes.push(shiftCopy(instance, code));
  if (f['backlog-pct'] !== undefined) changes.push({ kind: 'backlog', percent: f['backlog-pct'] });
  return changes;
}

/** What --min-extra asks for; shifts: every template copied onto the days it lacks, in the templates' order. */
export function extraResource(instance: PlanningInstance, f: ScenarioFlags): ExtraResource | null {
  const asked = f['min-extra'];
  if (!asked) return null;
  if (asked === 'teams') return { kind: 'teams', likeTeam: likeTeam(instance, f.like) };
  if (asked === 'shifts') {
    const shifts = instance.shiftTemplates.filter((s) => s.weekdays.length < 7).map((s) => shiftCopy(instance, s.code));
    return { kind: 'shifts', shifts };
  }
  return { kind: 'vehicles', vehicleKind: asked.slice('vehicles:'.length) as VehicleKind };
}
