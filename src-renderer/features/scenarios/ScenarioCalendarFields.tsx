import { useTranslation } from 'react-i18next';
import { OptionalDate } from './OptionalDate';
import type { Draft, SetDraft } from './scenario-draft';

/** Days made blackout days (no work) or holidays (holiday shifts only), one date a row. */
export function ScenarioCalendarFields({ d, set }: { d: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  const setDay = (index: number, date: string): void => set({ daysOff: d.daysOff.map((old, at) => (at === index ? date : old)) });
  const removeDay = (index: number): void => {
    const rest = d.daysOff.filter((_, at) => at !== index);
    set({ daysOff: rest.length ? rest : [''] });
  };
  return (
    <details>
      <summary>{t('scenario.form.calendar')}</summary>
      <label>{t('scenario.form.daysOffAs')}
        <select value={d.daysOffAs} onChange={(e) => set({ daysOffAs: e.target.value as Draft['daysOffAs'] })}>
          <option value="blackout">{t('scenario.form.blackout')}</option>
          <option value="holiday">{t('scenario.form.holiday')}</option>
        </select>
      </label>
      {d.daysOff.map((date, index) => (
        // Rows have no identity of their own but their place; a removed row's followers move up with their dates.
        <div className="row day-off" key={index}>
          <OptionalDate label={t('scenario.form.dayOff', { n: index + 1 })} value={date} onChange={(iso) => setDay(index, iso)} />
          <button type="button" className="link small" aria-label={t('scenario.form.removeDayLabel', { n: index + 1 })} onClick={() => removeDay(index)}>
            {t('scenario.form.removeDay')}
          </button>
        </div>
      ))}
      <button type="button" className="small secondary" onClick={() => set({ daysOff: [...d.daysOff, ''] })}>{t('scenario.form.addDay')}</button>
    </details>
  );
}
