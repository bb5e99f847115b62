import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  /** Microphone, camera and screen: rendered by the stage, inside its LiveKit room. */
  media?: ReactNode;
  /** A notice that belongs to the controls, e.g. "Sie haben das Wort". */
  notice?: ReactNode;
}

/**
 * The controls a person needs during the day, always at the bottom of the window whatever they
 * scroll to: their media switches, their hand, reactions and leaving. The page below keeps room
 * for it (`--control-bar-height`), so nothing hides behind it.
 */
export function ControlBar({ media, hand, reactions, onLeave, notice }: ControlBarProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLElement>(null);

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
      <div className="control-bar-buttons">
        {media}
        {hand}
        {reactions && <div className="control-bar-reactions">{reactions}</div>}
        {onLeave && (
          <button type="button" className="button control-leave" onClick={onLeave}>
            {t('controls.leave')}
          </button>
        )}
      </div>
    </section>
  );
}
