import { useEffect, useState } from 'react';
import { serverNow } from '../lib/clock.ts';

/** Server time, refreshed every `intervalMs`, so live markers move on by themselves. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = window.setInterval(() => setNow(serverNow()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
