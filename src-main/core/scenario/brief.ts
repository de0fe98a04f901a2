import { format, parseISO } from 'date-fns';
import type { IsoDate, PlanReport, ScenarioChange } from '../model';

/**
 * The manager's brief: one A4 page that asks the scenario's question and gives its answer with
 * the evidence, the comparison with the base plan and the burn-down of both. Plain data here
 * (Vietnamese), laid out by render/brief-pdf.ts.
 */
export interface BriefInput {
  superiorUnit: string;
  issuingUnit: string;
  place: string;
  issuedOn: IsoDate;
  scenario: { name: string; note: string; changes: readonly ScenarioChange[]; report: PlanReport };
  base: { name: string; report: PlanReport } | null;
  minExtra: {
    what: string; minimum: number | null; provenMinimal: boolean; boundForOneFewer: number | null; possibleWithOneFewer: boolean | null;
    need: number; planMeetsDeadline: boolean; checkerValid: boolean; clearanceDateWithNothingAdded: IsoDate | null;
  } | null;
}

export interface BriefSeries {
  name: string;
  points: Array<{ date: IsoDate; remaining: number }>;
}

export interface Brief {
  header: { superiorUnit: string; issuingUnit: string; placeDate: string };
  title: string;
  subtitle: string;
  question: string[];
  answer: string[];
  table: { columns: string[]; rows: string[][] };
  burndown: { series: BriefSeries[]; deadline: IsoDate };
}

const dmy = (iso: IsoDate): string => format(parseISO(iso), 'dd/MM/yyyy');
const n = (v: number): string => Math.round(v).toLocaleString('de-DE');
const kinds: Record<string, string> = { car: 'ô tô', pickup: 'xe bán tải', motorbike: 'xe máy' };
const range = (c: { from?: string; to?: string }): string =>
  c.from || c.to ? ` (${c.from ? `từ ${dmy(c.from)}` : ''}${c.from && c.to ? ' ' : ''}${c.to ? `đến ${dmy(c.to)}` : ''})` : '';

/** A change as a manager says it. */
export function describeChange(c: ScenarioChange): string {
  switch (c.kind) {
    case 'deadline': return `Hạn hoàn thành đổi thành ${dmy(c.deadline)}`;
    case 'startDate': return `Bắt đầu từ ngày ${dmy(c.from)}`;
    case 'addTeams': return `Thêm ${c.count} tổ như tổ ${c.likeTeam}${c.baseName ? `, đóng tại ${c.baseName}` : ''}`;
    case 'removeTeams': return `Rút tổ ${c.teams.join(', ')}${range(c)}`;
    case 'throughput': return `Năng suất ${c.percent > 0 ? 'tăng' : 'giảm'} ${Math.abs(c.percent)}%${c.teams ? ` (tổ ${c.teams.join(', ')})` : ''}`;
    case 'giveKits': return `Cấp máy thu nhận CCCD cho tổ ${c.teams.join(', ')}`;
    case 'loseVehicles': return `Mất ${c.count} ${kinds[c.vehicleKind] ?? c.vehicleKind}${range(c)}`;
    case 'addVehicles': return `Thêm ${c.count} ${kinds[c.vehicleKind] ?? c.vehicleKind}${c.baseName ? ` tại ${c.baseName}` : ''}`;
    case 'addShift': return `Thêm ca ${c.code} (như ca ${c.likeShift})`;
    case 'removeShift': return `Bỏ ca ${c.shift}`;
    case 'lengthenShift': return `Kéo dài ca ${c.shift}`;
    case 'servicePriority': return `Ưu tiên ${({ cccd: 'CCCD trước', eid: 'định danh điện tử trước', equal: 'hai dịch vụ như nhau' } as const)[c.priority]}`;
    case 'calendarDays': return `${c.dates.length} ngày thành ${c.as === 'holiday' ? 'ngày lễ' : 'ngày nghỉ'}`;
    case 'backlog': return `Số tồn ${c.commune ? `xã ${c.commune}` : 'toàn khu vực'} ${c.percent !== undefined ? `${c.percent > 0 ? '+' : ''}${c.percent}%` : `${(c.addPeople ?? 0) > 0 ? '+' : ''}${n(c.addPeople ?? 0)} người`}`;
  }
}

const total = (p: { cccd: number; eid: number }): number => p.cccd + p.eid;
const short = (r: PlanReport): number => r.shortfall.reduce((s, h) => s + total(h.missing), 0);
const pct = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1).replace('.', ',')}%` : '—');

function verdictLine(name: string, r: PlanReport): string {
  const clearance = r.clearanceDate ? `dự kiến xong ngày ${dmy(r.clearanceDate)}` : 'chưa xong trong vòng một năm sau hạn';
  return r.deadlineMet
    ? `${name}: kịp hạn ${dmy(r.deadline)} (${clearance}).`
    : `${name}: không kịp hạn ${dmy(r.deadline)}, còn thiếu ${n(short(r))} người ở ${r.shortfall.length} thôn; ${clearance}.`;
}

function minExtraLines(m: NonNullable<BriefInput['minExtra']>): string[] {
  const nothing = m.clearanceDateWithNothingAdded ? `Không thêm gì: dự kiến xong ngày ${dmy(m.clearanceDateWithNothingAdded)}.` : 'Không thêm gì: chưa xong trong vòng một năm sau hạn.';
  if (m.minimum === null) return [`Cần thêm ${m.what}: không tìm được số lượng đủ trong giới hạn đã thử.`, nothing];
  const evidence = m.provenMinimal
    ? m.possibleWithOneFewer === false
      ? `Với ${m.minimum - 1}: mô hình cận trên chứng minh không có kế hoạch nào đưa mọi thôn về dưới mức để lại cho xã.`
      : `Với ${m.minimum - 1}: không kế hoạch nào làm quá ${n(m.boundForOneFewer ?? 0)} người, dưới ${n(m.need)} người cần làm.`
    : `Chưa chứng minh là ít nhất${m.boundForOneFewer !== null ? ` (cận trên với ${m.minimum - 1}: ${n(m.boundForOneFewer)} người, cần ${n(m.need)})` : ''}.`;
  return [
    `Cần thêm ít nhất ${m.minimum} ${m.what}: có kế hoạch kịp hạn với số đó (${m.checkerValid ? 'đã kiểm tra độc lập, hợp lệ' : 'KHÔNG hợp lệ khi kiểm tra'}).`,
    evidence,
    nothing,
  ];
}

function tableRow(label: string, of: (r: PlanReport) => string, reports: PlanReport[]): string[] {
  return [label, ...reports.map(of)];
}

export function buildBrief(input: BriefInput): Brief {
  const { scenario, base } = input;
  const reports = [...(base ? [base.report] : []), scenario.report];
  const names = [...(base ? [base.name] : []), scenario.name];
  const km = (r: PlanReport): string => n(r.objectives.distanceM / 1000);
  const rows = [
    tableRow('Hạn hoàn thành', (r) => dmy(r.deadline), reports),
    tableRow('Làm được đến hạn (người)', (r) => `${n(total(r.enrolled))} / ${n(total(r.backlog))} (${pct(total(r.enrolled), total(r.backlog))})`, reports),
    tableRow('- CCCD', (r) => `${n(r.enrolled.cccd)} / ${n(r.backlog.cccd)}`, reports),
    tableRow('- Định danh điện tử', (r) => `${n(r.enrolled.eid)} / ${n(r.backlog.eid)}`, reports),
    tableRow('Còn thiếu (người / thôn)', (r) => `${n(short(r))} / ${r.shortfall.length}`, reports),
    tableRow('Cận trên (không kế hoạch nào vượt)', (r) => `${n(r.upperBound)}${r.upperBoundSource === 'capacity' ? ' (ước lượng thô)' : ''}`, reports),
    tableRow('Dự kiến hoàn thành', (r) => (r.clearanceDate ? dmy(r.clearanceDate) : '> 1 năm'), reports),
    tableRow('Số ca · km', (r) => `${n(r.shifts)} ca · ${km(r)} km`, reports),
  ];
  const series = [
    ...(base ? [{ name: base.name, points: base.report.burndown.map((p) => ({ date: p.date, remaining: total(p.remaining) })) }] : []),
    { name: scenario.name, points: scenario.report.burndown.map((p) => ({ date: p.date, remaining: total(p.remaining) })) },
  ];
  return {
    header: { superiorUnit: input.superiorUnit, issuingUnit: input.issuingUnit, placeDate: `${input.place ? `${input.place}, ` : ''}ngày ${format(parseISO(input.issuedOn), "dd 'tháng' MM 'năm' yyyy")}` },
    title: 'BÁO CÁO NHANH',
    subtitle: `Kịch bản "${scenario.name}"`,
    question: [
      ...(scenario.note ? [scenario.note] : []),
      ...(scenario.changes.length ? scenario.changes.map((c) => `- ${describeChange(c)}`) : ['- Giữ nguyên nguồn lực hiện có']),
    ],
    answer: [
      verdictLine(scenario.name, scenario.report),
      ...(base ? [verdictLine(base.name, base.report)] : []),
      ...(input.minExtra ? minExtraLines(input.minExtra) : []),
      `Mọi con số đã được bộ kiểm tra độc lập xác nhận${reports.every((r) => r.checker.valid) ? '' : ' — CÓ KẾ HOẠCH KHÔNG HỢP LỆ'}.`,
    ],
    table: { columns: ['', ...names], rows },
    burndown: { series, deadline: scenario.report.deadline },
  };
}
