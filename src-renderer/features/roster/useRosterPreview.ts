import { useEffect, useState } from 'react';
import type { Params, RosterBundle } from '../../../src-main/api/contract';
import { call } from '../../lib/rpc';

export type RosterQuery = Params<'roster.preview'>;

/**
 * The rosters of `query` as the server draws them, fetched again when the query changes or
 * `version` moves on (the roster settings were saved). A stale answer is dropped.
 */
export function useRosterPreview(query: RosterQuery | null, version: number): { bundle: RosterBundle | null; error: Error | null } {
  const [preview, setPreview] = useState<{ bundle: RosterBundle | null; error: Error | null }>({ bundle: null, error: null });
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (!query) return;
    let live = true;
    call('roster.preview', query)
      .then((bundle) => live && setPreview({ bundle, error: null }))
      .catch((error: unknown) => live && setPreview({ bundle: null, error: error as Error }));
    return () => {
      live = false;
    };
    // queryKey stands for query (a new object each render).
  }, [queryKey, version]);

  return preview;
}
