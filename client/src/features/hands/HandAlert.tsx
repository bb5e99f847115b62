import { useEffect, useId, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hand } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { playChime } from './chime.ts';
import {
  alertNames,
  handAlertReducer,
  noHandAlert,
  readHandSound,
  writeHandSound,
} from './hand-alert.ts';
import './hands.css';

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/**
 * For those who take hands: a visible notice of every new hand, whichever tab is open, told to
 * screen readers too; a chime only if the moderator switches it on (off by default, remembered).
 */
export function HandAlert({ roomId, myId }: { roomId: string; myId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [alert, dispatch] = useReducer(handAlertReducer, noHandAlert);
  const [sound, setSound] = useState(() => readHandSound(storage()));

  useEffect(() => dispatch({ type: 'roomChanged' }), [roomId]);
  useServerEvent('hand:raised', (hand) => {
    if (hand.roomId !== roomId || hand.person.id === myId) return;
    dispatch({ type: 'raised', hand, myId });
    announce(t('hands.alert.announce', { name: hand.person.displayName }));
    if (sound) playChime();
  });
  const closed = (hand: Hand) => dispatch({ type: 'closed', hand });
  useServerEvent('hand:lowered', closed);
  useServerEvent('hand:taken', closed);
  useServerEvent('hand:dismissed', closed);

  const { names, more } = alertNames(alert);
  return (
    <section className="hand-alert" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('hands.alert.heading')}
      </h2>
      {names.length > 0 && (
        <div className="hand-alert-notice">
          <p>
            <span aria-hidden="true">✋ </span>
            <strong>{t('hands.alert.title', { count: alert.fresh.length })}</strong>{' '}
            {names.join(', ')}
            {more > 0 && ` ${t('hands.alert.more', { count: more })}`}
          </p>
          <button type="button" className="button" onClick={() => dispatch({ type: 'seen' })}>
            {t('hands.alert.seen')}
          </button>
        </div>
      )}
      <label className="hand-alert-sound">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            setSound(e.target.checked);
            writeHandSound(storage(), e.target.checked);
          }}
        />{' '}
        {t('hands.alert.sound')}
      </label>
    </section>
  );
}
