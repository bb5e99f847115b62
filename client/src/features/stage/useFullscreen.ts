import { useCallback, useEffect, useState, type RefObject } from 'react';

/** The Fullscreen API on one element: whether it is full screen, and a toggle for a button. */
export function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const sync = () => setActive(document.fullscreenElement === element.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [element]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void element.current?.requestFullscreen().catch(() => {});
  }, [element]);
  return {
    active,
    toggle,
    supported: typeof document !== 'undefined' && document.fullscreenEnabled,
  };
}
