import { useState } from 'react';
import { call } from '../../lib/rpc';

/**
 * Publish, rename and delete a plan of the list. After each change `reload` shows it at once
 * (the list and the open plan); deleting the open plan closes it; a failure is kept in `error`.
 */
export function usePlanListActions({ selectedId, setSelectedId, reload }: {
  selectedId: number | null;
  setSelectedId: (id: number | null) => void;
  reload: () => void;
}) {
  const [error, setError] = useState<Error | null>(null);

  /** A change to the list: the list and the open plan show it at once; a failure is told. */
  const change = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      setError(null);
      await action();
      reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  const publish = (id: number): Promise<void> => change(() => call('plans.publish', { planId: id }));
  const rename = (id: number, name: string): Promise<void> => change(() => call('plans.rename', { planId: id, name }));
  const remove = (id: number): Promise<void> => change(async () => {
    await call('plans.delete', { planId: id });
    if (id === selectedId) setSelectedId(null);
  });

  return { error, publish, rename, remove };
}
