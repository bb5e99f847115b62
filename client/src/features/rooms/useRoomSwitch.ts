import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { MediaRetry } from './media-retry.ts';
import {
  connectionKey,
  initialRoomSwitch,
  roomChange,
  roomSwitchReducer,
  type RoomChange,
  type RoomSwitchState,
} from './room-switch.ts';

/**
 * The room this page is in: the plenary's token at first, then wherever `room:assigned` sends the
 * person. `onChange` hears every real move (for the live region); `lastChange` shows it visibly.
 * `key` names the media connection (key the stage by it: a new key is a clean remount); `lost`
 * says the connection is gone for good, and a fresh token follows, a little later each time.
 */
export function useRoomSwitch(plenaryId: string, onChange: (change: RoomChange) => void) {
  const [state, dispatch] = useReducer(roomSwitchReducer, initialRoomSwitch);
  const [lastChange, setLastChange] = useState<RoomChange | null>(null);
  const previous = useRef<RoomSwitchState>(state);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  const fetchToken = useCallback(async (roomId: string, visit = false) => {
    dispatch({ type: 'fetchStarted' });
    try {
      dispatch({ type: 'tokenFetched', media: await api.roomToken(roomId), visit });
      return true;
    } catch (error) {
      dispatch({ type: 'fetchFailed', error });
      return false;
    }
  }, []);

  useEffect(() => {
    void fetchToken(plenaryId);
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
  const removed = useCallback(() => dispatch({ type: 'removed' }), []);

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
   * room's conversation first (the server checks the right), then the media follow.
   */
  const visit = useCallback(
    async (roomId: string) => {
      try {
        await realtime.request('group:visit', { roomId });
      } catch {
        return false;
      }
      if (await fetchToken(roomId, true)) {
        visiting.current = roomId;
        return true;
      }
      // No token: the stage stays where it was, and so goes the conversation.
      realtime.request('group:visit', { roomId: currentRoomId }).catch(() => undefined);
      return false;
    },
    [realtime, fetchToken, currentRoomId],
  );

  return { state, key, lastChange, refresh, lost, removed, visit };
}
