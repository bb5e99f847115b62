import { useTranslation } from 'react-i18next';
import { captionSizes } from './captions.ts';
import type { useCaptions } from './useCaptions.ts';
import './captions.css';

type Captions = ReturnType<typeof useCaptions>;

/**
 * "Untertitel" under the stage: off by default, size S/M/L. Everyone sees the typing; screen
 * readers hear only committed lines, politely, so a line is not read out letter by letter.
 */
export function CaptionsPanel({ captions }: { captions: Captions }) {
  const { t } = useTranslation();
  const { state, prefs, setPrefs } = captions;
  const typing = Object.values(state.typing);
  const last = state.done.at(-1);
  return (
    <section className="captions" aria-label={t('captions.heading')}>
      <div className="captions-controls">
        <button
          type="button"
          className={prefs.on ? 'button button-on' : 'button'}
          aria-pressed={prefs.on}
          onClick={() => setPrefs({ on: !prefs.on })}
        >
          {t('captions.toggle')}
        </button>
        {prefs.on && (
          <fieldset className="captions-size">
            <legend>{t('captions.size')}</legend>
            {captionSizes.map((size) => (
              <label key={size}>
                <input
                  type="radio"
                  name="caption-size"
                  value={size}
                  checked={prefs.size === size}
                  onChange={() => setPrefs({ size })}
                />
                {t(`captions.sizes.${size}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {prefs.on && (
        <>
          <div className={`captions-box captions-${prefs.size}`} aria-hidden="true">
            {state.done.length === 0 && typing.length === 0 && (
              <p className="captions-empty">{t('captions.none')}</p>
            )}
            {state.done.map((line) => (
              <p key={`${line.captionerId}:${line.seq}`}>{line.text}</p>
            ))}
            {typing.map((line) => (
              <p key={`${line.captionerId}:typing`} className="captions-typing">
                {line.text}
              </p>
            ))}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {last?.text}
          </p>
        </>
      )}
    </section>
  );
}
