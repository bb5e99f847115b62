import { useSyncExternalStore } from 'react';

/** A tiny History API router: enough for a handful of routes, no dependency. */

export interface NavigationState {
  /** A message for the next page to show, e.g. after logging out. */
  notice?: 'loggedOut';
}

const changeEvent = 'plenum:navigate';

export function navigate(
  to: string,
  state: NavigationState = {},
  options: { replace?: boolean } = {},
) {
  if (options.replace) history.replaceState(state, '', to);
  else history.pushState(state, '', to);
  window.dispatchEvent(new Event(changeEvent));
}

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** A primitive, so the snapshot stays stable between renders. */
export function useNotice(): NavigationState['notice'] {
  return useSyncExternalStore(subscribe, () => (history.state as NavigationState | null)?.notice);
}
