import { useRef, useState } from 'react';

/**
 * A form opened by a button ("Add …"): `shown` is what it edits, or `closed`; closing it gives the
 * focus back to the button (`opener`), so a keyboard user goes on where they were.
 */
export function useFormOpener<T>(closed: T) {
  const [shown, show] = useState<T>(closed);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    show(closed);
    window.setTimeout(() => opener.current?.focus());
  };
  return { shown, show, opener, close };
}
