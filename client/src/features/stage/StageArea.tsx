import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@plenum/shared';
import { loadStage } from '../../app/preload.ts';
import { useAnnounce } from '../../app/status.tsx';
import { browserStorage, MediaPrefsStore } from '../media/media-prefs.ts';
import { sessionMedia } from '../media/session-media.ts';
import { ControlBar, type ControlBarSlots } from '../media/ControlBar.tsx';
import { connectionKey, mediaTransition } from '../rooms/room-switch.ts';
import type { StageInfo } from './StageView.tsx';
import type { useRoomSwitch } from '../rooms/useRoomSwitch.ts';

// LiveKit and its styles load only here, after the page itself: the join page stays small (the
// device check fetches this chunk early, see app/preload.ts).
const Stage = lazy(loadStage);
// Beside the stage in its chunk: the room of a new connection, made before the switch renders.
const loadEarlyRoom = () => import('./early-room.ts');

/**
 * Where the stage goes: the room's media once a token is there, keyed by the connection so a room
 * switch is a clean remount; until then, or after the person was removed or left, a placeholder.
 * Each new connection asks the consent rule what to publish (`devices/consent.ts`).
 */
export function StageArea({
  roomSwitch,
  onStageSettled,
  role,
  slots,
  stage,
}: {
  roomSwitch: ReturnType<typeof useRoomSwitch>;
  /** The stage of this connection shows its first picture, or has none to wait for. */
  onStageSettled?: (connection: string) => void;
  role: Role | null;
  /** The page's part of the control bar: hand, reactions. */
  slots: Omit<ControlBarSlots, 'onLeave'>;
  /** Rights and the agenda's speakers, for the stage's layout. */
  stage?: StageInfo;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [stores] = useState(() => ({
    prefs: new MediaPrefsStore(role, browserStorage()),
    session: sessionMedia(),
  }));
  const [left, setLeft] = useState(false);
  const { state, key, lost, removed, onBeforeConnect } = roomSwitch;

  // A new connection, before the page renders it: decided by the consent rule as the render
  // would (the decision is kept per key), and LiveKit connecting if nothing is to be published.
  const early = useRef<Awaited<ReturnType<typeof loadEarlyRoom>> | null>(null);
  useEffect(() => {
    let mounted = true;
    loadEarlyRoom().then(
      (module) => mounted && (early.current = module),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, []);
  useEffect(() =>
    onBeforeConnect((next) => {
      const nextKey = connectionKey(next);
      if (left || !nextKey || !next.media || !early.current) return;
      const decision = stores.session.enter(nextKey, (first) => mediaTransition(next, first), {
        canPublish: next.media.rights.canPublish,
      });
      early.current.roomFor(
        nextKey,
        next.media,
        decision.publish,
        early.current.stageRoomOptions(stores.prefs),
      );
    }),
  );
  const onRemoved = useCallback(() => {
    removed();
    announce(t('stage.removed'));
  }, [removed, announce, t]);
  const leave = useCallback(() => {
    setLeft(true);
    announce(t('controls.left'));
  }, [announce, t]);

  const placeholder = (text: string, action?: { label: string; onClick: () => void }) => (
    <>
      <div className="stage stage-placeholder">
        <p>{text}</p>
        {action && (
          <button type="button" className="button button-primary" onClick={action.onClick}>
            {action.label}
          </button>
        )}
      </div>
      <ControlBar {...slots} />
    </>
  );
  if (left) {
    return placeholder(t('controls.leftText'), {
      label: t('controls.rejoin'),
      onClick: () => {
        // Back in as if the connection had dropped: the switches as they were, the screen not.
        void roomSwitch.refresh();
        setLeft(false);
      },
    });
  }
  if (state.status === 'removed') return placeholder(t('stage.removed'));
  if (state.status === 'failed') return placeholder(t('stage.unavailable'));
  if (!key || !state.media) return placeholder(t('stage.connecting'));
  const decision = stores.session.enter(key, (first) => mediaTransition(state, first), {
    canPublish: state.media.rights.canPublish,
  });
  return (
    <Suspense fallback={placeholder(t('stage.loading'))}>
      <Stage
        key={key}
        connection={key}
        media={state.media}
        publish={decision.publish}
        stores={stores}
        slots={{ ...slots, onLeave: leave }}
        onRemoved={onRemoved}
        onLost={lost}
        onSettled={onStageSettled}
        stage={stage}
      />
    </Suspense>
  );
}
