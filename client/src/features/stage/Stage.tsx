import '@livekit/components-styles';
import {
  LiveKitRoom,
  RoomAudioRenderer,
  StartAudio,
  useConnectionState,
} from '@livekit/components-react';
import {
  ConnectionError,
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  Track,
  TrackEvent,
  type RemoteTrack,
  type Room,
} from 'livekit-client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomToken } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import type { MediaSwitches } from '../media/consent.ts';
import type { ControlBarSlots } from '../media/ControlBar.tsx';
import type { MediaStores } from '../media/MediaControls.tsx';
import { PublishingRights } from '../media/PublishingRights.tsx';
import { connectOptions, roomFor, roomMounted, stageRoomOptions } from './early-room.ts';
import { StageView, type StageInfo } from './StageView.tsx';

export interface StageProps {
  /** The connection's key (StageArea keys this component by it). */
  connection: string;
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
  /** Told once this connection shows its first remote picture, or has none to wait for. */
  onSettled?: (connection: string) => void;
  /** Rights and the agenda's speakers, for the layout (StageView). */
  stage?: StageInfo;
}

/**
 * The stage of one room. The page keys it by room (and token generation): a switch unmounts this,
 * which disconnects the old LiveKit room, and mounts a new one with the same device choices.
 */
export default function Stage({
  connection,
  media,
  publish,
  stores,
  slots,
  onRemoved,
  onLost,
  onSettled,
  stage,
}: StageProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { prefs } = stores;
  // Made (and, publishing nothing, connecting) before the switch rendered, or now: early-room.ts.
  const [room] = useState(() => roomFor(connection, media, publish, stageRoomOptions(prefs)));
  useLayoutEffect(() => roomMounted(connection), [connection]);

  // Stable callbacks: LiveKitRoom re-subscribes its room listeners whenever they change.
  const latest = useRef({ onRemoved, onLost, onSettled, announce, t });
  useEffect(() => {
    latest.current = { onRemoved, onLost, onSettled, announce, t };
  });
  useEffect(
    () => watchFirstPicture(room, () => latest.current.onSettled?.(connection)),
    [room, connection],
  );
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
      room={room}
      serverUrl={media.url}
      token={media.token}
      connect
      audio={publish.microphone}
      video={publish.camera}
      connectOptions={connectOptions}
      onDisconnected={onDisconnected}
      onError={onError}
      onMediaDeviceFailure={onMediaDeviceFailure}
      className="stage"
      aria-label={t('stage.label', { room: media.room.name })}
      role="region"
    >
      <div className="stage-screen" data-lk-theme="default">
        <StageView room={media.room} stage={stage} />
      </div>
      <RoomAudioRenderer />
      <MediaStatus />
      <PublishingRights stores={stores} slots={slots} initial={media.rights.canPublish} />
    </LiveKitRoom>
  );
}

/**
 * Calls `settled` once the room plays its first remote video (or could not: autoplay), or is
 * connected with no remote video to wait for. Returns the cleanup.
 */
function watchFirstPicture(room: Room, settled: () => void) {
  let done = false;
  const settle = () => {
    if (done) return;
    done = true;
    settled();
  };
  const watch = (track: RemoteTrack) => {
    if (track.kind !== Track.Kind.Video) return;
    track.once(TrackEvent.VideoPlaybackStarted, settle);
    track.once(TrackEvent.VideoPlaybackFailed, settle);
  };
  const connected = () => {
    const videos = [...room.remoteParticipants.values()].some(
      (p) => p.videoTrackPublications.size > 0,
    );
    if (!videos) settle();
  };
  room.on(RoomEvent.TrackSubscribed, watch).on(RoomEvent.Connected, connected);
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.videoTrackPublications.values()) {
      if (publication.track) watch(publication.track);
    }
  }
  if (room.state === ConnectionState.Connected) connected();
  return () => {
    done = true;
    room.off(RoomEvent.TrackSubscribed, watch).off(RoomEvent.Connected, connected);
  };
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
