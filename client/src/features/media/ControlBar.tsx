import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from '../../ui/useDisclosure.ts';
import { canShareScreen, placeBarControls } from './bar-layout.ts';
import { BarIcon } from './BarIcon.tsx';
import { useCompactBar } from './useCompactBar.ts';
import './control-bar.css';

/** What the page puts into the bar beside the stage's own media switches. */
export interface ControlBarSlots {
  /** Raise or lower one's hand, where one may. */
  hand?: ReactNode;
  /** The reactions menu (features/reactions), where the room has it. */
  reactions?: ReactNode;
  /** Leave the stage: media off and disconnected, chat and agenda stay. */
  onLeave?: () => void;
}

interface ControlBarProps extends ControlBarSlots {
  /** Microphone and camera: rendered by the stage, inside its LiveKit room. */
  media?: ReactNode;
  /** The screen switch, likewise; in "Mehr" on a phone, left out where no screen can be shared. */
  screen?: ReactNode;
  /** A notice that belongs to the controls, e.g. "Sie haben das Wort". */
  notice?: ReactNode;
}

/**
 * The controls a person needs during the day, always at the bottom of the window whatever they
 * scroll to: their media switches, their hand, reactions and leaving. The page below keeps room
 * for it (`--control-bar-height`), so nothing hides behind it. On a phone it is one row of icon
 * buttons whose names stay those of the wide bar; what does not fit is under "Mehr".
 */
export function ControlBar({ media, screen, hand, reactions, onLeave, notice }: ControlBarProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLElement>(null);
  const compact = useCompactBar();
  const place = placeBarControls({
    compact,
    screen: Boolean(screen),
    screenSupported: canShareScreen(),
    reactions: Boolean(reactions),
  });

  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const measure = () =>
      root.style.setProperty('--control-bar-height', `${element.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--control-bar-height');
    };
  }, []);

  return (
    <section ref={bar} className="control-bar" aria-label={t('controls.label')}>
      {notice}
      <div className={`control-bar-buttons ${compact ? 'control-row-compact' : ''}`}>
        {media}
        {place.screen === 'row' && screen}
        {hand}
        {place.reactions === 'row' && <div className="control-bar-reactions">{reactions}</div>}
        {place.more && (
          <MoreMenu>
            {place.screen === 'more' && screen}
            {place.reactions === 'more' && reactions}
          </MoreMenu>
        )}
        {onLeave && (
          <button type="button" className="button control-leave" onClick={onLeave}>
            <BarIcon name="leave" />
            <span className="control-label">{t('controls.leave')}</span>
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * "Mehr": a disclosure above the bar for what a phone's row has no room for. Escape closes it and
 * returns focus to its button; a press outside it closes it too.
 */
function MoreMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { open, wrapperProps, toggleProps } = useDisclosure({ closeOnOutsidePointer: true });

  return (
    <div {...wrapperProps} className="control-more">
      <button {...toggleProps('control-more-panel')}>
        <BarIcon name="more" />
        <span className="control-label">{t('controls.more')}</span>
      </button>
      {open && (
        <div
          id="control-more-panel"
          className="control-more-panel"
          role="group"
          aria-label={t('controls.moreLabel')}
        >
          {children}
        </div>
      )}
    </div>
  );
}
