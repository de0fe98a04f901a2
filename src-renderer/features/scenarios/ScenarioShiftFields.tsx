import { useTranslation } from 'react-i18next';
import type { ShiftTemplate } from '../../../src-main/core/model';
import { formatMinutes } from '../../lib/format';
import { useRpc } from '../../lib/useRpc';
import type { Draft, SetDraft } from './scenario-draft';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function ShiftSelect({ label, value, shifts, onChange }: { label: string; value: string; shifts: readonly ShiftTemplate[]; onChange: (code: string) => void }) {
  return (
    <label>{label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {shifts.map((s) => <option key={s.code} value={s.code}>{s.name} ({s.code})</option>)}
      </select>
    </label>
  );
}

/** A start and an end typed as HH:mm, the shift's own hours as the placeholders and the hint. */
function HoursFields({ shift, labels, start, end, onStart, onEnd }: {
  shift: ShiftTemplate | undefined;
  labels: [string, string];
  start: string;
  end: string;
  onStart: (text: string) => void;
  onEnd: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [startNow, endNow] = shift ? [formatMinutes(shift.startMin), formatMinutes(shift.endMin)] : ['hh:mm', 'hh:mm'];
  return (
    <>
      <div className="row">
        <label>{labels[0]}<input className="hours" inputMode="numeric" maxLength={5} placeholder={startNow} value={start} onChange={(e) => onStart(e.target.value)} /></label>
        <label>{labels[1]}<input className="hours" inputMode="numeric" maxLength={5} placeholder={endNow} value={end} onChange={(e) => onEnd(e.target.value)} /></label>
      </div>
      {shift && <p className="muted small hint">{t('scenario.form.currentHours', { start: startNow, end: endNow })}</p>}
    </>
  );
}

function WeekdayTicks({ value, onChange }: { value: number[]; onChange: (days: number[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="weekdays">
      <legend>{t('scenario.form.weekdays')}</legend>
      <div className="ticks">
        {WEEKDAYS.map((day) => (
          <label key={day} className="check">
            <input type="checkbox" checked={value.includes(day)} onChange={(e) => onChange(e.target.checked ? [...value, day] : value.filter((x) => x !== day))} />
            {t(`scenario.form.weekday${day}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A copy of a shift: its new code, other weekdays (none ticked: the same) and/or other hours. */
function CopyFields({ d, set, like }: { d: Draft; set: SetDraft; like: ShiftTemplate | undefined }) {
  const { t } = useTranslation();
  const likeDays = like?.weekdays.map((day) => t(`scenario.form.weekday${day}`)).join(', ') ?? '';
  return (
    <>
      <label>{t('scenario.form.copyCode')}<input maxLength={40} value={d.copyCode} onChange={(e) => set({ copyCode: e.target.value })} /></label>
      <WeekdayTicks value={d.copyWeekdays} onChange={(copyWeekdays) => set({ copyWeekdays })} />
      {like && <p className="muted small hint">{t('scenario.form.sameDays', { days: likeDays })}</p>}
      <HoursFields shift={like} labels={[t('scenario.form.copyStart'), t('scenario.form.copyEnd')]} start={d.copyStart} end={d.copyEnd}
        onStart={(copyStart) => set({ copyStart })} onEnd={(copyEnd) => set({ copyEnd })} />
    </>
  );
}

/** A shift's hours changed, a shift copied onto other days or hours, a shift removed. */
export function ScenarioShiftFields({ d, set }: { d: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  const shifts = useRpc('shiftTemplates.list').data ?? [];
  const byCode = (code: string): ShiftTemplate | undefined => shifts.find((s) => s.code === code);
  return (
    <details>
      <summary>{t('scenario.form.shifts')}</summary>
      <ShiftSelect label={t('scenario.form.lengthenShift')} value={d.lengthenShift} shifts={shifts} onChange={(lengthenShift) => set({ lengthenShift })} />
      {d.lengthenShift && (
        <HoursFields shift={byCode(d.lengthenShift)} labels={[t('scenario.form.newStart'), t('scenario.form.newEnd')]} start={d.lengthenStart} end={d.lengthenEnd}
          onStart={(lengthenStart) => set({ lengthenStart })} onEnd={(lengthenEnd) => set({ lengthenEnd })} />
      )}
      <ShiftSelect label={t('scenario.form.copyShift')} value={d.copyShift} shifts={shifts} onChange={(copyShift) => set({ copyShift })} />
      {d.copyShift && <CopyFields d={d} set={set} like={byCode(d.copyShift)} />}
      <ShiftSelect label={t('scenario.form.removeShift')} value={d.removeShift} shifts={shifts} onChange={(removeShift) => set({ removeShift })} />
    </details>
  );
}
