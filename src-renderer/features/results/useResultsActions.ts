import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryDto, ResultVisit } from '../../../src-main/api/contract';
import { formatNumber } from '../../lib/format';
import { call } from '../../lib/rpc';
import { useSummaryText } from '../data/Toolbar';
import { scopeParams, type Scope } from './ResultsToolbar';

/**
 * The results screen's notice and failure, and the actions that tell them: clear a visit's
 * result, record the day (or the commune or team) done as planned, undo the last results change.
 */
export function useResultsActions({ date, scope, undoEntry, refresh }: {
  date: string | null;
  scope: Scope;
  /** The results change undo would take back, or null. */
  undoEntry: JournalEntryDto | null;
  refresh: () => void;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number): string => formatNumber(v, i18n.language);
  const summary = useSummaryText();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  const clear = async (visit: ResultVisit): Promise<void> => {
    try {
      await call('results.clear', { visitId: visit.visitId });
      setNotice(t('results.cleared', { hamlet: visit.hamletName }));
      refresh();
    } catch (err) {
      setFailure(err as Error);
    }
  };

  /** `typing`: hamlets of unrecorded visits in scope whose typed result is not saved; done as planned would write over it. */
  const doneAsPlanned = async (typing: readonly string[]): Promise<void> => {
    if (!date) return;
    setFailure(null);
    if (typing.length > 0) {
      setFailure(new Error(t('results.typingFirst', { count: typing.length, hamlets: typing.join(', ') })));
      return;
    }
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

  return { notice, setNotice, failure, clear, doneAsPlanned, undoLast };
}
