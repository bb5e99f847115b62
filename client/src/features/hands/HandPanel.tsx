import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hand } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { BarIcon } from '../media/BarIcon.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { myHand, placeInQueue } from './hands.ts';
import type { useHands } from './useHands.ts';

type Hands = ReturnType<typeof useHands>;

/** Raise or lower one's own hand, with one's place in the queue. */
export function HandButton({ hands, myId }: { hands: Hands; myId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const raised = Boolean(myHand(hands.queue, myId));
  const place = placeInQueue(hands.queue, myId);

  useServerEvent('hand:taken', (hand) => {
    if (hand.person.id === myId) announce(t('hands.youWereTaken'));
  });

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (raised) {
        await hands.lower();
        announce(t('hands.lowered'));
      } else {
        await hands.raise();
        announce(t('hands.raised'));
      }
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hand-control">
      <button
        type="button"
        className={raised ? 'button button-primary' : 'button'}
        aria-pressed={raised}
        aria-disabled={busy || undefined}
        onClick={() => void toggle()}
      >
        <BarIcon name="hand" />
        <span className="control-label">{t(raised ? 'hands.lower' : 'hands.raise')}</span>
        {/* On a phone's one-row bar the place shows as a number on the button; the sentence
            stays for screen readers. */}
        {place !== null && (
          <span className="hand-place-badge" aria-hidden="true">
            {place}
          </span>
        )}
      </button>
      {place !== null && <span className="meta hand-place">{t('hands.place', { place })}</span>}
    </div>
  );
}

/** The moderators' queue: take the next hand (which promotes that person), or dismiss one. */
export function HandQueue({ hands }: { hands: Hands }) {
  const { t } = useTranslation();
  const announce = useAnnounce();

  const takeNext = async () => {
    try {
      const hand = await hands.takeNext();
      announce(hand ? t('hands.taken', { name: hand.person.displayName }) : t('hands.empty'));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    }
  };
  const dismiss = async (hand: Hand) => {
    try {
      await hands.dismiss(hand.id);
      announce(t('hands.dismissed', { name: hand.person.displayName }));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    }
  };

  return (
    <section className="hand-queue" aria-labelledby="hand-queue-heading">
      <h2 id="hand-queue-heading" className="panel-heading">
        {t('hands.queueHeading', { count: hands.queue.length })}
      </h2>
      {hands.queue.length === 0 ? (
        <p className="meta">{t('hands.empty')}</p>
      ) : (
        <>
          <button type="button" className="button button-primary" onClick={() => void takeNext()}>
            {t('hands.takeNext', { name: hands.queue[0]?.person.displayName })}
          </button>
          <ol className="hand-list">
            {hands.queue.map((hand) => (
              <li key={hand.id}>
                <span>{hand.person.displayName}</span>{' '}
                <button type="button" className="link-button" onClick={() => void dismiss(hand)}>
                  {t('hands.dismiss')}
                  <span className="visually-hidden"> {hand.person.displayName}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
