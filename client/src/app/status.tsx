import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

/**
 * One polite live region for the whole app. Screen readers only announce changes to a region
 * that already exists, so it is rendered once, empty, and pages call `announce()`.
 */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);

  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated identical message count as a change.
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(next), 100);
  }, []);

  return (
    <AnnounceContext value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
        {message}
      </div>
    </AnnounceContext>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
