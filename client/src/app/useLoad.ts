import { useCallback, useEffect, useState } from 'react';

export type Load<T> =
  { status: 'loading' } | { status: 'done'; data: T } | { status: 'failed'; error: unknown };

/**
 * Runs `load` when `key` changes and aborts it when the page goes away. `reload` starts over,
 * e.g. from a "try again" button.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<{ key: string; attempt: number; load: Load<T> }>({
    key,
    attempt: 0,
    load: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new key shows 'loading' at once, never the old key's data
    setState({ key, attempt, load: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, attempt, load: { status: 'done', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ key, attempt, load: { status: 'failed', error } });
      },
    );
    return () => controller.abort();
    // `load` is deliberately not a dependency: callers pass a fresh closure on every render,
    // and `key` names everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a fresh closure each render; `key` names what it depends on
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // While the effect for a new key has not run yet, do not show the old key's data.
  const current: Load<T> =
    state.key === key && state.attempt === attempt ? state.load : { status: 'loading' };
  return { ...current, reload } as Load<T> & { reload: () => void };
}
