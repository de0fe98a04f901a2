import { useCallback, useEffect, useState } from 'react';
import type { MethodName, Params, Result } from '../../src-main/api/contract';
import { call, DATA_CHANGED, RpcFailure } from './rpc';

export interface Loaded<T> {
  data: T | null;
  error: RpcFailure | Error | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads a contract method's result; reloads when `params` (compared as JSON) changes.
 * `null` params mean "nothing to load yet" (no call is made).
 */
export function useRpc<M extends MethodName>(method: M, params?: Params<M> | null): Loaded<Result<M>> {
  const [state, setState] = useState<{ data: Result<M> | null; error: Error | null; loading: boolean }>({
    data: null, error: null, loading: true,
  });
  const [tick, setTick] = useState(0);
  const key = params === null ? null : JSON.stringify(params ?? {});
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (call as (m: M, p: unknown) => Promise<Result<M>>)(method, JSON.parse(key))
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => live && setState({ data: null, error: error as Error, loading: false }));
    return () => {
      live = false;
    };
  }, [method, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // Any change made anywhere (an undo on another screen included) shows here without a page reload.
  useEffect(() => {
    window.addEventListener(DATA_CHANGED, reload);
    return () => window.removeEventListener(DATA_CHANGED, reload);
  }, [reload]);
  return { ...state, reload };
}
