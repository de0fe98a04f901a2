import { z } from 'zod';
import {
  areaUnit, backlog, base, calendarException, campaign, commune, hamlet, member, shiftTemplate, team, travelPair, vehicle,
  type PlanningInstance,
} from '../model';

export const demoMeta = z.object({
  seed: z.number().int(),
  generatedBy: z.string().min(1),
  /** Always true: every hamlet, team, officer and vehicle is made up. */
  illustrative: z.literal(true),
  label: z.string().min(1),
});
export type DemoMeta = z.infer<typeof demoMeta>;

const demoDatasetShape = z.object({
  meta: demoMeta,
  areas: z.array(areaUnit),
  communes: z.array(commune),
  hamlets: z.array(hamlet),
  backlogs: z.array(backlog),
  bases: z.array(base),
  teams: z.array(team),
  members: z.array(member),
  vehicles: z.array(vehicle),
  shiftTemplates: z.array(shiftTemplate),
  exceptions: z.array(calendarException),
  campaign,
  travel: z.array(travelPair),
});

type Shape = z.infer<typeof demoDatasetShape>;

function checkIds(ctx: z.RefinementCtx, what: keyof Shape, ids: readonly number[]): Set<number> {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [what, i, 'id'], message: `duplicate ${what} id ${id}` });
    seen.add(id);
  });
  return seen;
}

function checkRef(ctx: z.RefinementCtx, path: (string | number)[], id: number | null, known: Set<number>): void {
  if (id !== null && !known.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown id ${id}` });
}

/**
 * A complete demo data set: the model's own schemas, plus referential integrity (every id
 * unique, every reference pointing at something that exists, one backlog per hamlet).
 */
export const demoDataset = demoDatasetShape.superRefine((d, ctx) => {
  const areaIds = checkIds(ctx, 'areas', d.areas.map((a) => a.id));
  const communeIds = checkIds(ctx, 'communes', d.communes.map((c) => c.id));
  const hamletIds = checkIds(ctx, 'hamlets', d.hamlets.map((h) => h.id));
  const baseIds = checkIds(ctx, 'bases', d.bases.map((b) => b.id));
  const teamIds = checkIds(ctx, 'teams', d.teams.map((t) => t.id));
  checkIds(ctx, 'members', d.members.map((m) => m.id));
  checkIds(ctx, 'vehicles', d.vehicles.map((v) => v.id));
  checkIds(ctx, 'shiftTemplates', d.shiftTemplates.map((t) => t.id));

  d.areas.forEach((a, i) => checkRef(ctx, ['areas', i, 'parentId'], a.parentId, areaIds));
  d.communes.forEach((c, i) => checkRef(ctx, ['communes', i, 'areaId'], c.areaId, areaIds));
  d.hamlets.forEach((h, i) => checkRef(ctx, ['hamlets', i, 'communeId'], h.communeId, communeIds));
  d.bases.forEach((b, i) => checkRef(ctx, ['bases', i, 'communeId'], b.communeId, communeIds));
  d.teams.forEach((t, i) => checkRef(ctx, ['teams', i, 'baseId'], t.baseId, baseIds));
  d.members.forEach((m, i) => checkRef(ctx, ['members', i, 'teamId'], m.teamId, teamIds));
  d.vehicles.forEach((v, i) => checkRef(ctx, ['vehicles', i, 'baseId'], v.baseId, baseIds));

  const withBacklog = new Set<number>();
  d.backlogs.forEach((b, i) => {
    checkRef(ctx, ['backlogs', i, 'hamletId'], b.hamletId, hamletIds);
    if (withBacklog.has(b.hamletId)) ctx.addIssue({ code: 'custom', path: ['backlogs', i, 'hamletId'], message: 'second backlog for a hamlet' });
    withBacklog.add(b.hamletId);
  });
  const keyKnown = (key: string): boolean => {
    const idOf = Number(key.slice(2));
    return key.startsWith('b:') ? baseIds.has(idOf) : hamletIds.has(idOf);
  };
  d.travel.forEach((p, i) => {
    if (!keyKnown(p.from)) ctx.addIssue({ code: 'custom', path: ['travel', i, 'from'], message: `unknown location ${p.from}` });
    if (!keyKnown(p.to)) ctx.addIssue({ code: 'custom', path: ['travel', i, 'to'], message: `unknown location ${p.to}` });
  });
});
export type DemoDataset = z.infer<typeof demoDataset>;

/** The planner's instance for a whole data set, planned from its campaign start with nothing pinned. */
export function datasetInstance(d: DemoDataset): PlanningInstance {
  return {
    campaign: d.campaign, from: d.campaign.startDate, communes: d.communes, hamlets: d.hamlets, backlogs: d.backlogs,
    bases: d.bases, teams: d.teams, vehicles: d.vehicles, shiftTemplates: d.shiftTemplates, exceptions: d.exceptions,
    travel: d.travel, pinned: [], previous: [],
  };
}
