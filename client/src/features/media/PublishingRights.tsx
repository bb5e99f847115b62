import {
  useLocalParticipant,
  useLocalParticipantPermissions,
  useTrackToggle,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { ControlBar, type ControlBarSlots } from './ControlBar.tsx';
import {
  DeviceSettings,
  MediaToggle,
  MediaToggles,
  ScreenToggle,
  type MediaStores,
} from './MediaControls.tsx';

/**
 * Publishing follows the rights the server gives live (promote, demote) without reconnecting. Being
 * given the word publishes nothing: a notice says so beside the microphone button, and the person
 * switches on when ready. Losing it switches everything off.
 */
export function PublishingRights({
  stores,
  slots,
  initial,
}: {
  stores: MediaStores;
  slots: ControlBarSlots;
  initial: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const permissions = useLocalParticipantPermissions();
  const { localParticipant } = useLocalParticipant();
  const canPublish = permissions?.canPublish ?? initial;
  const before = useRef(canPublish);
  const [floor, setFloor] = useState(false);

  useEffect(() => {
    if (before.current === canPublish) return;
    before.current = canPublish;
    const decision = stores.session.apply(canPublish ? 'promoted' : 'demoted', { canPublish });
    setFloor(decision.floorNotice);
    announce(t(canPublish ? 'stage.promoted' : 'stage.demoted'));
    if (canPublish) return;
    // The server stops the tracks; the camera light goes off here too.
    void localParticipant.setMicrophoneEnabled(false).catch(() => {});
    void localParticipant.setCameraEnabled(false).catch(() => {});
    void localParticipant.setScreenShareEnabled(false).catch(() => {});
  }, [canPublish, announce, localParticipant, stores, t]);

  return (
    <>
      {canPublish ? (
        <DeviceSettings prefs={stores.prefs} />
      ) : (
        <p className="meta stage-watch-only">{t('stage.watchOnly')}</p>
      )}
      <ControlBar
        {...slots}
        media={canPublish ? <MediaToggles stores={stores} /> : null}
        screen={canPublish ? <ScreenToggle stores={stores} /> : null}
        notice={
          floor && canPublish ? (
            <FloorNotice stores={stores} onDone={() => setFloor(false)} />
          ) : null
        }
      />
    </>
  );
}

/** "Sie haben das Wort": nothing is live yet; the microphone is one press away. */
function FloorNotice({ stores, onDone }: { stores: MediaStores; onDone: () => void }) {
  const { t } = useTranslation();
  const { enabled } = useTrackToggle({ source: Track.Source.Microphone });
  useEffect(() => {
    if (enabled) onDone();
  }, [enabled, onDone]);
  return (
    <div className="floor-notice" role="group" aria-labelledby="floor-notice-heading">
      <h2 id="floor-notice-heading">{t('stage.floor.heading')}</h2>
      <p>{t('stage.floor.text')}</p>
      <MediaToggle
        source="microphone"
        label={t('stage.floor.microphone')}
        stores={stores}
        className="button-primary"
      />
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t('stage.floor.dismiss')}
      </button>
    </div>
  );
}
