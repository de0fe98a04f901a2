import type { TFunction } from 'i18next';
import type { ScenarioChange, ServicePriority, VehicleKind } from '../../../src-main/core/model';
import { parseDayMonthYear } from '../../app/DateInput';

/** What the scenario form holds, as typed: an empty field means "no such change". */
export interface Draft {
  name: string;
  note: string;
  deadline: string;
  startDate: string;
  addTeams: string;
  likeTeam: string;
  /** Where the added teams are based, by base name (empty: the like team's base). */
  addBase: string;
  loseKind: VehicleKind;
  lose: string;
  /** The vehicles are lost from / to (empty: the whole campaign). */
  loseFrom: string;
  loseTo: string;
  addKind: VehicleKind;
  add: string;
  /** Teams away (codes), from / to (yyyy-MM-dd, empty: the whole campaign). */
  awayTeams: string[];
  awayFrom: string;
  awayTo: string;
  throughputPct: string;
  kitTeams: string[];
  /** A shift lengthened or shortened: its code and new hours (HH:mm, empty: unchanged). */
  lengthenShift: string;
  lengthenStart: string;
  lengthenEnd: string;
  /** A copy of a shift on other weekdays (1 = Monday ... 7 = Sunday). */
  copyShift: string;
  copyCode: string;
  copyWeekdays: number[];
  removeShift: string;
  /** Days made holidays or blackout days: dd/MM/yyyy separated by commas or spaces. */
  daysOff: string;
  daysOffAs: 'holiday' | 'blackout';
  backlogCommune: string;
  backlogService: '' | 'cccd' | 'eid';
  backlogPct: string;
  backlogPeople: string;
  priority: '' | ServicePriority;
}

export const EMPTY_DRAFT: Draft = {
  name: '', note: '', deadline: '', startDate: '', addTeams: '', likeTeam: '', addBase: '', loseKind: 'car', lose: '', loseFrom: '', loseTo: '', addKind: 'car', add: '',
  awayTeams: [], awayFrom: '', awayTo: '', throughputPct: '', kitTeams: [],
  lengthenShift: '', lengthenStart: '', lengthenEnd: '', copyShift: '', copyCode: '', copyWeekdays: [], removeShift: '',
  daysOff: '', daysOffAs: 'blackout', backlogCommune: '', backlogService: '', backlogPct: '', backlogPeople: '', priority: '',
};

/** A problem the form can name before the server sees it: the field and a translation key. */
export class DraftProblem extends Error {
  constructor(readonly field: keyof Draft, readonly key: string, readonly params: Record<string, string> = {}) {
    super(key);
  }
}

/** Whole numbers typed in a field; empty means "no such change". */
const whole = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** HH:mm to minutes from midnight; undefined when empty. */
function minutesOf(field: keyof Draft, text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const m = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(text);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new DraftProblem(field, 'scenario.form.badTime', { text });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** dd/MM/yyyy dates separated by commas, semicolons or spaces, each a real date. */
function datesOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean).map((part) => {
    const iso = parseDayMonthYear(part);
    if (!iso) throw new DraftProblem('daysOff', 'scenario.form.badDate', { text: part });
    return iso;
  });
}

function teamChanges(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const teams = whole(d.addTeams);
  if (teams !== null) out.push({ kind: 'addTeams', count: teams, likeTeam: d.likeTeam, withVehicles: true, ...(d.addBase ? { baseName: d.addBase } : {}) });
  if (d.awayTeams.length) out.push({ kind: 'removeTeams', teams: d.awayTeams, ...(d.awayFrom ? { from: d.awayFrom } : {}), ...(d.awayTo ? { to: d.awayTo } : {}) });
  const pct = whole(d.throughputPct);
  if (pct !== null) out.push({ kind: 'throughput', percent: pct });
  if (d.kitTeams.length) out.push({ kind: 'giveKits', teams: d.kitTeams });
  return out;
}

function shiftChanges(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  if (d.lengthenShift) {
    const startMin = minutesOf('lengthenStart', d.lengthenStart);
    const endMin = minutesOf('lengthenEnd', d.lengthenEnd);
    if (startMin === undefined && endMin === undefined) throw new DraftProblem('lengthenEnd', 'scenario.form.newHours');
    out.push({ kind: 'lengthenShift', shift: d.lengthenShift, ...(startMin !== undefined ? { startMin } : {}), ...(endMin !== undefined ? { endMin } : {}) });
  }
  if (d.copyShift) {
    if (!d.copyCode.trim()) throw new DraftProblem('copyCode', 'scenario.form.codeNeeded');
    if (!d.copyWeekdays.length) throw new DraftProblem('copyWeekdays', 'scenario.form.weekdaysNeeded');
    out.push({ kind: 'addShift', likeShift: d.copyShift, code: d.copyCode.trim(), weekdays: [...d.copyWeekdays].sort() });
  }
  if (d.removeShift) out.push({ kind: 'removeShift', shift: d.removeShift });
  const dates = datesOf(d.daysOff);
  if (dates.length) out.push({ kind: 'calendarDays', dates, as: d.daysOffAs });
  return out;
}

function backlogChange(d: Draft): ScenarioChange[] {
  const percent = whole(d.backlogPct);
  const addPeople = whole(d.backlogPeople);
  if (percent === null && addPeople === null) return [];
  if (percent !== null && addPeople !== null) throw new DraftProblem('backlogPeople', 'scenario.form.percentOrPeople');
  return [{
    kind: 'backlog', ...(d.backlogCommune ? { commune: d.backlogCommune } : {}), ...(d.backlogService ? { service: d.backlogService } : {}),
    ...(percent !== null ? { percent } : { addPeople: addPeople! }),
  }];
}

/**
 * The changes the filled fields describe, in the order a manager reads them. Throws a
 * DraftProblem for what the form itself can tell is wrong (a time or a date that is none,
 * both a percentage and a number of people); the server checks the rest against the data.
 */
export function changesOf(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  if (d.deadline) out.push({ kind: 'deadline', deadline: d.deadline });
  if (d.startDate) out.push({ kind: 'startDate', from: d.startDate });
  out.push(...teamChanges(d));
  const lose = whole(d.lose);
  if (lose !== null) {
    out.push({ kind: 'loseVehicles', vehicleKind: d.loseKind, count: lose, ...(d.loseFrom ? { from: d.loseFrom } : {}), ...(d.loseTo ? { to: d.loseTo } : {}) });
  }
  const add = whole(d.add);
  if (add !== null) out.push({ kind: 'addVehicles', vehicleKind: d.addKind, count: add });
  out.push(...shiftChanges(d), ...backlogChange(d));
  if (d.priority) out.push({ kind: 'servicePriority', priority: d.priority });
  return out;
}

/** The words a change's one-line summary needs (scenario.change.<kind>). */
export function changeParams(c: ScenarioChange, t: TFunction): Record<string, unknown> {
  const params: Record<string, unknown> = { ...c };
  if ('vehicleKind' in c) params.kindName = t(`scenario.kind.${c.vehicleKind}`);
  if ('teams' in c && c.teams) params.teamList = c.teams.join(', ');
  if (c.kind === 'calendarDays') params.count = c.dates.length;
  if (c.kind === 'servicePriority') params.priorityName = t(`register.campaign.priorityShort.${c.priority}`);
  if (c.kind === 'backlog') {
    const amount = c.percent !== undefined ? `${c.percent > 0 ? '+' : ''}${c.percent}%` : `${(c.addPeople ?? 0) > 0 ? '+' : ''}${c.addPeople ?? 0}`;
    params.amount = [amount, c.service ? t(`scenario.row.${c.service}`) : '', c.commune ?? ''].filter(Boolean).join(' ');
  }
  return params;
}
