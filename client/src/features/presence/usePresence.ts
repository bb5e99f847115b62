import { useCallback, useEffect, useState } from 'react';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { applyPresence, presenceFromList, type PresenceMap } from './presence.ts';

/**
 * Everyone in the event with online state and room, kept current. Loaded again when the person
 * changes room (`roomId`): phase moves are not announced as presence changes.
 */
export function usePresence(roomId: string): PresenceMap {
  const realtime = useRealtime();
  const [presence, setPresence] = useState<PresenceMap>(() => new Map());

  const load = useCallback(async () => {
    try {
      setPresence(presenceFromList(await realtime.request('presence:list', {})));
    } catch {
      // shown as an empty list; the next reconnect loads again
    }
  }, [realtime]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads from the server when the room changes; the answer replaces the list
    void load();
  }, [load, roomId]);
  useResync(load);
  useServerEvent('presence:updated', ({ people }) =>
    setPresence((current) => applyPresence(current, people)),
  );
  return presence;
}
