import { addDays, format, parseISO } from 'date-fns';
import { LIMITS, type PlanningInstance, type ScenarioChange, type ShiftTemplate, type Team, type Vehicle } from '../model';
import { changeBacklog, type ProblemParams, type Report } from './backlog';

/** A change that cannot be applied, naming the change (by position) and its field. */
export interface ScenarioProblem {
  change: number;
  field: string;
  /** A key the UI translates (unknownTeam, tooMany ...), with the values its sentence names. */
  key: string;
  params: ProblemParams;
  message: string;
}

export interface AppliedScenario {
  instance: PlanningInstance;
  problems: ScenarioProblem[];
}

type Apply<K extends ScenarioChange['kind']> = (instance: PlanningInstance, change: Extract<ScenarioChange, { kind: K }>, report: Report) => void;

/**
 * The base instance with a scenario's changes applied in order, as a new instance: the
 * base is never modified. A change that cannot apply (an unknown team code, more vehicles
 * lost than exist, a backlog below zero ...) is reported and skipped.
 */
export function applyScenario(base: PlanningInstance, changes: readonly ScenarioChange[]): AppliedScenario {
  const instance = structuredClone(base);
  const problems: ScenarioProblem[] = [];
  changes.forEach((change, index) => {
    const report: Report = (field, key, message, params = {}) => problems.push({ change: index, field, key, params, message });
    (APPLY[change.kind] as Apply<typeof change.kind>)(instance, change as never, report);
  });
  if (instance.from > instance.campaign.deadline) {
    problems.push({ change: changes.length - 1, field: 'deadline', key: 'deadlineBeforeStart', params: { deadline: instance.campaign.deadline, start: instance.from }, message: `the deadline ${instance.campaign.deadline} is before the start ${instance.from}` });
  }
  return { instance, problems };
}

const APPLY: { [K in ScenarioChange['kind']]: Apply<K> } = {
  deadline: (inst, c) => { inst.campaign = { ...inst.campaign, deadline: c.deadline }; },
  startDate: (inst, c) => { inst.from = c.from; },
  servicePriority: (inst, c) => { inst.campaign = { ...inst.campaign, servicePriority: c.priority }; },
  addTeams: addTeams,
  removeTeams: (inst, c, report) => {
    for (const team of teamsByCode(inst, c.teams, report)) team.daysOff = [...new Set([...team.daysOff, ...days(inst, c.from, c.to)])].sort();
  },
  throughput: (inst, c, report) => {
    const factor = 1 + c.percent / 100;
    const scale = (n: number): number => Math.min(LIMITS.throughputPerHour, Math.round(n * factor));
    for (const team of c.teams ? teamsByCode(inst, c.teams, report) : inst.teams) {
      team.throughputPerHour = { cccd: scale(team.throughputPerHour.cccd), eid: scale(team.throughputPerHour.eid) };
      team.homeThroughputPerHour = scale(team.homeThroughputPerHour);
    }
  },
  giveKits: (inst, c, report) => {
    const kitRates = inst.teams.filter((t) => t.kits > 0 && t.throughputPerHour.cccd > 0).map((t) => t.throughputPerHour.cccd).sort((a, b) => a - b);
    const usual = kitRates[Math.floor(kitRates.length / 2)] ?? 10;
    for (const team of teamsByCode(inst, c.teams, report)) {
      team.kits = Math.max(1, team.kits);
      if (!team.services.includes('cccd')) team.services = ['cccd', ...team.services];
      if (team.throughputPerHour.cccd <= 0) team.throughputPerHour = { ...team.throughputPerHour, cccd: usual };
    }
  },
  loseVehicles: (inst, c, report) => {
    const ofKind = inst.vehicles.filter((v) => v.kind === c.vehicleKind).sort((a, b) => b.id - a.id);
    if (ofKind.length < c.count) return report('count', 'tooMany', `only ${ofKind.length} vehicles of kind ${c.vehicleKind} to lose, not ${c.count}`, { have: ofKind.length, kind: c.vehicleKind, count: c.count });
    const lost = days(inst, c.from, c.to);
    for (const v of ofKind.slice(0, c.count)) v.unavailable = [...new Set([...v.unavailable, ...lost])].sort();
  },
  addVehicles: (inst, c, report) => {
    const base = c.baseName ? inst.bases.find((b) => b.name === c.baseName) : inst.bases.find((b) => b.kind === 'hq') ?? inst.bases[0];
    if (!base) return report('baseName', 'unknownBase', `no base named ${c.baseName ?? '(HQ)'}`, { name: c.baseName ?? '' });
    const like = inst.vehicles.find((v) => v.kind === c.vehicleKind) ?? DEFAULT_VEHICLES[c.vehicleKind];
    let id = nextId(inst.vehicles);
    for (let k = 1; k <= c.count; k++) {
      inst.vehicles.push({ ...like, id: id++, code: `${c.vehicleKind.toUpperCase()}-TC${k}`, name: `${like.name} (tăng cường ${k})`, baseId: base.id, unavailable: [] });
    }
  },
  addShift: (inst, c, report) => {
    const like = shiftByCode(inst, c.likeShift, 'likeShift', report);
    const hours = like && shiftHours(like, c, report);
    if (!like || !hours) return;
    inst.shiftTemplates.push({ ...like, id: nextId(inst.shiftTemplates), code: c.code, name: `${like.name} (${c.code})`, weekdays: c.weekdays ?? like.weekdays, ...hours });
  },
  removeShift: (inst, c, report) => {
    const shift = shiftByCode(inst, c.shift, 'shift', report);
    if (!shift) return;
    if (inst.pinned.some((r) => r.templateId === shift.id)) return report('shift', 'pinnedUse', `pinned routes use shift ${c.shift}`, { shift: c.shift });
    inst.shiftTemplates = inst.shiftTemplates.filter((t) => t !== shift);
  },
  lengthenShift: (inst, c, report) => {
    const shift = shiftByCode(inst, c.shift, 'shift', report);
    const hours = shift && shiftHours(shift, c, report);
    if (shift && hours) Object.assign(shift, hours);
  },
  calendarDays: (inst, c) => {
    const dates = new Set(c.dates);
    inst.exceptions = [...inst.exceptions.filter((e) => !dates.has(e.date)), ...c.dates.map((date) => ({ date, kind: c.as, name: c.as === 'blackout' ? 'Kịch bản: nghỉ' : 'Kịch bản: ngày lễ' }))];
  },
  backlog: changeBacklog,
};

/** Borrowed teams like an existing one, at its base or another, with vehicles that seat them. */
function addTeams(inst: PlanningInstance, c: Extract<ScenarioChange, { kind: 'addTeams' }>, report: Report): void {
  const like = inst.teams.find((t) => t.code === c.likeTeam);
  if (!like) return report('likeTeam', 'unknownTeam', `no team ${c.likeTeam}`, { code: c.likeTeam });
  const base = c.baseName ? inst.bases.find((b) => b.name === c.baseName) : inst.bases.find((b) => b.id === like.baseId);
  if (!base) return report('baseName', 'unknownBase', `no base named ${c.baseName}`, { name: c.baseName ?? '' });
  const seating = vehiclesSeating(inst.vehicles.filter((v) => v.baseId === like.baseId), like.size);
  let teamId = nextId(inst.teams);
  let vehicleId = nextId(inst.vehicles);
  for (let k = 1; k <= c.count; k++) {
    const team: Team = { ...structuredClone(like), id: teamId++, code: `${like.code}-TC${k}`, name: `${like.name} (tăng cường ${k})`, baseId: base.id, daysOff: [] };
    inst.teams.push(team);
    if (!c.withVehicles) continue;
    for (const v of seating) {
      inst.vehicles.push({ ...structuredClone(v), id: vehicleId++, code: `${v.code}-TC${k}`, name: `${v.name} (tăng cường ${k})`, baseId: base.id, unavailable: [] });
    }
  }
}

/** The fewest of these vehicles, largest first, with seats for `size` people. */
function vehiclesSeating(vehicles: readonly Vehicle[], size: number): Vehicle[] {
  const chosen: Vehicle[] = [];
  let seats = 0;
  for (const v of [...vehicles].sort((a, b) => b.seats - a.seats || a.id - b.id)) {
    if (seats >= size) break;
    chosen.push(v);
    seats += v.seats;
  }
  return chosen;
}

function shiftByCode(inst: PlanningInstance, code: string, field: string, report: Report): ShiftTemplate | undefined {
  const shift = inst.shiftTemplates.find((t) => t.code === code);
  if (!shift) report(field, 'unknownShift', `no shift ${code}`, { shift: code });
  return shift;
}

/** New hours for a shift (each defaulting to its own), or null with the problem reported. */
function shiftHours(shift: ShiftTemplate, c: { startMin?: number; endMin?: number }, report: Report): { startMin: number; endMin: number } | null {
  const startMin = c.startMin ?? shift.startMin;
  const endMin = c.endMin ?? shift.endMin;
  if (endMin > startMin) return { startMin, endMin };
  report('endMin', 'endBeforeStart', 'the shift must end after it starts');
  return null;
}

function teamsByCode(inst: PlanningInstance, codes: readonly string[], report: Report): Team[] {
  const found: Team[] = [];
  for (const code of codes) {
    const team = inst.teams.find((t) => t.code === code);
    if (team) found.push(team);
    else report('teams', 'unknownTeam', `no team ${code}`, { code });
  }
  return found;
}

/** Every date from `from` (default: the planning start) to `to` (default: the deadline). */
function days(inst: PlanningInstance, from = inst.from, to = inst.campaign.deadline): string[] {
  const out: string[] = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) out.push(format(d, 'yyyy-MM-dd'));
  return out;
}

const nextId = (rows: readonly { id: number }[]): number => rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;

const DEFAULT_VEHICLES: Record<Vehicle['kind'], Vehicle> = {
  car: { id: 0, code: 'CAR', name: 'Ô tô', kind: 'car', seats: 7, baseId: 0, roadClasses: ['paved', 'dirt'], costPerKm: 4_000, unavailable: [] },
  pickup: { id: 0, code: 'PICKUP', name: 'Xe bán tải', kind: 'pickup', seats: 5, baseId: 0, roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 5_000, unavailable: [] },
  motorbike: { id: 0, code: 'MOTO', name: 'Xe máy', kind: 'motorbike', seats: 2, baseId: 0, roadClasses: ['paved', 'dirt', 'forest'], costPerKm: 800, unavailable: [] },
};
