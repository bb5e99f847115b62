/**
 * The time left until a deadline stored on the server (a working-group phase's `deadlineAt`).
 * Counted from server time (`serverNow()` in clock.ts), so a laptop clock that is a few minutes
 * off still shows what everyone else sees.
 */

export interface TimeLeft {
  /** Milliseconds until the deadline, never below zero. */
  ms: number;
  expired: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

/** `null` when there is no deadline (or it cannot be read). */
export function timeLeft(
  deadlineAt: string | null | undefined,
  serverNowMs: number,
): TimeLeft | null {
  if (!deadlineAt) return null;
  const deadline = Date.parse(deadlineAt);
  if (Number.isNaN(deadline)) return null;
  const ms = Math.max(0, deadline - serverNowMs);
  // Round up: "0:01" is shown until the very end, "0:00" only once time is really up.
  const totalSeconds = Math.ceil(ms / 1000);
  return {
    ms,
    expired: ms === 0,
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "12:05", or "1:02:05" from an hour on: a clock face, the same in German and English. */
export function formatCountdown(left: TimeLeft): string {
  if (left.hours > 0) return `${left.hours}:${pad(left.minutes)}:${pad(left.seconds)}`;
  return `${left.minutes}:${pad(left.seconds)}`;
}

/** Whole minutes left, rounded up: what a screen reader hears ("noch 5 Minuten"). */
export function minutesLeft(left: TimeLeft): number {
  return Math.ceil(left.ms / 60_000);
}

/** Moments worth telling a screen-reader user about, in minutes before the deadline. */
export const announceAtMinutes = [10, 5, 1] as const;

/**
 * The threshold (in minutes) crossed between two readings, if any: the countdown announces
 * "noch 5 Minuten" once, not every second. A jump over several thresholds (a sleeping laptop)
 * announces only the last one.
 */
export function crossedThreshold(previousMs: number | null, currentMs: number): number | null {
  if (previousMs === null) return null;
  let crossed: number | null = null;
  for (const minutes of announceAtMinutes) {
    const at = minutes * 60_000;
    if (previousMs > at && currentMs <= at) crossed = minutes;
  }
  return crossed;
}
