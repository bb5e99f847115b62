import { useCallback, useEffect, useState } from 'react';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';

export interface StageShared {
  /** Whom a moderator put in the spotlight for everyone in this room. */
  spotlightId: string | null;
  /** The event's sign-language interpreters. */
  interpreterIds: ReadonlySet<string>;
}

const none: StageShared = { spotlightId: null, interpreterIds: new Set() };

/**
 * The stage's shared state of one room, from the server: loaded on entering the room and after
 * every reconnect (never pieced together from broadcasts a lost connection missed), kept current
 * by `stage:spotlighted` and `stage:interpreters`.
 */
export function useStageState(roomId: string) {
  const realtime = useRealtime();
  const [state, setState] = useState<StageShared>(none);

  const load = useCallback(async () => {
    try {
      const got = await realtime.request('stage:state', { roomId });
      setState({ spotlightId: got.spotlightPersonId, interpreterIds: new Set(got.interpreterIds) });
    } catch {
      // the stage chooses by itself meanwhile; the next reconnect loads again
    }
  }, [realtime, roomId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads from the server when the room changes; the answer replaces the state
    void load();
  }, [load]);
  useResync(() => void load());
  useServerEvent('stage:spotlighted', (spotlight) => {
    if (spotlight.roomId === roomId) setState((s) => ({ ...s, spotlightId: spotlight.personId }));
  });
  useServerEvent('stage:interpreters', ({ interpreterIds }) =>
    setState((s) => ({ ...s, interpreterIds: new Set(interpreterIds) })),
  );

  const spotlight = useCallback(
    (personId: string | null) => realtime.request('stage:spotlight', { roomId, personId }),
    [realtime, roomId],
  );
  const markInterpreter = useCallback(
    (personId: string, interpreter: boolean) =>
      realtime.request('stage:interpreter', { personId, interpreter }),
    [realtime],
  );
  return { ...state, spotlight, markInterpreter };
}
