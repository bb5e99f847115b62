import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { browserStorage, MediaPrefsStore } from '../devices/media-prefs.ts';
import type { useRoomSwitch } from './useRoomSwitch.ts';

// LiveKit and its styles load only here, after the page itself: the join page stays small.
const Stage = lazy(() => import('./Stage.tsx'));

/**
 * Where the stage goes: the room's media once a token is there, keyed by the connection so a room
 * switch is a clean remount; until then, or after the person was removed, a placeholder.
 */
export function StageArea({
  roomSwitch,
  role,
}: {
  roomSwitch: ReturnType<typeof useRoomSwitch>;
  role: Role | null;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [prefs] = useState(() => new MediaPrefsStore(role, browserStorage()));
  const { state, key, lost, removed } = roomSwitch;
  const onRemoved = useCallback(() => {
    removed();
    announce(t('stage.removed'));
  }, [removed, announce, t]);

  const placeholder = (text: string) => (
    <div className="stage stage-placeholder">
      <p>{text}</p>
    </div>
  );
  if (state.status === 'removed') return placeholder(t('stage.removed'));
  if (state.status === 'failed') return placeholder(t('stage.unavailable'));
  if (!key || !state.media) return placeholder(t('stage.connecting'));
  return (
    <Suspense fallback={placeholder(t('stage.loading'))}>
      <Stage key={key} media={state.media} prefs={prefs} onRemoved={onRemoved} onLost={lost} />
    </Suspense>
  );
}
