import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTS, copyOf, newTeamDefaults, type FieldValue, type JournalEntryDto, type ListName, type RegisterRow } from '../../../src-main/api/contract';
import { call } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { AddRowForm } from './AddRowForm';
import { CampaignCard } from './CampaignCard';
import { DataError } from './DataError';
import { DeleteDialog } from './DeleteDialog';
import { HolidaysDialog } from './HolidaysDialog';
import { ImportDialog } from './ImportDialog';
import { RegisterTable } from './RegisterTable';
import { Toolbar, useSummaryText } from './Toolbar';
import './data.css';

/** The data screens (their routes and tab names are the lists' own); each may hold a second list. */
export const DATA_PAGES = ['communes', 'hamlets', 'teams', 'vehicles', 'shifts', 'calendar'] as const;
export type DataPageName = (typeof DATA_PAGES)[number];

const SUBLISTS: Record<DataPageName, ListName[]> = {
  communes: ['communes', 'bases'],
  hamlets: ['hamlets', 'travel'],
  teams: ['teams', 'members'],
  vehicles: ['vehicles'],
  shifts: ['shifts'],
  calendar: ['calendar'],
};
const EXTRA: Partial<Record<ListName, string[]>> = {
  communes: ['hamlets', 'backlogCccd', 'backlogEid'], hamlets: ['doneCccd', 'doneEid', 'leftCccd', 'leftEid'], teams: ['members'],
};
/** A hamlet's done and left sit right after its backlog (the register's figure), where the eye looks. */
const EXTRA_AFTER: Partial<Record<ListName, string>> = { hamlets: 'remainingEid' };

const COPYABLE: ListName[] = ['teams', 'vehicles'];

/** What a new row's form starts with: a copy of a row, a new team's usual figures, or the fallbacks. */
function startValues(list: ListName, copy: RegisterRow | null, rows: RegisterRow[], copyWord: string): Record<string, FieldValue> | undefined {
  const records = rows.map((r) => r.record);
  if (copy) return copyOf(copy.record, records, copyWord);
  return list === 'teams' ? newTeamDefaults(records) : undefined;
}

function ListView({ list, onChanged, changes }: { list: ListName; onChanged: (message?: string) => void; changes: number }) {
  const { t } = useTranslation();
  const data = useRpc('register.list', { list });
  // A new row: blank (the fallbacks, or a new team's usual figures) or a copy of a row.
  const [adding, setAdding] = useState<false | { copy: RegisterRow | null }>(false);
  const [importing, setImporting] = useState(false);
  const [fillingHolidays, setFillingHolidays] = useState(false);
  const [deleting, setDeleting] = useState<RegisterRow | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const undo = useRpc('undo.peek');
  const summary = useSummaryText();
  const spec = LISTS[list];
  const title = t(`register.noun.${list}`);
  const { reload: reloadList } = data;
  const { reload: reloadUndo } = undo;
  useEffect(() => {
    if (changes === 0) return;
    reloadList();
    reloadUndo();
  }, [changes, reloadList, reloadUndo]);

  const save = async (key: string | null, values: Record<string, FieldValue | null>, check = false) => {
    try {
      const r = await call('register.save', { list, key, values, ...(check ? { check } : {}) });
      if (!r.saved) return r.problems;
      onChanged();
      return null;
    } catch (err) {
      setError(err as Error);
      return [{ field: null, key: 'notFound' }];
    }
  };
  const runUndo = async (entry: JournalEntryDto): Promise<void> => {
    try {
      await call('undo.last', { id: entry.id });
      onChanged(t('register.tools.undone', { what: summary(entry) }));
    } catch (err) {
      setError(err as Error);
      undo.reload();
    }
  };

  return (
    <section className="register-list">
      <Toolbar list={list} undo={registerUndo(undo.data?.entry ?? null)} onAdd={() => setAdding({ copy: null })} onImport={() => setImporting(true)}
        onUndo={(e) => void runUndo(e)} onError={setError}>
        {list === 'calendar' && <button className="secondary" onClick={() => setFillingHolidays(true)}>{t('area.holidays.button')}</button>}
      </Toolbar>
      {fillingHolidays && (
        <HolidaysDialog onClose={() => setFillingHolidays(false)} onDone={(message) => { setFillingHolidays(false); onChanged(message); }} />
      )}
      {error && <DataError error={error} />}
      {data.error && <DataError error={data.error} />}
      {adding && data.data && (
        <AddRowForm spec={spec} choices={data.data.choices} initial={startValues(list, adding.copy, data.data.rows, t('area.copy.word'))}
          title={adding.copy ? t('area.copy.title', { label: spec.label(adding.copy.record) }) : t('register.form.addTitle', { list: title })}
          onSave={(values) => save(null, values)} onCheck={(values) => save(null, values, true)} onClose={() => setAdding(false)} />
      )}
      {!data.data && !data.error && <p>{t('app.loading')}</p>}
      {data.data && (
        <RegisterTable spec={spec} rows={data.data.rows} choices={data.data.choices} extra={EXTRA[list] ?? []} extraAfter={EXTRA_AFTER[list]} testId={`table-${list}`}
          onSave={(key, field, value) => save(key, { [field]: value })} onDelete={setDeleting}
          onCopy={COPYABLE.includes(list) ? (row) => setAdding({ copy: row }) : undefined} />
      )}
      {importing && (
        <ImportDialog list={list} spec={spec} title={title} onClose={() => setImporting(false)}
          onDone={(message) => { setImporting(false); onChanged(message); }} />
      )}
      {deleting && (
        <DeleteDialog list={list} row={deleting} onClose={() => setDeleting(null)}
          onDone={(label) => { setDeleting(null); onChanged(t('register.delete.done', { label })); }} />
      )}
    </section>
  );
}

/** One data screen: its lists as sub-tabs, each editable, importable and exportable. */
export function DataPage({ page }: { page: DataPageName }) {
  // Keyed: the screens share one component type, and one screen's sub-tab must not leak into the next.
  return <DataScreen key={page} page={page} />;
}

function DataScreen({ page }: { page: DataPageName }) {
  const { t } = useTranslation();
  const lists = SUBLISTS[page];
  const [list, setList] = useState<ListName>(lists[0]!);
  const [changes, setChanges] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message?: string): void => {
    setChanges((n) => n + 1);
    setNotice(message ?? t('register.tools.saved'));
  };
  return (
    <div className="list-page data-page">
      <h1>{t(`nav.${page}`)}</h1>
      {page === 'calendar' && <CampaignCard onChanged={() => changed()} />}
      {lists.length > 1 && (
        <nav className="subtabs" aria-label={t(`nav.${page}`)}>
          {lists.map((l) => (
            <button key={l} className={l === list ? 'tab active' : 'tab'} aria-current={l === list ? 'page' : undefined} onClick={() => setList(l)}>
              {t(`register.lists.${l}`)}
            </button>
          ))}
        </nav>
      )}
      {notice && <div className="notice" role="status" onClick={() => setNotice(null)}>{notice}</div>}
      <ListView key={list} list={list} changes={changes} onChanged={changed} />
    </div>
  );
}

/**
 * The change undo would take back, when it is a register change: results share the one journal,
 * but are undone on their own screen (a register screen would take back a day of results unseen).
 */
const registerUndo = (entry: JournalEntryDto | null): JournalEntryDto | null => (entry && entry.list !== 'results' ? entry : null);
