import {
  isTrackReference,
  useConnectionQualityIndicator,
  useEnsureTrackRef,
  useIsMuted,
  useIsSpeaking,
  VideoTrack,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/**
 * What a tile shows: the video (or initials), the name, a muted microphone and the connection
 * quality, in words rather than only icons. Used inside ParticipantTile, which gives the context.
 */
export function StageTileContent() {
  const { t } = useTranslation();
  const trackRef = useEnsureTrackRef();
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

  return (
    <>
      {hasVideo ? (
        <VideoTrack trackRef={trackRef} className="tile-video" />
      ) : (
        <div className="tile-placeholder" aria-hidden="true">
          <span>{initials(name)}</span>
        </div>
      )}
      <div className={speaking ? 'tile-meta tile-speaking' : 'tile-meta'}>
        <span className="tile-name">
          {isScreen ? t('stage.screenOf', { name }) : name}
          {participant.isLocal && ` (${t('stage.you')})`}
        </span>
        {!isScreen && micMuted && <span className="tile-flag">{t('stage.micOff')}</span>}
        {speaking && <span className="tile-flag">{t('stage.speaking')}</span>}
        <span className={`tile-quality tile-quality-${quality}`}>
          {t(`stage.quality.${quality}`)}
        </span>
      </div>
    </>
  );
}
