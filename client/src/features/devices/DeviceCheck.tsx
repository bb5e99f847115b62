import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@plenum/shared';
import type { LocalVideoTrack } from 'livekit-client';
import { can } from '@plenum/shared/access';
import { preloadEventScreens } from '../../app/preload.ts';
import { useAnnounce } from '../../app/status.tsx';
import { browserStorage, MediaPrefsStore } from '../media/media-prefs.ts';
import { sessionMedia } from '../media/session-media.ts';
import type { DeviceAccess } from './device-check.ts';
import './device-check.css';
import { DeviceChoice } from './DeviceChoice.tsx';
import { useDeviceCheck, useMicrophoneLevel } from './useDeviceCheck.ts';

export interface DeviceCheckProps {
  role: Role;
  /** Into the event; the devices are released and the choice is stored by then. */
  onDone: () => void;
}

/**
 * The camera and microphone check between joining and the event, loaded with LiveKit on demand.
 * Presenters start it at once; attendees, who mostly watch, start it themselves or skip it.
 */
export default function DeviceCheck({ role, onDone }: DeviceCheckProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [prefs] = useState(() => new MediaPrefsStore(role, browserStorage()));
  const check = useDeviceCheck(prefs);
  const { camera, microphone } = check.state;
  const level = useMicrophoneLevel(check.tracks.microphone, check.restarts);
  // Those who do not present in the plenary mostly watch: they start the check themselves.
  const watcher = !can(role, 'plenary.present');
  const started = camera.access !== 'idle' || microphone.access !== 'idle';
  const heading = useRef<HTMLHeadingElement>(null);
  // What goes live on entering: off unless switched on here (or remembered, and shown so).
  const [choice, setChoice] = useState(() => ({
    microphone: !watcher && prefs.get().microphone,
    camera: !watcher && prefs.get().camera,
  }));
  const [touched, setTouched] = useState(false);
  const remembered =
    !watcher && !touched && prefs.get().remembered && (choice.microphone || choice.camera);

  useEffect(() => {
    heading.current?.focus();
    // The event page and the stage download while the person tests or reads: entering is faster.
    preloadEventScreens();
    if (!watcher) void check.start();
    // Once, when the step appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the step appears: the check must not restart with a render
  }, []);

  // Problems are said once when they appear; the text stays visible beside the device.
  const problems = (['camera', 'microphone'] as const).flatMap((kind) => {
    const access = check.state[kind].access;
    return isProblem(access) ? [t(`join.devices.problems.${kind}.${access}`)] : [];
  });
  const problemText = problems.join(' ');
  useEffect(() => {
    if (problemText) announce(problemText);
  }, [problemText, announce]);

  const proceed = () => {
    check.finish();
    sessionMedia().chooseAtJoin(choice);
    if (!watcher) prefs.update(choice);
    onDone();
  };
  const skip = () => {
    // Watching only: no camera and no microphone in the working groups either, until switched on.
    prefs.update({ camera: false, microphone: false });
    sessionMedia().chooseAtJoin({ camera: false, microphone: false });
    check.finish();
    announce(t('join.devices.skipped'));
    onDone();
  };

  const levelTextId = 'device-level-text';
  return (
    <section className="device-check" aria-labelledby="device-check-heading">
      <h2 id="device-check-heading" ref={heading} tabIndex={-1}>
        {t('join.devices.heading')}
      </h2>
      <p>{t(watcher ? 'join.devices.introWatcher' : 'join.devices.intro')}</p>

      {started && (
        <div className="device-check-grid">
          <Preview track={check.tracks.camera} access={camera.access} />
          <div className="device-check-controls">
            <DeviceChoice
              kind="camera"
              slot={camera}
              label={t('join.devices.camera')}
              onChoose={(id) => void check.choose('camera', id)}
            />
            <AccessProblem kind="camera" access={camera.access} />
            <DeviceChoice
              kind="microphone"
              slot={microphone}
              label={t('join.devices.microphone')}
              onChoose={(id) => void check.choose('microphone', id)}
            />
            <AccessProblem kind="microphone" access={microphone.access} />
            {microphone.access === 'on' && (
              <div className="device-level">
                <label htmlFor="device-level">{t('join.devices.level')}</label>
                <meter
                  id="device-level"
                  min={0}
                  max={100}
                  low={8}
                  value={level.percent}
                  aria-describedby={levelTextId}
                />
                <p id={levelTextId} className="meta">
                  {t(level.hearing ? 'join.devices.hearing' : 'join.devices.silent')}
                </p>
              </div>
            )}
            {problems.length > 0 && (
              <button type="button" className="button button-quiet" onClick={check.start}>
                {t('join.devices.retry')}
              </button>
            )}
          </div>
        </div>
      )}

      {watcher ? (
        <p className="meta">{t('join.devices.watcherSwitches')}</p>
      ) : (
        <fieldset className="device-switches" aria-describedby="device-switches-hint">
          <legend>{t('join.devices.switches')}</legend>
          {(['microphone', 'camera'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={choice[kind] ? 'button button-on' : 'button'}
              aria-pressed={choice[kind]}
              onClick={() => {
                setTouched(true);
                setChoice((c) => ({ ...c, [kind]: !c[kind] }));
              }}
            >
              {t(`join.devices.enterWith.${kind}`)}
              <span aria-hidden="true"> {t(choice[kind] ? 'stage.on' : 'stage.off')}</span>
            </button>
          ))}
          <p id="device-switches-hint" className="meta">
            {t(remembered ? 'join.devices.remembered' : 'join.devices.switchesHint')}
          </p>
        </fieldset>
      )}

      <div className="button-row">
        {watcher && !started ? (
          <button
            key="start"
            type="button"
            className="button button-primary"
            onClick={() => {
              // The button gives way to "Continue": a second Enter must not skip the check.
              heading.current?.focus();
              void check.start();
            }}
          >
            {t('join.devices.start')}
          </button>
        ) : (
          <button key="continue" type="button" className="button button-primary" onClick={proceed}>
            {t('join.devices.continue')}
          </button>
        )}
        {watcher && (
          <button type="button" className="button" onClick={skip}>
            {t('join.devices.skip')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The camera's picture, mirrored as in a mirror; words instead while there is none. */
function Preview({ track, access }: { track: LocalVideoTrack | null; access: DeviceAccess }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);

  return (
    <div className="device-preview">
      {track ? (
        <video
          ref={video}
          className="device-preview-video"
          aria-label={t('join.devices.preview')}
          muted
          playsInline
          autoPlay
        />
      ) : (
        <p className="device-preview-empty">
          {t(access === 'asking' ? 'join.devices.asking' : 'join.devices.noPreview')}
        </p>
      )}
    </div>
  );
}

const isProblem = (access: DeviceAccess): access is 'denied' | 'missing' | 'failed' =>
  access === 'denied' || access === 'missing' || access === 'failed';

function AccessProblem({ kind, access }: { kind: 'camera' | 'microphone'; access: DeviceAccess }) {
  const { t } = useTranslation();
  if (!isProblem(access)) return null;
  return <p className="error-text">{t(`join.devices.problems.${kind}.${access}`)}</p>;
}
