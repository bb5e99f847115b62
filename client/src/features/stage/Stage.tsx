import '@livekit/components-styles';
import {
  CarouselLayout,
  FocusLayout,
  FocusLayoutContainer,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  StartAudio,
  useConnectionState,
  useSpeakingParticipants,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import {
  ConnectionError,
  ConnectionState,
  DisconnectReason,
  Track,
  type RoomConnectOptions,
  type RoomOptions,
} from 'livekit-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomToken } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import type { MediaSwitches } from '../devices/consent.ts';
import { captureDefaults } from '../devices/media-prefs.ts';
import type { ControlBarSlots } from './ControlBar.tsx';
import type { MediaStores } from './MediaControls.tsx';
import { PublishingRights } from './PublishingRights.tsx';
import { chooseStageLayout, type StageTile } from './stage-layout.ts';
import { StageTileContent } from './StageTile.tsx';

/**
 * Without this, LiveKit hands the browser the ICE servers its server config lists — by default a
 * public Google STUN server. Plenum's media stay between the browser and our own SFU.
 */
const connectOptions: RoomConnectOptions = { rtcConfig: { iceServers: [] } };

export interface StageProps {
  media: RoomToken;
  /** What to publish on entering, as `devices/consent.ts` decided for this connection. */
  publish: MediaSwitches;
  stores: MediaStores;
  /** The page's part of the control bar: hand, reactions, leave. */
  slots: ControlBarSlots;
  /** A moderator removed this person from the room. */
  onRemoved: () => void;
  /** The media connection failed or ended unexpectedly: the page fetches a fresh token. */
  onLost: () => void;
}

/**
 * The stage of one room. The page keys it by room (and token generation): a switch unmounts this,
 * which disconnects the old LiveKit room, and mounts a new one with the same device choices.
 */
export default function Stage({ media, publish, stores, slots, onRemoved, onLost }: StageProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { prefs } = stores;
  const options = useMemo<RoomOptions>(
    () => ({ adaptiveStream: true, dynacast: true, ...captureDefaults(prefs.get()) }),
    [prefs],
  );

  // Stable callbacks: LiveKitRoom re-subscribes its room listeners whenever they change.
  const latest = useRef({ onRemoved, onLost, announce, t });
  useEffect(() => {
    latest.current = { onRemoved, onLost, announce, t };
  });
  const onDisconnected = useCallback((reason?: DisconnectReason) => {
    if (reason === DisconnectReason.PARTICIPANT_REMOVED) latest.current.onRemoved();
    // Leaving on purpose, or the group room closing (the server's room:assigned follows): fine.
    else if (
      reason !== DisconnectReason.CLIENT_INITIATED &&
      reason !== DisconnectReason.ROOM_DELETED
    )
      latest.current.onLost();
  }, []);
  const onError = useCallback((error: Error) => {
    // A failed connection gets a fresh token; a camera that will not start must not reconnect.
    if (error instanceof ConnectionError) latest.current.onLost();
    else latest.current.announce(latest.current.t('stage.deviceFailed'));
  }, []);
  const onMediaDeviceFailure = useCallback(
    () => latest.current.announce(latest.current.t('stage.deviceFailed')),
    [],
  );

  return (
    <LiveKitRoom
      serverUrl={media.url}
      token={media.token}
      connect
      audio={publish.microphone}
      video={publish.camera}
      options={options}
      connectOptions={connectOptions}
      onDisconnected={onDisconnected}
      onError={onError}
      onMediaDeviceFailure={onMediaDeviceFailure}
      className="stage"
      aria-label={t('stage.label', { room: media.room.name })}
      role="region"
    >
      <div className="stage-screen" data-lk-theme="default">
        <StageView roomKind={media.room.kind} />
      </div>
      <RoomAudioRenderer />
      <MediaStatus />
      <PublishingRights stores={stores} slots={slots} initial={media.rights.canPublish} />
    </LiveKitRoom>
  );
}

function tileOf(ref: TrackReferenceOrPlaceholder): StageTile {
  const source = ref.source === Track.Source.ScreenShare ? 'screen_share' : 'camera';
  return {
    key: `${ref.participant.identity}:${source}`,
    identity: ref.participant.identity,
    source,
    isLocal: ref.participant.isLocal,
    hasVideo: Boolean(ref.publication?.track) && !ref.publication?.isMuted,
  };
}

function StageView({ roomKind }: { roomKind: 'plenary' | 'working_group' }) {
  const { t } = useTranslation();
  const refs = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  // Attendees who only watch get no tile: a plenary of 110 shows its presenters, not 110 boxes.
  const visible = refs.filter(
    (r) =>
      r.source === Track.Source.ScreenShare ||
      r.publication ||
      r.participant.permissions?.canPublish,
  );
  const speaking = useSpeakingParticipants().map((p) => p.identity);
  const [focus, setFocus] = useState<string | null>(null);
  const layout = chooseStageLayout(visible.map(tileOf), speaking, focus, roomKind);
  const layoutFocus = layout.mode === 'focus' ? layout.focus : null;
  useEffect(() => {
    if (layoutFocus) setFocus(layoutFocus);
  }, [layoutFocus]);

  const byKey = new Map(visible.map((r) => [tileOf(r).key, r]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((r) => r !== undefined);

  switch (layout.mode) {
    case 'empty':
      return (
        <div className="stage-empty">
          <p>{t('stage.nobody')}</p>
        </div>
      );
    case 'single':
      return (
        <div className="stage-single">
          <ParticipantTile trackRef={byKey.get(layout.focus)}>
            <StageTileContent />
          </ParticipantTile>
        </div>
      );
    case 'focus':
      return (
        <FocusLayoutContainer className="stage-focus">
          <CarouselLayout tracks={pick(layout.others)}>
            <ParticipantTile>
              <StageTileContent />
            </ParticipantTile>
          </CarouselLayout>
          <FocusLayout trackRef={byKey.get(layout.focus)}>
            <StageTileContent />
          </FocusLayout>
        </FocusLayoutContainer>
      );
    case 'grid':
      return (
        <GridLayout tracks={pick(layout.tiles)} className="stage-grid">
          <ParticipantTile>
            <StageTileContent />
          </ParticipantTile>
        </GridLayout>
      );
  }
}

/** The media connection's state in words, and the button browsers need before playing sound. */
function MediaStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const text =
    state === ConnectionState.Connected
      ? null
      : state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting
        ? t('stage.reconnecting')
        : state === ConnectionState.Disconnected
          ? t('stage.disconnected')
          : t('stage.connecting');
  return (
    <div className="stage-status">
      {text && <p className="notice stage-notice">{text}</p>}
      <StartAudio label={t('stage.startAudio')} className="button button-primary" />
    </div>
  );
}
