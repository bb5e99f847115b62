import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtime, useServerEvent } from '../realtime/RealtimeContext.tsx';
import {
  addCounts,
  bubblesOf,
  ReactionPacer,
  type Bubble,
  type ReactionCounts,
  type ReactionKind,
} from './reactions.ts';

/** How long a bubble floats on the stage (the CSS animation lasts as long). */
export const BUBBLE_MS = 2000;
/** Screen readers hear a summary at most this often, not every burst. */
const SUMMARY_MS = 5000;

/**
 * The room's reactions: bubbles for the stage, a calm summary for screen readers, and sending
 * one's own (paced like the server's limit).
 */
export function useReactions(roomId: string) {
  const realtime = useRealtime();
  const [bubbles, setBubbles] = useState<Bubble[]>([]);
  const [summary, setSummary] = useState<ReactionCounts | null>(null);
  const pending = useRef<ReactionCounts>({});
  const [pacer] = useState(() => new ReactionPacer());

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new room starts without the last room's bubbles
    setBubbles([]);
    pending.current = {};
  }, [roomId]);

  useServerEvent('reaction:burst', (burst) => {
    if (burst.roomId !== roomId) return;
    const fresh = bubblesOf(burst.counts);
    setBubbles((current) => [...current, ...fresh].slice(-20));
    setTimeout(() => {
      const gone = new Set(fresh.map((b) => b.id));
      setBubbles((current) => current.filter((b) => !gone.has(b.id)));
    }, BUBBLE_MS);
    pending.current = addCounts(pending.current, burst.counts);
  });

  useEffect(() => {
    const timer = setInterval(() => {
      if (Object.keys(pending.current).length === 0) return;
      setSummary(pending.current);
      pending.current = {};
    }, SUMMARY_MS);
    return () => clearInterval(timer);
  }, []);

  /** Sends a reaction; resolves false when it is held back (too many just now). */
  const send = useCallback(
    async (kind: ReactionKind) => {
      if (!pacer.take()) return false;
      await realtime.request('reaction:send', { roomId, kind });
      return true;
    },
    [pacer, realtime, roomId],
  );

  return { bubbles, summary, send, waitMs: () => pacer.waitMs() };
}
