import { useCallback, useEffect, useState } from 'react';
import type { PollCreateInput, PollState } from '@plenum/shared';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import {
  applyClosed,
  applyCounts,
  applyMyVote,
  applyPoll,
  pollsOfRoom,
  sortPolls,
} from './poll-logic.ts';

/**
 * The polls of a room (and the event-wide ones): loaded on entering and after a reconnect, kept
 * current by the server's poll events, and what one can do with them.
 */
export function usePolls(roomId: string) {
  const realtime = useRealtime();
  const [polls, setPolls] = useState<PollState[]>([]);

  const load = useCallback(async () => {
    try {
      const { polls: loaded } = await realtime.request('poll:list', { roomId });
      setPolls(sortPolls(loaded));
    } catch {
      setPolls([]);
    }
  }, [realtime, roomId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new room starts with no polls until its polls load
    setPolls([]);
    void load();
  }, [load]);
  useResync(load);

  useServerEvent('poll:opened', (poll) => setPolls((list) => applyPoll(list, poll)));
  useServerEvent('poll:counts', (tally) => setPolls((list) => applyCounts(list, tally)));
  useServerEvent('poll:closed', (closed) => setPolls((list) => applyClosed(list, closed)));

  const create = useCallback(
    async (input: PollCreateInput) => {
      const { poll } = await realtime.request('poll:create', input);
      setPolls((list) => applyPoll(list, poll));
      return poll;
    },
    [realtime],
  );

  const open = useCallback(
    async (pollId: string) => {
      const { poll } = await realtime.request('poll:open', { pollId });
      setPolls((list) => applyPoll(list, poll));
    },
    [realtime],
  );

  const close = useCallback(
    async (pollId: string) => {
      const closed = await realtime.request('poll:close', { pollId });
      setPolls((list) => applyClosed(list, closed));
    },
    [realtime],
  );

  const vote = useCallback(
    async (pollId: string, choices: number[]) => {
      const stored = await realtime.request('poll:vote', { pollId, choices });
      setPolls((list) => applyMyVote(list, stored.pollId, stored.choices));
    },
    [realtime],
  );

  return { polls: pollsOfRoom(polls, roomId), create, open, close, vote };
}
export type Polls = ReturnType<typeof usePolls>;
