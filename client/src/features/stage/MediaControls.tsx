import { useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import type { MediaPrefs, MediaPrefsStore } from '../devices/media-prefs.ts';

/** Microphone, camera, screen and device choice — for those who may publish in this room. */
export function MediaControls({ prefs }: { prefs: MediaPrefsStore }) {
  const { t } = useTranslation();
  return (
    <div className="media-controls" role="group" aria-label={t('stage.controls')}>
      <ToggleButton
        source={Track.Source.Microphone}
        label={t('stage.microphone')}
        pref="microphone"
        prefs={prefs}
      />
      <ToggleButton
        source={Track.Source.Camera}
        label={t('stage.camera')}
        pref="camera"
        prefs={prefs}
      />
      <ToggleButton source={Track.Source.ScreenShare} label={t('stage.screen')} prefs={prefs} />
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

interface ToggleButtonProps {
  source: Track.Source.Microphone | Track.Source.Camera | Track.Source.ScreenShare;
  label: string;
  pref?: 'microphone' | 'camera';
  prefs: MediaPrefsStore;
}

function ToggleButton({ source, label, pref, prefs }: ToggleButtonProps) {
  const { t } = useTranslation();
  const { toggle, enabled, pending } = useTrackToggle({
    source,
    onChange: (on: boolean, byUser: boolean) => {
      // Only the person's own clicks are their choice; a moderator's mute is not.
      if (byUser && pref) prefs.update({ [pref]: on });
    },
  });
  return (
    <button
      type="button"
      className={enabled ? 'button button-on' : 'button'}
      aria-pressed={enabled}
      aria-disabled={pending || undefined}
      onClick={() => !pending && void toggle()}
    >
      {label}
      <span className="toggle-state" aria-hidden="true">
        {' '}
        {t(enabled ? 'stage.on' : 'stage.off')}
      </span>
    </button>
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
