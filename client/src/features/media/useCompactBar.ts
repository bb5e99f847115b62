import { useSyncExternalStore } from 'react';
import { compactBarQuery } from './bar-layout.ts';

const query = () => window.matchMedia(compactBarQuery);

/** True while the window is phone-narrow: the bar is then one row of icon buttons. */
export function useCompactBar(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = query();
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => query().matches,
    () => false,
  );
}
