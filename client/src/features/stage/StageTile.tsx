import {
  isTrackReference,
  useConnectionQualityIndicator,
  useIsMuted,
  useIsSpeaking,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { ConnectionQuality, Track } from 'livekit-client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type TilePlace = 'main' | 'side' | 'interpreter' | 'grid';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/** Signal bars, drawn: no icon font and no request to a third party. */
function WeakSignalIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1" y="11" width="3" height="4" fill="currentColor" />
      <rect x="6" y="7" width="3" height="8" fill="none" stroke="currentColor" />
      <rect x="11" y="2" width="3" height="13" fill="none" stroke="currentColor" />
    </svg>
  );
}

function MicOffIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="6" y="1" width="4" height="9" rx="2" fill="currentColor" />
      <path d="M3.5 7.5a4.5 4.5 0 0 0 9 0M8 12v3" fill="none" stroke="currentColor" />
      <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/**
 * One person's tile: the video (or initials) and, below it, never over it, the name, a muted
 * microphone and — only when it is poor — the connection, as icons with a text alternative.
 */
export function StageTile({
  trackRef,
  place,
  label,
  menu,
}: {
  trackRef: TrackReferenceOrPlaceholder;
  place: TilePlace;
  /** What the tile is beside the name, e.g. "Gebärdensprache". */
  label?: string;
  menu?: ReactNode;
}) {
  const { t } = useTranslation();
  const { participant, source } = trackRef;
  const { quality } = useConnectionQualityIndicator({ participant });
  const speaking = useIsSpeaking(participant);
  const micMuted = useIsMuted({
    participant,
    source: Track.Source.Microphone,
    publication: participant.getTrackPublication(Track.Source.Microphone),
  });
  const videoMuted = useIsMuted(trackRef);
  const hasVideo = isTrackReference(trackRef) && !videoMuted;
  const name = participant.name || participant.identity;
  const isScreen = source === Track.Source.ScreenShare;
  const weak = quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost;
  const title = isScreen ? t('stage.screenOf', { name }) : name;

  return (
    <figure
      className={`stage-tile stage-tile-${place}${speaking ? ' stage-tile-speaking' : ''}`}
      data-identity={participant.identity}
      data-source={isScreen ? 'screen_share' : 'camera'}
      data-video={hasVideo ? 'on' : 'off'}
    >
      <div className="stage-tile-media">
        {hasVideo ? (
          <VideoTrack trackRef={trackRef} className="tile-video" />
        ) : (
          <div className="tile-placeholder" aria-hidden="true">
            <span>{initials(name)}</span>
          </div>
        )}
      </div>
      <figcaption className="stage-tile-caption">
        <span className="stage-tile-name" title={title}>
          {title}
          {participant.isLocal && ` (${t('stage.you')})`}
          {label && <span className="stage-tile-label"> · {label}</span>}
        </span>
        {speaking && <span className="visually-hidden">{t('stage.speaking')}</span>}
        {!isScreen && micMuted && (
          <span className="stage-tile-icon" role="img" aria-label={t('stage.micOff')}>
            <MicOffIcon />
          </span>
        )}
        {weak && (
          <span
            className="stage-tile-icon stage-tile-weak"
            role="img"
            aria-label={t(`stage.quality.${quality}`)}
            title={t(`stage.quality.${quality}`)}
          >
            <WeakSignalIcon />
          </span>
        )}
        {menu}
      </figcaption>
    </figure>
  );
}
