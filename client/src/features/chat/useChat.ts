import { useCallback, useEffect, useReducer, useState } from 'react';
import { isRealtimeError } from '../../lib/socket.ts';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { chatReducer, emptyChat, lastSeenId, type ChatRoomState } from './chat.ts';

type Action = Parameters<typeof chatReducer>[1] | { type: 'reset'; roomId: string };

function reducer(state: ChatRoomState, action: Action): ChatRoomState {
  return action.type === 'reset' ? emptyChat(action.roomId) : chatReducer(state, action);
}

/**
 * The chat of the room the person is in: history, live messages, catch-up after a reconnect,
 * and sending that survives a lost connection (resent with the same clientId until stored).
 */
export function useChat(roomId: string) {
  const realtime = useRealtime();
  const [state, dispatch] = useReducer(reducer, roomId, emptyChat);
  const [loadError, setLoadError] = useState<unknown>(null);

  const loadNewest = useCallback(async () => {
    try {
      const page = await realtime.request('chat:history', { roomId });
      dispatch({ type: 'history', page, older: false });
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, [realtime, roomId]);

  useEffect(() => {
    dispatch({ type: 'reset', roomId });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the room's newest messages when the room changes
    void loadNewest();
    const stop = realtime.onChatCaughtUp((room, result) => {
      if (room === roomId) dispatch({ type: 'caughtUp', result });
    });
    return () => {
      stop();
      realtime.forgetChat(roomId);
    };
  }, [realtime, roomId, loadNewest]);

  // The socket catches up from here after a reconnect.
  const newest = lastSeenId(state);
  useEffect(() => {
    if (state.roomId === roomId && newest > 0) realtime.noteChatSeen(roomId, newest);
  }, [realtime, roomId, state.roomId, newest]);

  useServerEvent('chat:message', (message) => {
    if (message.roomId !== null && message.roomId !== roomId) return;
    dispatch({ type: 'received', message });
  });
  useServerEvent('chat:deleted', ({ messageId }) => dispatch({ type: 'deleted', messageId }));
  useServerEvent('chat:pinned', (message) => dispatch({ type: 'pinned', message }));
  useServerEvent('chat:locked', (locked) => {
    if (locked.roomId === roomId) dispatch({ type: 'locked', locked: locked.locked });
  });

  const sendWithId = useCallback(
    async (clientId: string, body: string) => {
      dispatch({ type: 'sending', clientId, body });
      try {
        const { message } = await realtime.request('chat:send', { roomId, clientId, body });
        dispatch({ type: 'sent', message });
        return null;
      } catch (error) {
        // Refused for good (too long, chat locked): the caller puts the text back into the input.
        const refused =
          isRealtimeError(error) && error.code !== 'timeout' && error.code !== 'rate_limited';
        dispatch(refused ? { type: 'discarded', clientId } : { type: 'sendFailed', clientId });
        return error;
      }
    },
    [realtime, roomId],
  );

  // Messages that did not make it are sent again once the connection is back.
  useResync(() => {
    if (!state.loaded) void loadNewest();
    for (const pending of state.pending) void sendWithId(pending.clientId, pending.body);
  });

  const send = useCallback((body: string) => sendWithId(crypto.randomUUID(), body), [sendWithId]);

  const loadOlder = useCallback(async () => {
    const before = state.messages[0]?.id;
    const page = await realtime.request('chat:history', { roomId, before });
    dispatch({ type: 'history', page, older: true });
  }, [realtime, roomId, state.messages]);

  const remove = useCallback(
    (messageId: number) => realtime.request('chat:delete', { messageId }),
    [realtime],
  );
  const pin = useCallback(
    (messageId: number, pinned: boolean) => realtime.request('chat:pin', { messageId, pinned }),
    [realtime],
  );

  return { state, loadError, reload: loadNewest, send, resend: sendWithId, loadOlder, remove, pin };
}
