import { useEffect, useRef, useState } from 'react';
import type { ResultVisit } from '../../../src-main/api/contract';
import { draftOf, sameDraft, type RowDraft } from './draft';
import type { RowState } from './ResultsTable';

/**
 * The rows being typed on the results screen. New data from the server: rows the user has not
 * touched take it; rows being typed keep what was typed. `saving` holds the visits whose save is
 * under way; `settle` makes a saved draft the row's new base before the reload brings it.
 */
export function useResultRows(allVisits: readonly ResultVisit[]) {
  const [rows, setRows] = useState<Map<number, RowState>>(new Map());
  const saving = useRef(new Set<number>());
  const bases = useRef(new Map<number, RowDraft>());
  useEffect(() => {
    setRows((prev) => {
      const next = new Map<number, RowState>();
      for (const v of allVisits) {
        const old = prev.get(v.visitId);
        const oldBase = bases.current.get(v.visitId);
        const typing = old && oldBase && !sameDraft(old.draft, oldBase) && !saving.current.has(v.visitId);
        next.set(v.visitId, typing ? old : { draft: draftOf(v), error: null, saving: false });
      }
      bases.current = new Map(allVisits.map((v) => [v.visitId, draftOf(v)]));
      return next;
    });
  }, [allVisits]);

  const patchRow = (visitId: number, patch: Partial<RowState>): void =>
    setRows((prev) => {
      const cur = prev.get(visitId);
      return cur ? new Map(prev).set(visitId, { ...cur, ...patch }) : prev;
    });
  const settle = (visitId: number, draft: RowDraft): void => {
    bases.current.set(visitId, draft);
  };
  /** Typed and not saved: the row differs from what the server last sent. */
  const typed = (visitId: number): boolean => {
    const row = rows.get(visitId);
    const base = bases.current.get(visitId);
    return row !== undefined && base !== undefined && !sameDraft(row.draft, base);
  };
  /** Resolves once no save is under way (a row left by a click saves itself on the way out), or after 10 s. */
  const whenSaved = async (): Promise<void> => {
    for (let waited = 0; saving.current.size > 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
  return { rows, patchRow, saving, settle, typed, whenSaved };
}
