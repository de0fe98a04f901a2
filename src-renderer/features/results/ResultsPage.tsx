import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../app/ErrorNote';
import { useSummaryText } from '../data/Toolbar';
import { formatDate } from '../../lib/format';
import { AboveBacklogDialog } from './AboveBacklogDialog';
import { ProgressBanner, ProgressPanel } from './ProgressPanel';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar } from './ResultsToolbar';
import './results.css';
import { RosterImportDialog } from './RosterImportDialog';
import { useRecordResult } from './useRecordResult';
import { useResultRows } from './useResultRows';
import { useResultsActions } from './useResultsActions';
import { useResultsDay } from './useResultsDay';

/** Screen "Kết quả": a day's visits of a commune or team, their results typed in, done as planned, undo. */
export function ResultsPage() {
  const { t } = useTranslation();
  const summary = useSummaryText();
  const { progress, day, date, setDate, scope, setScope, allVisits, visits, communes, teams, undoEntry, refresh } = useResultsDay();
  const resultRows = useResultRows(allVisits);
  const { rows, patchRow, typed, whenSaved } = resultRows;
  const { notice, setNotice, failure, clear, doneAsPlanned, undoLast } = useResultsActions({ date, scope, undoEntry, refresh });
  const { save, above, setAbove, excessText } = useRecordResult({ resultRows, refresh, setNotice });
  const [importing, setImporting] = useState(false);

  const unrecorded = visits.filter((v) => v.result === null).length;
  // The row the click left saves itself first; a typed row that could not be saved holds the action back.
  const doneAfterSaves = async (): Promise<void> => {
    await whenSaved();
    await doneAsPlanned(visits.filter((v) => v.result === null && typed(v.visitId)).map((v) => v.hamletName));
  };
  const noPlan = progress.data && progress.data.planId === null && progress.data.days.length === 0;
  return (
    <div className="results-page">
      <h1>{t('results.title')}</h1>
      {progress.data && <ProgressBanner progress={progress.data} />}
      {noPlan && <p className="muted">{t('results.noPlan')}</p>}
      <ResultsToolbar
        date={date} onDate={setDate} scope={scope} onScope={setScope} communes={communes} teams={teams} unrecorded={unrecorded}
        undoText={undoEntry ? summary(undoEntry) : null}
        onDoneAsPlanned={() => void doneAfterSaves()} onImport={() => setImporting(true)} onUndo={() => void undoLast()}
      />
      {importing && (
        <RosterImportDialog onClose={() => setImporting(false)} onDone={(count) => {
          setImporting(false);
          setNotice(t('results.import.done', { count }));
          refresh();
        }} />
      )}
      {notice && <div className="notice" role="status" data-testid="results-notice" onClick={() => setNotice(null)}>{notice}</div>}
      {failure && <ErrorNote error={failure} />}
      {(progress.error ?? day.error) && <ErrorNote error={(progress.error ?? day.error)!} />}
      <p className="muted hint">{t('results.hint')}</p>
      {date && day.data && visits.length === 0 && <p className="muted" data-testid="results-empty">{t('results.noVisits', { date: formatDate(date) })}</p>}
      {visits.length > 0 && (
        <ResultsTable
          visits={visits}
          rows={rows}
          onChange={(visitId, draft) => patchRow(visitId, { draft, error: null })}
          onSave={(v) => { const d = rows.get(v.visitId)?.draft; if (d) void save(v, d); }}
          onClear={(v) => void clear(v)}
        />
      )}
      {progress.data?.figures && <ProgressPanel progress={progress.data} withBanner={false} />}
      {above && (
        <AboveBacklogDialog
          hamlet={above.visit.hamletName} excess={excessText(above.excess)} onCancel={() => setAbove(null)}
          onRaise={() => { setAbove(null); void save(above.visit, above.draft, { acceptAboveBacklog: true, raiseRegister: true }); }}
          onAccept={() => { setAbove(null); void save(above.visit, above.draft, { acceptAboveBacklog: true }); }}
        />
      )}
    </div>
  );
}
