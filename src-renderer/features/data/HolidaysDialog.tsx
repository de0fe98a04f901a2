import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTS, type RowIssueDto, type SuggestedHoliday } from '../../../src-main/api/contract';
import { formatDate } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { DataError } from './DataError';
import { choiceLabel, langOf, problemText } from './format';
import { Modal } from './Modal';

type Kind = SuggestedHoliday['kind'];
interface Draft { date: string; name: string; kind: Kind; chosen: boolean; existing: SuggestedHoliday['existing'] }

const KIND_FIELD = LISTS.calendar.fields.find((f) => f.key === 'kind')!;
const KINDS: Kind[] = ['holiday', 'blackout'];

/**
 * Vietnam's public holidays over the campaign, proposed from the lunar calendar (Tết, Hùng Kings
 * day): each editable, marked holiday or blackout, added in one undoable change. Days the list
 * already holds are shown and left unticked.
 */
export function HolidaysDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const suggestion = useRpc('holidays.suggest', {});
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [rejects, setRejects] = useState<RowIssueDto[]>([]);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (suggestion.data) setDrafts(suggestion.data.days.map((d) => ({ ...d, chosen: d.existing === null })));
  }, [suggestion.data]);

  const edit = (i: number, change: Partial<Draft>): void => setDrafts((all) => all && all.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const chosen = (drafts ?? []).filter((d) => d.chosen);
  const add = async (): Promise<void> => {
    try {
      const r = await call('holidays.add', { days: chosen.map(({ date, name, kind }) => ({ date, name: name.trim(), kind })) });
      if (r.rejects.length) return setRejects(r.rejects);
      onDone(t('area.holidays.added', { added: r.added, updated: r.updated }));
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <Modal title={t('area.holidays.title')} onClose={onClose} wide testId="holidays-dialog">
      {suggestion.error && <DataError error={suggestion.error} />}
      {error && <DataError error={error} />}
      {suggestion.data && (
        <p>{t('area.holidays.intro', { from: formatDate(suggestion.data.from), to: formatDate(suggestion.data.to) })}</p>
      )}
      {drafts && drafts.length === 0 && <p>{t('area.holidays.none')}</p>}
      {drafts && drafts.length > 0 && (
        <table className="register-table holidays-table">
          <thead>
            <tr>
              <th>{t('area.holidays.take')}</th><th>{t('area.holidays.date')}</th><th>{t('area.holidays.name')}</th>
              <th>{t('area.holidays.kind')}</th><th>{t('area.holidays.inList')}</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => {
              const problem = rejects.find((r) => r.row === chosen.indexOf(d) + 1);
              return (
                <tr key={d.date} className={problem ? 'invalid' : undefined}>
                  <td><input type="checkbox" checked={d.chosen} aria-label={t('area.holidays.takeDay', { date: formatDate(d.date) })}
                    onChange={(e) => edit(i, { chosen: e.target.checked })} /></td>
                  <td>{formatDate(d.date)}</td>
                  <td>
                    <input value={d.name} aria-label={t('area.holidays.name')} onChange={(e) => edit(i, { name: e.target.value })} />
                    {problem && <span className="cell-error" role="alert">{problemText(t, problem)}</span>}
                  </td>
                  <td>
                    <select value={d.kind} aria-label={t('area.holidays.kind')} onChange={(e) => edit(i, { kind: e.target.value as Kind })}>
                      {KINDS.map((k) => <option key={k} value={k}>{choiceLabel(KIND_FIELD, k, lang)}</option>)}
                    </select>
                  </td>
                  <td>{d.existing ? `${d.existing.name} (${choiceLabel(KIND_FIELD, d.existing.kind, lang)})` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint">{t('area.holidays.rule')}</p>
      <div className="toolbar">
        <button disabled={chosen.length === 0} onClick={() => void add()} data-testid="holidays-add">
          {t('area.holidays.add', { count: chosen.length })}
        </button>
        <button className="secondary" onClick={onClose}>{t('register.form.cancel')}</button>
      </div>
    </Modal>
  );
}
