import { useCallback, useEffect, useState } from 'react';
import type { HelpRequest } from '@plenum/shared';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { sortHelpRequests, upsertHelpRequest } from './help-requests.ts';

/**
 * The groups' calls for help that this person handles (organizers: all, moderators: their
 * groups), open and done, as the server stores them: a reload or reconnect loses none.
 * `done` marks one done on the server; everyone else's list follows through `help:updated`.
 */
export function useHelpRequests(enabled: boolean) {
  const realtime = useRealtime();
  const [requests, setRequests] = useState<HelpRequest[]>([]);

  const load = useCallback(async () => {
    if (!enabled) return;
    try {
      const { requests: stored } = await realtime.request('help:list', {});
      // Calls heard while the list was on its way stay: merge, do not replace.
      setRequests((current) => stored.reduce(upsertHelpRequest, sortHelpRequests(current)));
    } catch {
      // the list stays as it is; the next reconnect loads again
    }
  }, [realtime, enabled]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads from the server when the room changes; the answer replaces the list
    void load();
  }, [load]);
  useResync(load);
  const apply = (request: HelpRequest) => {
    if (enabled) setRequests((current) => upsertHelpRequest(current, request));
  };
  useServerEvent('help:requested', apply);
  useServerEvent('help:updated', apply);

  const done = useCallback(
    async (requestId: number) => {
      const { request } = await realtime.request('help:done', { requestId });
      setRequests((current) => upsertHelpRequest(current, request));
      return request;
    },
    [realtime],
  );
  return { requests, done };
}
