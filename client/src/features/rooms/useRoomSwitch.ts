import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { takeEarlyToken } from './early-token.ts';
import { MediaRetry } from './media-retry.ts';
import {
  connectionKey,
  initialRoomSwitch,
  roomChange,
  roomSwitchReducer,
  type RoomChange,
  type RoomSwitchAction,
  type RoomSwitchState,
} from './room-switch.ts';

/**
 * The room this page is in: the plenary's token at first, then wherever `room:assigned` sends the
 * person. `onChange` hears every real move (for the live region); `lastChange` shows it visibly.
 * `key` names the media connection (key the stage by it: a new key is a clean remount); `lost`
 * says the connection is gone for good, and a fresh token follows, a little later each time.
 */
export function useRoomSwitch(plenaryId: string, onChange: (change: RoomChange) => void) {
  const [state, dispatchToReact] = useReducer(roomSwitchReducer, initialRoomSwitch);
  /**
   * Told of a new media connection before React renders it (StageArea sets it): LiveKit can start
   * connecting while the page renders the switch (stage/early-room.ts).
   */
  const beforeConnectRef = useRef<((next: RoomSwitchState) => void) | null>(null);
  const onBeforeConnect = useCallback((listener: (next: RoomSwitchState) => void) => {
    beforeConnectRef.current = listener;
    return () => {
      if (beforeConnectRef.current === listener) beforeConnectRef.current = null;
    };
  }, []);
  // The same reducer, run here too: every action goes through `dispatch`, so this is React's state.
  const latestState = useRef(initialRoomSwitch);
  const dispatch = useCallback((action: RoomSwitchAction) => {
    const before = latestState.current;
    const next = roomSwitchReducer(before, action);
    latestState.current = next;
    const key = connectionKey(next);
    if (key && key !== connectionKey(before)) {
      beforeConnectRef.current?.(next);
      // Rendered in slices: LiveKit's connection, started just now, goes on between them instead
      // of waiting for the whole page to render the new room (a group mounts notes, polls, chat).
      startTransition(() => dispatchToReact(action));
    } else {
      dispatchToReact(action);
    }
  }, []);
  const [lastChange, setLastChange] = useState<RoomChange | null>(null);
  const previous = useRef<RoomSwitchState>(state);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  const fetchToken = useCallback(
    async (roomId: string, visit = false, early = false) => {
      dispatch({ type: 'fetchStarted' });
      try {
        const media = await ((early && takeEarlyToken(roomId)) || api.roomToken(roomId));
        dispatch({ type: 'tokenFetched', media, visit });
        return true;
      } catch (error) {
        dispatch({ type: 'fetchFailed', error });
        return false;
      }
    },
    [dispatch],
  );

  useEffect(() => {
    // The page's first token may already be on its way (early-token.ts).
    void fetchToken(plenaryId, false, true);
  }, [fetchToken, plenaryId]);

  // A visit ends when the server moves the person (a phase opens or closes, or a move).
  const visiting = useRef<string | null>(null);
  useServerEvent('room:assigned', (assigned) => {
    visiting.current = null;
    dispatch({ type: 'assigned', assigned });
  });
  // A fresh connection starts where the person belongs: the visit is made again.
  const realtime = useRealtime();
  useResync(() => {
    const roomId = visiting.current;
    if (roomId) realtime.request('group:visit', { roomId }).catch(() => undefined);
  });

  useEffect(() => {
    const change = roomChange(previous.current, state);
    previous.current = state;
    if (!change) return;
    setLastChange(change);
    latestOnChange.current(change);
  }, [state]);

  /** A new token for the current room, e.g. after the media connection was lost for good. */
  const currentRoomId = state.media?.room.id ?? plenaryId;
  const refresh = useCallback(() => fetchToken(currentRoomId), [fetchToken, currentRoomId]);
  const removed = useCallback(() => dispatch({ type: 'removed' }), [dispatch]);

  // A media connection lost for good: a fresh token, a little later each time, until one comes.
  const key = connectionKey(state);
  const latestRefresh = useRef(refresh);
  useEffect(() => {
    latestRefresh.current = refresh;
  });
  const retry = useRef<MediaRetry | null>(null);
  useEffect(() => {
    const media = new MediaRetry(() => latestRefresh.current());
    retry.current = media;
    return () => media.stop();
  }, []);
  useEffect(() => retry.current?.reset(), [key]);
  const lost = useCallback(() => retry.current?.lost(), []);
  /**
   * Moderators and organizers visiting a group (or going back): this page's socket joins that
   * room's conversation and the media token is asked for at the same time (the server checks the
   * right for each; one round trip instead of two). The stage moves only when both said yes.
   */
  const visit = useCallback(
    async (roomId: string) => {
      dispatch({ type: 'fetchStarted' });
      const [joined, media] = await Promise.allSettled([
        realtime.request('group:visit', { roomId }),
        api.roomToken(roomId),
      ]);
      if (joined.status === 'fulfilled' && media.status === 'fulfilled') {
        visiting.current = roomId;
        dispatch({ type: 'tokenFetched', media: media.value, visit: true });
        return true;
      }
      const error =
        joined.status === 'rejected' ? joined.reason : (media as PromiseRejectedResult).reason;
      dispatch({ type: 'fetchFailed', error });
      // No token: the stage stays where it was, and so goes the conversation.
      if (joined.status === 'fulfilled') {
        realtime.request('group:visit', { roomId: currentRoomId }).catch(() => undefined);
      }
      return false;
    },
    [realtime, currentRoomId, dispatch],
  );

  return { state, key, lastChange, refresh, lost, removed, visit, onBeforeConnect };
}
