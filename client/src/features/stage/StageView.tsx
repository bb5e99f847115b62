import {
  useSpeakingParticipants,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@plenum/shared/access';
import { useAnnounce } from '../../app/status.tsx';
import { mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { MicrophoneReport } from '../people/MicrophoneReport.tsx';
import { PinMenu } from './PinMenu.tsx';
import { chooseStageLayout, type StageTile as TileFacts } from './stage-layout.ts';
import { StageTile, type TilePlace } from './StageTile.tsx';
import { useFullscreen } from './useFullscreen.ts';
import { useStageState } from './useStageState.ts';
import './stage-view.css';

/** What the page knows that the media room does not: rights, and whom the agenda puts on stage. */
export interface StageInfo {
  actor: Actor | null;
  speakerIds: ReadonlySet<string>;
}

function factsOf(ref: TrackReferenceOrPlaceholder, speaking: ReadonlySet<string>): TileFacts {
  const source = ref.source === Track.Source.ScreenShare ? 'screen_share' : 'camera';
  return {
    key: `${ref.participant.identity}:${source}`,
    identity: ref.participant.identity,
    source,
    isLocal: ref.participant.isLocal,
    hasVideo: Boolean(ref.publication?.track) && !ref.publication?.isMuted,
    speaking: speaking.has(ref.participant.identity),
  };
}

const noSpeakers: ReadonlySet<string> = new Set();

/** The room's tiles as the layout rules (stage-layout.ts) place them, with pin and fullscreen. */
export function StageView({
  room,
  stage,
}: {
  room: { id: string; kind: 'plenary' | 'working_group' };
  stage?: StageInfo;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const shared = useStageState(room.id);
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [previousMain, setPreviousMain] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(container);

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
      r.participant.permissions?.canPublish ||
      shared.interpreterIds.has(r.participant.identity),
  );
  const speaking = new Set(useSpeakingParticipants().map((p) => p.identity));
  const facts = visible.map((r) => factsOf(r, speaking));
  const layout = chooseStageLayout(facts, {
    roomKind: room.kind,
    agendaSpeakerIds: stage?.speakerIds ?? noSpeakers,
    pinnedId,
    spotlightId: shared.spotlightId,
    interpreterIds: shared.interpreterIds,
    previousMain,
  });
  const main = layout.mode === 'focus' ? layout.main : null;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- remembers the last main tile for the way out of focus
    if (main) setPreviousMain(main);
  }, [main]);

  const byKey = new Map(visible.map((r, i) => [facts[i]!.key, r]));
  const nameOf = (identity: string | null) => {
    const ref = visible.find((r) => r.participant.identity === identity);
    return ref ? ref.participant.name || identity : null;
  };
  const spotlightName = nameOf(shared.spotlightId);
  const pinnedName = nameOf(pinnedId);

  // Screen readers hear when the spotlight changes, as everyone else sees it.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    const now = shared.spotlightId && spotlightName ? spotlightName : null;
    if (now !== announced.current && (now || announced.current)) {
      announce(now ? t('stage.layout.spotlightOn', { name: now }) : t('stage.layout.spotlightOff'));
    }
    announced.current = now;
  }, [shared.spotlightId, spotlightName, announce, t]);

  const actor = stage?.actor ?? null;
  const maySpotlight = actor !== null && mayInRoom(actor, 'stage.spotlight', room);
  const mayMarkInterpreter = actor !== null && mayInEvent(actor, 'stage.interpreter');
  const failed = () => announce(t('stage.layout.failed'));

  const tile = (key: string, place: TilePlace) => {
    const ref = byKey.get(key);
    if (!ref) return null;
    const identity = ref.participant.identity;
    const name = ref.participant.name || identity;
    const isInterpreter = shared.interpreterIds.has(identity);
    return (
      <StageTile
        key={key}
        trackRef={ref}
        place={place}
        label={isInterpreter ? t('stage.layout.interpreterLabel') : undefined}
        menu={
          <PinMenu
            name={name}
            pinned={pinnedId === identity}
            onPin={(on) => setPinnedId(on ? identity : null)}
            spotlight={
              maySpotlight
                ? {
                    on: shared.spotlightId === identity,
                    set: (on) => shared.spotlight(on ? identity : null).catch(failed),
                  }
                : undefined
            }
            interpreter={
              mayMarkInterpreter
                ? {
                    on: isInterpreter,
                    set: (on) => shared.markInterpreter(identity, on).catch(failed),
                  }
                : undefined
            }
          />
        }
      />
    );
  };

  return (
    <div
      ref={container}
      className={`stage-view stage-view-${layout.mode}`}
      data-main={main ?? ''}
      data-reason={layout.mode === 'focus' ? layout.reason : layout.mode}
    >
      <MicrophoneReport roomId={room.id} />
      <div className="stage-toolbar">
        <p className="stage-toolbar-state">
          {pinnedName
            ? t('stage.layout.pinnedState', { name: pinnedName })
            : spotlightName
              ? t('stage.layout.spotlightState', { name: spotlightName })
              : null}
        </p>
        {pinnedName && (
          <button type="button" className="stage-toolbar-button" onClick={() => setPinnedId(null)}>
            {t('stage.layout.unpin')}
          </button>
        )}
        {!pinnedName && spotlightName && maySpotlight && (
          <button
            type="button"
            className="stage-toolbar-button"
            onClick={() => void shared.spotlight(null).catch(failed)}
          >
            {t('stage.layout.unspotlight')}
          </button>
        )}
        {fullscreen.supported && (
          <button
            type="button"
            className="stage-toolbar-button"
            aria-pressed={fullscreen.active}
            onClick={fullscreen.toggle}
          >
            {fullscreen.active ? t('stage.layout.exitFullscreen') : t('stage.layout.fullscreen')}
          </button>
        )}
      </div>
      {layout.mode === 'empty' && layout.interpreters.length === 0 && (
        <div className="stage-empty">
          <p>{t('stage.nobody')}</p>
        </div>
      )}
      {layout.mode === 'focus' && (
        <div className="stage-focus-area">
          <div className="stage-main">{tile(layout.main, 'main')}</div>
          {(layout.side.length > 0 || layout.interpreters.length > 0) && (
            <ul className="stage-side" aria-label={t('stage.layout.others')}>
              {layout.interpreters.map((k) => (
                <li key={k}>{tile(k, 'interpreter')}</li>
              ))}
              {layout.side.map((k) => (
                <li key={k}>{tile(k, 'side')}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(layout.mode === 'grid' || (layout.mode === 'empty' && layout.interpreters.length > 0)) && (
        <div className="stage-focus-area">
          <ul className="stage-grid-tiles" aria-label={t('stage.layout.everyone')}>
            {(layout.mode === 'grid' ? layout.tiles : []).map((k) => (
              <li key={k}>{tile(k, 'grid')}</li>
            ))}
          </ul>
          {layout.interpreters.length > 0 && (
            <ul className="stage-side" aria-label={t('stage.layout.others')}>
              {layout.interpreters.map((k) => (
                <li key={k}>{tile(k, 'interpreter')}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
