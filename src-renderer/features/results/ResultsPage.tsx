import { format } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultVisit } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { useSummaryText } from '../data/Toolbar';
import { formatDate, formatNumber } from '../../lib/format';
import { call, RpcFailure } from '../../lib/rpc';
import { useRpc } from '../../lib/useRpc';
import { AboveBacklogDialog } from './AboveBacklogDialog';
import { isBlank, recordParams, type RowDraft } from './draft';
import { ProgressBanner, ProgressPanel } from './ProgressPanel';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar, scopeParams, type Scope } from './ResultsToolbar';
import './results.css';
import { RosterImportDialog } from './RosterImportDialog';
import { useResultRows } from './useResultRows';

interface AboveBacklog { visit: ResultVisit; draft: RowDraft; excess: { cccd: number; eid: number } }

/** Screen "Kết quả": a day's visits of a commune or team, their results typed in, done as planned, undo. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  /** "CCCD 3 more, e-ID 2 more", naming only the services that went over. */
  const excessText = (e: { cccd: number; eid: number }): string =>
    (['cccd', 'eid'] as const).filter((s) => e[s] > 0).map((s) => t(`results.above.${s}`, { n: n(e[s]) })).join(', ');
  const summary = useSummaryText();
  const progress = useRpc('results.progress', {});
  const [date, setDate] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('');
  const day = useRpc('results.day', date ? { date } : null);
  const undo = useRpc('undo.peek');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [above, setAbove] = useState<AboveBacklog | null>(null);
  const [importing, setImporting] = useState(false);

  // Open on the first day with visits still to record (up to today), else the plan's last day.
  useEffect(() => {
    if (date !== null || !progress.data) return;
    const today = format(new Date(), 'yyyy-MM-dd');
    const days = progress.data.days;
    const open = days.find((d) => d.recorded < d.visits && d.date <= today) ?? days.at(-1);
    if (open) setDate(open.date);
  }, [progress.data, date]);

  const allVisits = useMemo(() => day.data?.visits ?? [], [day.data]);
  const visits = useMemo(() => {
    const { communeId, teamId } = scopeParams(scope);
    return allVisits.filter((v) => (communeId === undefined || v.communeId === communeId) && (teamId === undefined || v.teamId === teamId));
  }, [allVisits, scope]);
  const { rows, patchRow, saving, settle } = useResultRows(allVisits);

  const communes = useMemo(() => [...new Map(allVisits.map((v) => [v.communeId, v.communeName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [allVisits]);
  const teams = useMemo(() => [...new Map(allVisits.map((v) => [v.teamId, `${v.teamCode} · ${v.teamName}`])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [allVisits]);

  const refresh = (): void => {
    day.reload();
    undo.reload();
    progress.reload();
  };

  const problemText = (err: unknown): string => {
    if (err instanceof RpcFailure) {
      const d = err.details as { key?: string; params?: Record<string, string | number> } | undefined;
      if (d?.key && i18n.exists(`results.problem.${d.key}`)) {
        const params = { ...d.params, ...(typeof d.params?.date === 'string' ? { date: formatDate(d.params.date) } : {}) };
        return t(`results.problem.${d.key}`, params);
      }
    }
    return (err as Error).message;
  };

  const save = async (visit: ResultVisit, draft: RowDraft, flags: { acceptAboveBacklog?: boolean; raiseRegister?: boolean } = {}): Promise<void> => {
    if (visit.result === null && isBlank(draft)) return;
    if (saving.current.has(visit.visitId)) return;
    saving.current.add(visit.visitId);
    patchRow(visit.visitId, { saving: true, error: null });
    try {
      const answer = await call('results.record', { ...recordParams(visit.visitId, draft), ...flags });
      if (answer.status === 'aboveBacklog') {
        setAbove({ visit, draft, excess: answer.excess });
        patchRow(visit.visitId, { saving: false });
        return;
      }
      setNotice(answer.raised
        ? t('results.above.raised', { hamlet: visit.hamletName, excess: excessText(answer.raised) })
        : answer.aboveBacklog
          ? t('results.above.warned', { hamlet: visit.hamletName, excess: excessText(answer.aboveBacklog.excess) })
          : t('results.saved', { hamlet: visit.hamletName }));
      // The row now matches what was saved: the reload brings it as the new base.
      settle(visit.visitId, draft);
      refresh();
    } catch (err) {
      patchRow(visit.visitId, { saving: false, error: problemText(err) });
    } finally {
      saving.current.delete(visit.visitId);
    }
  };

  const clear = async (visit: ResultVisit): Promise<void> => {
    try {
      await call('results.clear', { visitId: visit.visitId });
      setNotice(t('results.cleared', { hamlet: visit.hamletName }));
      refresh();
    } catch (err) {
      setFailure(err as Error);
    }
  };

  const doneAsPlanned = async (): Promise<void> => {
    if (!date) return;
    setFailure(null);
    try {
      const { recorded, capped } = await call('results.doneAsPlanned', { date, ...scopeParams(scope) });
      const lines = [recorded ? t('results.doneAsPlannedDone', { count: recorded }) : t('results.doneAsPlannedNone'),
        ...capped.map((c) => t('results.capped', { hamlet: c.hamlet, planned: n(c.planned.cccd + c.planned.eid), recorded: n(c.recorded.cccd + c.recorded.eid) }))];
      setNotice(lines.join(' '));
      refresh();
    } catch (err) {
      setFailure(err as Error);
    }
  };

  const undoEntry = undo.data?.entry?.list === 'results' ? undo.data.entry : null;
  const undoLast = async (): Promise<void> => {
    if (!undoEntry) return;
    try {
      await call('undo.last', { id: undoEntry.id });
      setNotice(t('results.undone', { what: summary(undoEntry) }));
      refresh();
    } catch (err) {
      setFailure(err as Error);
    }
  };

  const unrecorded = visits.filter((v) => v.result === null).length;
  const noPlan = progress.data && progress.data.planId === null && progress.data.days.length === 0;
  return (
    <div className="results-page">
      <h1>{t('results.title')}</h1>
      {progress.data && <ProgressBanner progress={progress.data} />}
      {noPlan && <p className="muted">{t('results.noPlan')}</p>}
      <ResultsToolbar
        date={date} onDate={setDate} scope={scope} onScope={setScope} communes={communes} teams={teams} unrecorded={unrecorded}
        undoText={undoEntry ? summary(undoEntry) : null}
        onDoneAsPlanned={() => void doneAsPlanned()} onImport={() => setImporting(true)} onUndo={() => void undoLast()}
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
