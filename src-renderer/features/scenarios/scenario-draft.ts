import type { ScenarioChange, ServicePriority, VehicleKind } from '../../../src-main/core/model';

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
  /** The teams whose throughput changes (none ticked: every team). */
  throughputTeams: string[];
  kitTeams: string[];
  /** A shift lengthened or shortened: its code and new hours (HH:mm, empty: unchanged). */
  lengthenShift: string;
  lengthenStart: string;
  lengthenEnd: string;
  /** A copy of a shift on other weekdays (1 = Monday ... 7 = Sunday; none: the same days) and/or hours. */
  copyShift: string;
  copyCode: string;
  copyWeekdays: number[];
  copyStart: string;
  copyEnd: string;
  removeShift: string;
  /** Days made holidays or blackout days, yyyy-MM-dd (an empty row is no day). */
  daysOff: string[];
  daysOffAs: 'holiday' | 'blackout';
  backlogCommune: string;
  backlogService: '' | 'cccd' | 'eid';
  backlogPct: string;
  backlogPeople: string;
  priority: '' | ServicePriority;
}

/** How a form section changes the draft: only the fields it names. */
export type SetDraft = (patch: Partial<Draft>) => void;

export const EMPTY_DRAFT: Draft = {
  name: '', note: '', deadline: '', startDate: '', addTeams: '', likeTeam: '', addBase: '', loseKind: 'car', lose: '', loseFrom: '', loseTo: '', addKind: 'car', add: '',
  awayTeams: [], awayFrom: '', awayTo: '', throughputPct: '', throughputTeams: [], kitTeams: [],
  lengthenShift: '', lengthenStart: '', lengthenEnd: '', copyShift: '', copyCode: '', copyWeekdays: [], copyStart: '', copyEnd: '', removeShift: '',
  daysOff: [''], daysOffAs: 'blackout', backlogCommune: '', backlogService: '', backlogPct: '', backlogPeople: '', priority: '',
};

/** A problem the form can name before the server sees it: the field and a translation key. */
export class DraftProblem extends Error {
  constructor(readonly field: keyof Draft, readonly key: string, readonly params: Record<string, string> = {}) {
    super(key);
  }
}

/** Whole numbers typed in a field; empty means "no such change". */
const whole = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** HH:mm (also 22h30, 22.30) to minutes from midnight, at most 24:00; undefined when empty. */
function minutesOf(field: keyof Draft, text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const match = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 24 * 60)) throw new DraftProblem(field, 'scenario.form.badTime', { text });
  return minutes;
}

/** New hours typed for a shift: either may be empty (unchanged); both given, the end comes after the start. */
function hoursOf(startField: keyof Draft, startText: string, endField: keyof Draft, endText: string): { startMin?: number; endMin?: number } {
  const startMin = minutesOf(startField, startText);
  const endMin = minutesOf(endField, endText);
  if (startMin !== undefined && endMin !== undefined && endMin <= startMin) throw new DraftProblem(endField, 'scenario.form.endBeforeStart');
  return { ...(startMin !== undefined ? { startMin } : {}), ...(endMin !== undefined ? { endMin } : {}) };
}

/** `{ from, to }` with only the dates given. */
const rangeOf = (from: string, to: string): { from?: string; to?: string } => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

function teamChanges(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const teams = whole(d.addTeams);
  if (teams !== null && !d.likeTeam) throw new DraftProblem('likeTeam', 'scenario.form.likeTeamNeeded');
  if (teams !== null) out.push({ kind: 'addTeams', count: teams, likeTeam: d.likeTeam, withVehicles: true, ...(d.addBase ? { baseName: d.addBase } : {}) });
  if (d.awayTeams.length) out.push({ kind: 'removeTeams', teams: d.awayTeams, ...rangeOf(d.awayFrom, d.awayTo) });
  const percent = whole(d.throughputPct);
  if (percent !== null) out.push({ kind: 'throughput', percent, ...(d.throughputTeams.length ? { teams: d.throughputTeams } : {}) });
  if (d.kitTeams.length) out.push({ kind: 'giveKits', teams: d.kitTeams });
  return out;
}

function vehicleChanges(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const lose = whole(d.lose);
  if (lose !== null) out.push({ kind: 'loseVehicles', vehicleKind: d.loseKind, count: lose, ...rangeOf(d.loseFrom, d.loseTo) });
  const add = whole(d.add);
  if (add !== null) out.push({ kind: 'addVehicles', vehicleKind: d.addKind, count: add });
  return out;
}

function copiedShift(d: Draft): ScenarioChange {
  const code = d.copyCode.trim();
  if (!code) throw new DraftProblem('copyCode', 'scenario.form.codeNeeded');
  const hours = hoursOf('copyStart', d.copyStart, 'copyEnd', d.copyEnd);
  // Neither other days nor other hours would only copy the shift onto itself.
  if (!d.copyWeekdays.length && hours.startMin === undefined && hours.endMin === undefined) throw new DraftProblem('copyWeekdays', 'scenario.form.daysOrHours');
  const weekdays = [...d.copyWeekdays].sort((a, b) => a - b);
  return { kind: 'addShift', likeShift: d.copyShift, code, ...(weekdays.length ? { weekdays } : {}), ...hours };
}

function shiftChanges(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  if (d.lengthenShift) {
    const hours = hoursOf('lengthenStart', d.lengthenStart, 'lengthenEnd', d.lengthenEnd);
    if (hours.startMin === undefined && hours.endMin === undefined) throw new DraftProblem('lengthenEnd', 'scenario.form.newHours');
    out.push({ kind: 'lengthenShift', shift: d.lengthenShift, ...hours });
  }
  if (d.copyShift) out.push(copiedShift(d));
  if (d.removeShift) out.push({ kind: 'removeShift', shift: d.removeShift });
  return out;
}

function calendarChange(d: Draft): ScenarioChange[] {
  const dates = [...new Set(d.daysOff.filter(Boolean))].sort();
  return dates.length ? [{ kind: 'calendarDays', dates, as: d.daysOffAs }] : [];
}

function backlogChange(d: Draft): ScenarioChange[] {
  const percent = whole(d.backlogPct);
  const addPeople = whole(d.backlogPeople);
  if (percent === null && addPeople === null) return [];
  if (percent !== null && addPeople !== null) throw new DraftProblem('backlogPeople', 'scenario.form.percentOrPeople');
  const amount = percent !== null ? { percent } : { addPeople: addPeople ?? 0 };
  return [{ kind: 'backlog', ...(d.backlogCommune ? { commune: d.backlogCommune } : {}), ...(d.backlogService ? { service: d.backlogService } : {}), ...amount }];
}

/**
 * The changes the filled fields describe, in the order a manager reads them. Throws a
 * DraftProblem for what the form itself can tell is wrong (a time that is none, a shift
 * ending before it starts, both a percentage and a number of people); the server checks
 * the rest against the data and names the change and field that cannot apply.
 */
export function changesOf(d: Draft): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  if (d.deadline) out.push({ kind: 'deadline', deadline: d.deadline });
  if (d.startDate) out.push({ kind: 'startDate', from: d.startDate });
  out.push(...teamChanges(d), ...vehicleChanges(d), ...shiftChanges(d), ...calendarChange(d), ...backlogChange(d));
  if (d.priority) out.push({ kind: 'servicePriority', priority: d.priority });
  return out;
}
