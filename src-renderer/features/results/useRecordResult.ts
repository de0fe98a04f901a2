import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultVisit } from '../../../src-main/api/contract';
import { formatDate } from '../../lib/format';
import { call, RpcFailure } from '../../lib/rpc';
import { draftProblem, isBlank, recordParams, type RowDraft } from './draft';
import { excessText } from './excess-text';
import type { useResultRows } from './useResultRows';

/** A save the server held back: the result goes above the hamlet's backlog by `excess`. */
export interface AboveBacklog { visit: ResultVisit; draft: RowDraft; excess: { cccd: number; eid: number } }

/**
 * Saving one visit's typed result: the row shows the save under way and any problem in words;
 * a result above the backlog is held in `above` until the user raises the register or accepts it.
 */
export function useRecordResult({ resultRows, refresh, setNotice }: {
  resultRows: ReturnType<typeof useResultRows>;
  refresh: () => void;
  setNotice: (notice: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const excess = (e: { cccd: number; eid: number }): string => excessText(t, i18n.language, e);
  const [above, setAbove] = useState<AboveBacklog | null>(null);
  const { patchRow, saving, settle } = resultRows;

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
    // A count that is no number of people is said on the row as it is typed; it is never sent.
    if (draftProblem(draft)) return;
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
        ? t('results.above.raised', { hamlet: visit.hamletName, excess: excess(answer.raised) })
        : answer.aboveBacklog
          ? t('results.above.warned', { hamlet: visit.hamletName, excess: excess(answer.aboveBacklog.excess) })
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

  return { save, above, setAbove, excessText: excess };
}
