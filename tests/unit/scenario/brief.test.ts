import { describe, expect, it } from 'vitest';
import type { PlanReport } from '../../../src-main/core/model';
import { buildBrief, describeChange } from '../../../src-main/core/scenario/brief';
import { burndownSvg } from '../../../src-main/render/brief-pdf';

const report = (over: Partial<PlanReport>): PlanReport => ({
  from: '2022-11-17', deadline: '2022-12-31', backlog: { cccd: 1000, eid: 9000 }, enrolled: { cccd: 600, eid: 8800 }, upperBound: 9700,
  clearanceDate: '2023-01-08', deadlineMet: false,
  shortfall: [{ hamletId: 1, communeId: 1, missing: { cccd: 300, eid: 100 }, reasons: ['no_kit_team'] }],
  burndown: [{ date: '2022-11-17', remaining: { cccd: 1000, eid: 9000 } }, { date: '2022-12-31', remaining: { cccd: 400, eid: 200 } }],
  objectives: { weightedEnrolled: 0, imbalance: 0, distanceM: 12_345_000, cost: 0, changes: 0 },
  shifts: 900, checker: { valid: true, violations: [], source: 'verifier', seconds: 0.1 }, seconds: 5, seed: 1,
  ...over,
} as PlanReport);

describe("the manager's brief", () => {
  it('says each change as a manager would', () => {
    expect(describeChange({ kind: 'loseVehicles', vehicleKind: 'car', count: 2, from: '2022-12-01' })).toBe('Mất 2 ô tô (từ 01/12/2022)');
    expect(describeChange({ kind: 'addTeams', count: 3, likeTeam: 'LD-01', withVehicles: true })).toBe('Thêm 3 tổ như tổ LD-01');
    expect(describeChange({ kind: 'deadline', deadline: '2023-01-15' })).toBe('Hạn hoàn thành đổi thành 15/01/2023');
    expect(describeChange({ kind: 'backlog', percent: -10 })).toBe('Số tồn toàn khu vực -10%');
  });

  it('answers with the evidence both ways: a plan with the minimum, and for one fewer the bound or "not proven minimal"', () => {
    const base = { name: 'Kế hoạch tuần 1', report: report({}) };
    const scenario = { name: 'Mất 2 xe ô tô', note: '', changes: [], report: report({ enrolled: { cccd: 500, eid: 8700 } }) };
    const common = { superiorUnit: 'CÔNG AN TỈNH THANH HÓA', issuingUnit: 'CÔNG AN HUYỆN THƯỜNG XUÂN', place: 'Thường Xuân', issuedOn: '2022-11-25', scenario, base };
    const proven = buildBrief({ ...common, minExtra: {
      what: 'tổ (như tổ LD-01)', minimum: 3, provenMinimal: true, boundForOneFewer: 9400, possibleWithOneFewer: null, need: 9500,
      planMeetsDeadline: true, checkerValid: true, clearanceDateWithNothingAdded: '2023-01-09',
    } });
    expect(proven.answer.join('\n')).toContain('Cần thêm ít nhất 3 tổ (như tổ LD-01)');
    expect(proven.answer.join('\n')).toContain('Với 2: không kế hoạch nào làm quá 9.400 người, dưới 9.500 người cần làm.');
    expect(proven.answer.join('\n')).toContain('Không thêm gì: dự kiến xong ngày 09/01/2023.');
    const unproven = buildBrief({ ...common, minExtra: {
      what: 'tổ', minimum: 3, provenMinimal: false, boundForOneFewer: 9600, possibleWithOneFewer: true, need: 9500,
      planMeetsDeadline: true, checkerValid: true, clearanceDateWithNothingAdded: null,
    } });
    expect(unproven.answer.join('\n')).toContain('Chưa chứng minh là ít nhất (cận trên với 2: 9.600 người, cần 9.500)');
    expect(proven.table.columns).toEqual(['', 'Kế hoạch tuần 1', 'Mất 2 xe ô tô']);
    expect(proven.table.rows.find((r) => r[0] === '- CCCD')).toEqual(['- CCCD', '600 / 1.000', '500 / 1.000']);
    // A bound the LP did not finish in time is said to be rough; the LP's is given as it is.
    const rough = buildBrief({ ...common, minExtra: null, scenario: { ...scenario, report: report({ upperBound: 10_000, upperBoundSource: 'capacity' }) } });
    expect(rough.table.rows.find((r) => r[0]!.startsWith('Cận trên'))).toEqual(['Cận trên (không kế hoạch nào vượt)', '9.700', '10.000 (ước lượng thô)']);
    expect(proven.header.placeDate).toBe('Thường Xuân, ngày 25 tháng 11 năm 2022');
    expect(proven.burndown.series.map((s) => s.points.at(-1)!.remaining)).toEqual([600, 600]);
  });

  it('draws a line per plan and the deadline', () => {
    const svg = burndownSvg([
      { name: 'a', points: [{ date: '2022-11-17', remaining: 100 }, { date: '2022-12-31', remaining: 10 }] },
      { name: 'b', points: [{ date: '2022-11-17', remaining: 100 }, { date: '2023-01-05', remaining: 0 }] },
    ], '2022-12-31', 400, 150);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('Hạn 31/12/2022');
    expect(svg).toContain('stroke-dasharray');
  });
});
