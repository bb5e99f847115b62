import { useCallback, useEffect, useReducer } from 'react';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { plenaryResults } from './plenary-results.ts';

/**
 * The results shown in the plenary: asked for on entering and after a reconnect, kept current by
 * `results:shown` / `results:hidden`; staff show and hide them.
 */
export function usePlenaryResults() {
  const realtime = useRealtime();
  const [results, dispatch] = useReducer(plenaryResults, null);

  const load = useCallback(async () => {
    try {
      const { results: current } = await realtime.request('results:current', {});
      dispatch({ type: 'loaded', results: current });
    } catch {
      // The next reconnect asks again; the broadcasts keep coming meanwhile.
    }
  }, [realtime]);
  useEffect(() => {
    void load();
  }, [load]);
  useResync(load);

  useServerEvent('results:shown', (shown) => dispatch({ type: 'shown', results: shown }));
  useServerEvent('results:hidden', ({ phaseId }) => dispatch({ type: 'hidden', phaseId }));
  useServerEvent('phase:updated', (phase) => {
    if (phase.status === 'open') dispatch({ type: 'phaseOpened' });
  });

  const show = useCallback(
    async (phaseId: string) => {
      const reply = await realtime.request('results:show', { phaseId });
      dispatch({ type: 'shown', results: reply.results });
    },
    [realtime],
  );
  const hide = useCallback(
    async (phaseId: string) => {
      await realtime.request('results:hide', { phaseId });
      dispatch({ type: 'hidden', phaseId });
    },
    [realtime],
  );
  return { results, show, hide };
}
export type PlenaryResultsState = ReturnType<typeof usePlenaryResults>;
