import { useCallback, useEffect, useState } from 'react';
import type { Hand } from '@plenum/shared';
import { api } from '../../lib/api.ts';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { applyHand } from './hands.ts';

/** The raised hands of a room and what one can do with them. */
export function useHands(roomId: string) {
  const realtime = useRealtime();
  const [queue, setQueue] = useState<Hand[]>([]);

  const load = useCallback(async () => {
    try {
      const { hands } = await realtime.request('hand:list', { roomId });
      setQueue(hands);
    } catch {
      setQueue([]);
    }
  }, [realtime, roomId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new room starts with an empty queue until its hands load
    setQueue([]);
    void load();
  }, [load]);
  useResync(load);

  const apply = (hand: Hand) => {
    if (hand.roomId === roomId) setQueue((current) => applyHand(current, hand));
  };
  useServerEvent('hand:raised', apply);
  useServerEvent('hand:lowered', apply);
  useServerEvent('hand:taken', apply);
  useServerEvent('hand:dismissed', apply);

  const raise = useCallback(async () => {
    const { hand } = await realtime.request('hand:raise', { roomId });
    setQueue((current) => applyHand(current, hand));
  }, [realtime, roomId]);

  const lower = useCallback(async () => {
    const { hand } = await realtime.request('hand:lower', { roomId });
    if (hand) setQueue((current) => applyHand(current, hand));
  }, [realtime, roomId]);

  /** Takes the next hand and gives that person the right to speak. */
  const takeNext = useCallback(async () => {
    const { hand } = await realtime.request('hand:takeNext', { roomId });
    if (!hand) return null;
    setQueue((current) => applyHand(current, hand));
    // Taking a hand does not promote on the server (yet): the moderator's client does it.
    await api.moderate(roomId, hand.person.id, 'promote');
    return hand;
  }, [realtime, roomId]);

  const dismiss = useCallback(
    async (handId: number) => {
      const { hand } = await realtime.request('hand:dismiss', { handId });
      setQueue((current) => applyHand(current, hand));
    },
    [realtime],
  );

  return { queue, raise, lower, takeNext, dismiss };
}
