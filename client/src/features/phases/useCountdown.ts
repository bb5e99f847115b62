import { useEffect, useRef, useState } from 'react';
import { serverNow } from '../../lib/clock.ts';
import { crossedThreshold, timeLeft, type TimeLeft } from './countdown.ts';

/**
 * Time left until `deadlineAt` by server time, every second; `onThreshold` hears "10, 5, 1
 * minutes left" once each, for the screen-reader announcement.
 */
export function useCountdown(
  deadlineAt: string | null,
  onThreshold?: (minutes: number) => void,
): TimeLeft | null {
  const [now, setNow] = useState(serverNow);
  const previous = useRef<number | null>(null);
  const latest = useRef(onThreshold);
  useEffect(() => {
    latest.current = onThreshold;
  });

  useEffect(() => {
    previous.current = null;
    if (!deadlineAt) return;
    const tick = () => {
      const current = serverNow();
      setNow(current);
      const left = timeLeft(deadlineAt, current);
      if (!left) return;
      const crossed = crossedThreshold(previous.current, left.ms);
      previous.current = left.ms;
      if (crossed !== null) latest.current?.(crossed);
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [deadlineAt]);

  return timeLeft(deadlineAt, now);
}
