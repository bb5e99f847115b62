import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PinMenuProps {
  name: string;
  pinned: boolean;
  onPin: (pinned: boolean) => void;
  /** For moderators: the spotlight for everyone in the room. */
  spotlight?: { on: boolean; set: (on: boolean) => void };
  /** For organizers: the sign-language interpreter flag. */
  interpreter?: { on: boolean; set: (on: boolean) => void };
}

/**
 * A tile's menu: pin for oneself, and what moderators and organizers may do for everyone. A
 * disclosure button with a list of buttons: keyboard and screen readers need nothing more.
 */
export function PinMenu({ name, pinned, onPin, spotlight, interpreter }: PinMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const choose = (act: () => void) => () => {
    act();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div
      className="tile-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="tile-menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('stage.layout.menuFor', { name })}
        title={t('stage.layout.menuFor', { name })}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <ul id={id} className="tile-menu-list" hidden={!open}>
        <li>
          <button type="button" onClick={choose(() => onPin(!pinned))}>
            {pinned ? t('stage.layout.unpin') : t('stage.layout.pin')}
          </button>
        </li>
        {spotlight && (
          <li>
            <button type="button" onClick={choose(() => spotlight.set(!spotlight.on))}>
              {spotlight.on ? t('stage.layout.unspotlight') : t('stage.layout.spotlight')}
            </button>
          </li>
        )}
        {interpreter && (
          <li>
            <button type="button" onClick={choose(() => interpreter.set(!interpreter.on))}>
              {interpreter.on ? t('stage.layout.notInterpreter') : t('stage.layout.interpreter')}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
