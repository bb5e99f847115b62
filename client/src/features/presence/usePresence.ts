import { useCallback, useEffect, useState } from 'react';
import type { ClientEventPayload } from '@plenum/shared';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { applyPresence, presenceFromList, type PresenceMap } from './presence.ts';

/** `everyone`: the people list is on screen; `featured`: only the stage needs to know. */
export type PresenceScope = NonNullable<ClientEventPayload<'presence:list'>['people']>;

/**
 * The event's people with online state and room, kept current: everyone while a people list is
 * shown, else only staff, speakers and captioners (the server sends attendees' changes only
 * to those who watch). Loaded again when the person changes room (`roomId`): phase moves are not
 * announced as presence changes.
 */
export function usePresence(roomId: string, scope: PresenceScope = 'everyone'): PresenceMap {
  const realtime = useRealtime();
  const [presence, setPresence] = useState<PresenceMap>(() => new Map());

  const load = useCallback(async () => {
    try {
      setPresence(presenceFromList(await realtime.request('presence:list', { people: scope })));
    } catch {
      // shown as an empty list; the next reconnect loads again
    }
  }, [realtime, scope]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads from the server when the room or the scope changes; the answer replaces the list
    void load();
  }, [load, roomId]);
  useResync(load);
  useServerEvent('presence:updated', ({ people }) =>
    setPresence((current) => applyPresence(current, people)),
  );
  return presence;
}
