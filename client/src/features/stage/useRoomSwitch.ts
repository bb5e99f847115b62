import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../lib/api.ts';
import {
  initialRoomSwitch,
  roomChange,
  roomSwitchReducer,
  type RoomChange,
  type RoomSwitchState,
} from '../../lib/room-switch.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';

/**
 * The room this page is in: the plenary's token at first, then wherever `room:assigned` sends the
 * person. `onChange` hears every real move (for the live region); `lastChange` shows it visibly.
 */
export function useRoomSwitch(plenaryId: string, onChange: (change: RoomChange) => void) {
  const [state, dispatch] = useReducer(roomSwitchReducer, initialRoomSwitch);
  const [lastChange, setLastChange] = useState<RoomChange | null>(null);
  const previous = useRef<RoomSwitchState>(state);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  const fetchToken = useCallback(async (roomId: string) => {
    dispatch({ type: 'fetchStarted' });
    try {
      dispatch({ type: 'tokenFetched', media: await api.roomToken(roomId) });
      return true;
    } catch (error) {
      dispatch({ type: 'fetchFailed', error });
      return false;
    }
  }, []);

  useEffect(() => {
    void fetchToken(plenaryId);
  }, [fetchToken, plenaryId]);

  useServerEvent('room:assigned', (assigned) => dispatch({ type: 'assigned', assigned }));

  useEffect(() => {
    const change = roomChange(previous.current, state);
    previous.current = state;
    if (!change) return;
    setLastChange(change);
    latestOnChange.current(change);
  }, [state]);

  /** A new token for the current room, e.g. after the media connection was lost for good. */
  const currentRoomId = state.media?.room.id ?? plenaryId;
  const refresh = useCallback(() => void fetchToken(currentRoomId), [fetchToken, currentRoomId]);
  const removed = useCallback(() => dispatch({ type: 'removed' }), []);
  /** Moderators and organizers visiting a group (or going back): a token for that room. */
  const visit = useCallback((roomId: string) => fetchToken(roomId), [fetchToken]);

  return { state, lastChange, refresh, removed, visit };
}
