import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { firstPlanningDay, lastResultDay, type Db } from '../../db';
import { listBacklogs, listBases, listCommunes, listHamlets, listOutlines } from '../../db/repos/places';
import { getCampaign, listCalendarExceptions, listMembers, listShiftTemplates, listTeams, listVehicles } from '../../db/repos/resources';
import { listRecorded } from '../../db/repos/results';
import { getSetting } from '../../db/repos/settings';
import { remainingBacklogs } from '../../core/results';
import type { HamletRow, Overview } from '../contract';
import type { Handlers } from '../dispatch';
import { tableToXlsx } from '../../render/table-xlsx';

function hamletRows(db: Db): HamletRow[] {
  const backlogByHamlet = new Map(listBacklogs(db).map((b) => [b.hamletId, b]));
  const communeName = new Map(listCommunes(db).map((c) => [c.id, c.name]));
  return listHamlets(db).map((h) => ({
    ...h,
    backlog: backlogByHamlet.get(h.id) ?? null,
    communeName: communeName.get(h.communeId) ?? '',
  }));
}

/**
 * Today inside the campaign, else its start, and never on or before a day whose results are
 * recorded (`firstOpen`, the first day a plan may start): the date the home screen counts from
 * and a new plan starts on by default.
 */
export function asOfDate(campaign: { startDate: string; deadline: string }, firstOpen = campaign.startDate, today = format(new Date(), 'yyyy-MM-dd')): string {
  const current = today >= campaign.startDate && today <= campaign.deadline ? today : campaign.startDate;
  return firstOpen > current ? firstOpen : current;
}

const total = <T,>(rows: readonly T[], pick: (row: T) => number): number => rows.reduce((s, row) => s + pick(row), 0);

function overview(db: Db): Overview {
  const hamlets = hamletRows(db);
  const teams = listTeams(db);
  const vehicles = listVehicles(db);
  const campaign = getCampaign(db);
  const asOf = campaign ? asOfDate(campaign, firstPlanningDay(db, campaign.startDate)) : null;
  const lastResult = lastResultDay(db);
  const area = db.prepare('SELECT name FROM area_units WHERE is_planning_area = 1 LIMIT 1').get() as { name: string } | undefined;
  const countKind = (kind: string): number => vehicles.filter((v) => v.kind === kind).length;
  const left = remainingBacklogs(listBacklogs(db), listRecorded(db));
  return {
    dataset: getSetting<{ label: string; demo: boolean }>(db, 'dataset') ?? { label: '', demo: false },
    areaName: area?.name ?? '',
    communes: listCommunes(db).length,
    hamlets: hamlets.length,
    population: total(hamlets, (h) => h.population),
    // What is left: the registered backlogs less the results recorded since they were counted.
    backlog: { cccd: total(left, (b) => b.remaining.cccd), eid: total(left, (b) => b.remaining.eid) },
    homebound: { cccd: total(left, (b) => b.homebound.cccd), eid: total(left, (b) => b.homebound.eid) },
    teams: { total: teams.length, withKit: teams.filter((t) => t.kits > 0).length, members: listMembers(db).length },
    vehicles: { car: countKind('car'), pickup: countKind('pickup'), motorbike: countKind('motorbike') },
    campaign,
    asOf,
    lastResult,
    daysLeft: campaign && asOf ? Math.max(0, differenceInCalendarDays(parseISO(campaign.deadline), parseISO(asOf)) + 1) : null,
  };
}

export const dataHandlers: Pick<
  Handlers,
  'overview.get' | 'map.get' | 'hamlets.list' | 'teams.list' | 'vehicles.list' |
  'shiftTemplates.list' | 'calendar.list' | 'export.table'
> = {
  'overview.get': (_p, ctx) => overview(ctx.db),
  'map.get': (_p, ctx) => ({
    outlines: listOutlines(ctx.db),
    communes: listCommunes(ctx.db),
    hamlets: hamletRows(ctx.db),
    bases: listBases(ctx.db),
  }),
  'hamlets.list': ({ communeId }, ctx) => hamletRows(ctx.db).filter((h) => communeId === undefined || h.communeId === communeId),
  'teams.list': (_p, ctx) => {
    const members = listMembers(ctx.db);
    const baseName = new Map(listBases(ctx.db).map((b) => [b.id, b.name]));
    return listTeams(ctx.db).map((t) => ({
      ...t, members: members.filter((m) => m.teamId === t.id), baseName: baseName.get(t.baseId) ?? '',
    }));
  },
  'vehicles.list': (_p, ctx) => {
    const baseName = new Map(listBases(ctx.db).map((b) => [b.id, b.name]));
    return listVehicles(ctx.db).map((v) => ({ ...v, baseName: baseName.get(v.baseId) ?? '' }));
  },
  'shiftTemplates.list': (_p, ctx) => listShiftTemplates(ctx.db),
  'export.table': async ({ fileName, title, columns, rows }) => {
    const bytes = await tableToXlsx({ title, sheetName: title || fileName, columns, rows });
    return {
      fileName: fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: bytes.toString('base64'),
    };
  },
  'calendar.list': (_p, ctx) => ({ campaign: getCampaign(ctx.db), exceptions: listCalendarExceptions(ctx.db) }),
};
