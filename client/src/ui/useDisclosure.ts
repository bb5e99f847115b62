import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that shows and hides a panel next to it (the bar's "Mehr", the reactions). Escape
 * closes the innermost open one only and gives the focus back to its button; with
 * `closeOnOutsidePointer` a pointer press outside the wrapper closes it too.
 */
export function useDisclosure({ closeOnOutsidePointer = false } = {}) {
  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open || !closeOnOutsidePointer) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, closeOnOutsidePointer]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // One Escape closes one panel: this one, not one around it as well.
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return {
    open,
    /** For the wrapper around the button and its panel. */
    wrapperProps: { ref: wrapperRef, onKeyDown },
    /** For the button; `aria-controls` names the panel's id. */
    toggleProps: (panelId: string) => ({
      ref: toggleRef,
      type: 'button' as const,
      className: open ? 'button button-on' : 'button',
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((o) => !o),
    }),
  };
}
