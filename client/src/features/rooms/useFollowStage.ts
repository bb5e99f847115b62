import { startTransition, useCallback, useEffect, useState } from 'react';
import { connectionKey, pageFollows, type RoomSwitchState } from './room-switch.ts';

/** How long the rest of the page waits at most for the new stage's first picture. */
export const FOLLOW_STAGE_MS = 1500;

/**
 * The room switch as the rest of the page shows it (banner, chat, people, notes, polls): moved
 * into another room, it follows only when the new stage said it shows its first picture (or has
 * none to wait for), at most FOLLOW_STAGE_MS later. Remounting those panels for the new room —
 * requests, socket subscriptions, the notes' document — held the main thread while LiveKit
 * negotiated the new room, and the first frame waited for it (bench/README.md "first-frame").
 * Anything else (a fresh token for the same room, a failure) is shown at once.
 */
export function useFollowStage(state: RoomSwitchState, plenaryId: string) {
  const key = connectionKey(state);
  const [shown, setShown] = useState(state);
  const [settled, setSettled] = useState<string | null>(null);
  const follows = pageFollows(state, shown, settled, plenaryId);
  // Remembered from this render on (React's pattern for state derived from earlier renders).
  if (follows && shown !== state) setShown(state);

  useEffect(() => {
    if (follows || key === null) return;
    const timer = setTimeout(() => startTransition(() => setSettled(key)), FOLLOW_STAGE_MS);
    return () => clearTimeout(timer);
  }, [follows, key]);

  /** The stage of `connection` shows its first picture: the page follows, in slices. */
  const stageSettled = useCallback(
    (connection: string) => startTransition(() => setSettled(connection)),
    [],
  );
  return { state: follows ? state : shown, stageSettled };
}
