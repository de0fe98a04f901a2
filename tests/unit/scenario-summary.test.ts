import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ScenarioChange } from '../../src-main/core/model';
import { changeParams } from '../../src-renderer/features/scenarios/scenario-summary';
import en from '../../src-renderer/i18n/en.json';
import enRegister from '../../src-renderer/i18n/en.register.json';
import enScenario from '../../src-renderer/i18n/en.scenario.json';
import vi from '../../src-renderer/i18n/vi.json';
import viRegister from '../../src-renderer/i18n/vi.register.json';
import viScenario from '../../src-renderer/i18n/vi.scenario.json';

/** The words of the list's "Thay đổi" column, in one language, as the page joins them. */
function summaryIn(lang: 'vi' | 'en'): (changes: ScenarioChange[], communes?: Record<string, string>) => string {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang,
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: {
      vi: { translation: { ...vi, ...viRegister, ...viScenario } },
      en: { translation: { ...en, ...enRegister, ...enScenario } },
    },
  });
  const t = i18n.t.bind(i18n) as TFunction;
  return (changes, communes = {}) => changes.map((c) => t(`scenario.change.${c.kind}`, changeParams(c, t, lang, (code) => communes[code]))).join('; ');
}

describe('a scenario\'s changes in one line', () => {
  const vi = summaryIn('vi');
  const en = summaryIn('en');

  it('dates as dd/MM/yyyy, ranges and hours worded, signed amounts', () => {
    const changes: ScenarioChange[] = [
      { kind: 'deadline', deadline: '2022-12-24' },
      { kind: 'startDate', from: '2022-11-21' },
      { kind: 'removeTeams', teams: ['LD-02', 'LD-03'], from: '2022-12-05', to: '2022-12-11' },
      { kind: 'throughput', percent: 20, teams: ['LD-01'] },
      { kind: 'throughput', percent: -10 },
      { kind: 'loseVehicles', vehicleKind: 'car', count: 2 },
      { kind: 'lengthenShift', shift: 'TOI-T2-T6', endMin: 1350 },
      { kind: 'addShift', likeShift: 'SANG-T7', code: 'SANG-T2', weekdays: [1, 3], startMin: 420, endMin: 690 },
      { kind: 'removeShift', shift: 'CHIEU-CN' },
    ];
    expect(vi(changes)).toBe('hạn 24/12/2022; bắt đầu 21/11/2022; bớt tổ LD-02, LD-03 từ 05/12/2022 đến 11/12/2022; năng suất +20% cho tổ LD-01; năng suất -10%; '
      + 'mất 2 ô tô; đổi giờ ca TOI-T2-T6: đến 22:30; thêm ca SANG-T2 giống ca SANG-T7 (T2, T4; từ 07:00 đến 11:30); bỏ ca CHIEU-CN');
    expect(en(changes)).toBe('deadline 24/12/2022; start 21/11/2022; without teams LD-02, LD-03 from 05/12/2022 to 11/12/2022; throughput +20% for LD-01; throughput -10%; '
      + 'lose 2 cars; shift TOI-T2-T6 until 22:30; shift SANG-T2 added like SANG-T7 (Mon, Wed; from 07:00 to 11:30); shift CHIEU-CN removed');
  });

  it('days off listed (a long list cut short), a backlog by people or percent with its commune by name', () => {
    const days: ScenarioChange = { kind: 'calendarDays', dates: ['2022-12-12', '2022-12-13', '2022-12-14', '2022-12-15', '2022-12-16'], as: 'blackout' };
    const holiday: ScenarioChange = { kind: 'calendarDays', dates: ['2023-01-02'], as: 'holiday' };
    const people: ScenarioChange = { kind: 'backlog', commune: '15622', service: 'cccd', addPeople: 250 };
    const fewer: ScenarioChange = { kind: 'backlog', percent: -5 };
    const names = { 15622: 'Xã Yên Nhân' };
    expect(vi([days, holiday, people, fewer], names)).toBe('thêm ngày nghỉ: 12/12/2022, 13/12/2022, 14/12/2022 và 2 ngày khác; thêm ngày lễ: 02/01/2023; '
      + 'số tồn CCCD ở Xã Yên Nhân +250 người; số tồn -5%');
    expect(en([holiday, people])).toBe('more holidays: 02/01/2023; backlog CCCD in 15622 +250 people');
    expect(vi([people, { kind: 'backlog', addPeople: -40 }])).not.toContain('undefined');
  });

  it('amounts with the language\'s thousands separator, the sign kept; counts plural-aware in English', () => {
    const more: ScenarioChange = { kind: 'backlog', addPeople: 1500 };
    const fewer: ScenarioChange = { kind: 'backlog', addPeople: -1 };
    const teams: ScenarioChange = { kind: 'addTeams', count: 1, likeTeam: 'LD-01', withVehicles: true };
    expect(vi([more, fewer, teams])).toBe('số tồn +1.500 người; số tồn -1 người; thêm 1 tổ giống LD-01');
    expect(en([more, fewer, teams])).toBe('backlog +1,500 people; backlog -1 person; 1 more team like LD-01');
    expect(vi([{ kind: 'backlog', percent: 12.5 }])).toBe('số tồn +12,5%');
    expect(en([{ kind: 'backlog', percent: 12.5 }])).toBe('backlog +12.5%');
  });
});
