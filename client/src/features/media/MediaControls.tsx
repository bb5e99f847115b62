import { useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { BarIcon } from './BarIcon.tsx';
import type { MediaSource } from './consent.ts';
import type { MediaPrefs, MediaPrefsStore } from './media-prefs.ts';
import type { SessionMediaStore } from './session-media.ts';

export interface MediaStores {
  prefs: MediaPrefsStore;
  session: SessionMediaStore;
}

const sources = {
  microphone: Track.Source.Microphone,
  camera: Track.Source.Camera,
  screen: Track.Source.ScreenShare,
} as const;

/** Microphone and camera for the control bar — for those who may publish in this room. */
export function MediaToggles({ stores }: { stores: MediaStores }) {
  const { t } = useTranslation();
  return (
    <>
      <MediaToggle source="microphone" label={t('stage.microphone')} stores={stores} />
      <MediaToggle source="camera" label={t('stage.camera')} stores={stores} />
    </>
  );
}

/** Sharing the screen: beside the other switches, or under "Mehr" on a phone (ControlBar). */
export function ScreenToggle({ stores }: { stores: MediaStores }) {
  const { t } = useTranslation();
  return <MediaToggle source="screen" label={t('stage.screen')} stores={stores} />;
}

interface MediaToggleProps {
  source: MediaSource;
  label: string;
  stores: MediaStores;
  className?: string;
}

/** One of the person's switches: what it does is theirs to carry into the next room. */
export function MediaToggle({ source, label, stores, className = '' }: MediaToggleProps) {
  const { t } = useTranslation();
  // Stable: LiveKit calls it on every change of this callback too, and would then report the
  // state in between a press and its effect as the press, and the effect as nobody's.
  const onChange = useCallback(
    (on: boolean, byUser: boolean) => {
      // Only the person's own press is the state to carry into the next room: a track that is
      // still starting in a new room, or ends as the old one disconnects, is not a choice.
      if (!byUser) return;
      stores.session.switched(source, on);
      if (source !== 'screen') stores.prefs.update({ [source]: on });
    },
    [source, stores],
  );
  const { buttonProps, enabled, pending } = useTrackToggle({ source: sources[source], onChange });
  return (
    <button
      type="button"
      className={`button control-toggle ${enabled ? 'button-on' : ''} ${className}`}
      aria-pressed={enabled}
      aria-disabled={pending || undefined}
      data-source={source}
      // LiveKit counts a press as the person's own only through its own click handler.
      onClick={(event) => !pending && buttonProps.onClick?.(event)}
    >
      <BarIcon name={source} off={source !== 'screen' && !enabled} />
      {/* The name stays the same at every width and in every state; aria-pressed says on or off. */}
      <span className="control-label">{label}</span>
      <span className="toggle-state" aria-hidden="true">
        {' '}
        {t(enabled ? 'stage.on' : 'stage.off')}
      </span>
    </button>
  );
}

/** The microphone and camera in use, where the browser offers more than one. */
export function DeviceSettings({ prefs }: { prefs: MediaPrefsStore }) {
  const { t } = useTranslation();
  return (
    <div className="media-controls" role="group" aria-label={t('stage.devices')}>
      <DeviceSelect
        kind="audioinput"
        label={t('stage.microphoneDevice')}
        pref="audioDeviceId"
        prefs={prefs}
      />
      <DeviceSelect
        kind="videoinput"
        label={t('stage.cameraDevice')}
        pref="videoDeviceId"
        prefs={prefs}
      />
    </div>
  );
}

interface DeviceSelectProps {
  kind: 'audioinput' | 'videoinput';
  label: string;
  pref: keyof Pick<MediaPrefs, 'audioDeviceId' | 'videoDeviceId'>;
  prefs: MediaPrefsStore;
}

function DeviceSelect({ kind, label, pref, prefs }: DeviceSelectProps) {
  const { t } = useTranslation();
  const { devices, activeDeviceId, setActiveMediaDevice } = useMediaDeviceSelect({ kind });
  if (devices.length < 2) return null;
  const id = `device-${kind}`;
  return (
    <span className="device-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={activeDeviceId}
        onChange={(e) => {
          void setActiveMediaDevice(e.target.value);
          prefs.update({ [pref]: e.target.value });
        }}
      >
        {devices.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || t('stage.deviceNumber', { number: index + 1 })}
          </option>
        ))}
      </select>
    </span>
  );
}
