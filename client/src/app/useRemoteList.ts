import { useCallback, useEffect, useState } from 'react';

export interface RemoteList<T> {
  status: 'loading' | 'done' | 'failed';
  items: T[];
  error: unknown;
  /** Loads again; the items stay visible meanwhile. */
  reload: () => void;
  /** Changes the items in place, from an answer or a live event. */
  update: (change: (items: T[]) => T[]) => void;
}

/** A list loaded from the server for `key` that live events and answers keep current. */
export function useRemoteList<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T[]>,
): RemoteList<T> {
  const [state, setState] = useState<Pick<RemoteList<T>, 'status' | 'items' | 'error'>>({
    status: 'loading',
    items: [],
    error: null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (items) => {
        if (!controller.signal.aborted) setState({ status: 'done', items, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'failed', error }));
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` names what it depends on (as in useLoad).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a fresh closure each render; `key` names what it depends on
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })),
    [],
  );
  return { ...state, reload, update };
}
