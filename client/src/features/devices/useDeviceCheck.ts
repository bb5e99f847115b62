import type { LocalAudioTrack, LocalVideoTrack } from 'livekit-client';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  deviceCheckReducer,
  hearsSound,
  initialDeviceCheck,
  lastSoundAt,
  levelPercent,
  type DeviceKind,
} from './device-check.ts';
import {
  listDevices,
  openDevices,
  openedDeviceId,
  watchLoudness,
  type PreviewTracks,
} from './local-media.ts';
import type { MediaPrefsStore } from '../media/media-prefs.ts';

const prefKey = { camera: 'videoDeviceId', microphone: 'audioDeviceId' } as const;
const noTracks: PreviewTracks = { camera: null, microphone: null };

/**
 * The camera and microphone check: opens both devices for a preview, lists the devices once the
 * browser names them, switches on choice and remembers every choice in the media preferences —
 * so the plenary, every working group and the next visit open the same headset and camera.
 */
export function useDeviceCheck(prefs: MediaPrefsStore) {
  const [state, dispatch] = useReducer(deviceCheckReducer, null, () =>
    initialDeviceCheck({
      camera: prefs.get().videoDeviceId,
      microphone: prefs.get().audioDeviceId,
    }),
  );
  const [tracks, setTracks] = useState<PreviewTracks>(noTracks);
  const [restarts, setRestarts] = useState(0);
  const latest = useRef({ state, tracks });
  // eslint-disable-next-line react-hooks/refs -- the latest state for callbacks that outlive this render
  latest.current = { state, tracks };
  const mounted = useRef(true);
  const attempts = useRef(0);

  const refreshDevices = useCallback(async () => {
    const devices = await listDevices().catch(() => []);
    if (mounted.current) dispatch({ type: 'listed', devices });
  }, []);

  const release = useCallback(() => {
    latest.current.tracks.camera?.stop();
    latest.current.tracks.microphone?.stop();
    latest.current.tracks = noTracks;
    setTracks(noTracks);
  }, []);

  useEffect(() => {
    mounted.current = true;
    const devices = navigator.mediaDevices;
    const onChange = () => void refreshDevices();
    devices?.addEventListener('devicechange', onChange);
    return () => {
      mounted.current = false;
      attempts.current += 1;
      devices?.removeEventListener('devicechange', onChange);
      // Leaving the page must switch the camera light off.
      latest.current.tracks.camera?.stop();
      latest.current.tracks.microphone?.stop();
    };
  }, [refreshDevices]);

  const start = useCallback(async () => {
    // A retry (or React's second mount in development) makes any earlier attempt stale.
    const attempt = ++attempts.current;
    const stale = () => attempt !== attempts.current || !mounted.current;
    release();
    const kinds: DeviceKind[] = ['camera', 'microphone'];
    dispatch({ type: 'asking', kinds });
    const { state: now } = latest.current;
    const opened = await openDevices(
      { camera: now.camera.chosenId, microphone: now.microphone.chosenId },
      kinds,
    );
    if (stale()) {
      for (const result of Object.values(opened)) if ('track' in result) result.track.stop();
      return;
    }
    const next: PreviewTracks = { camera: null, microphone: null };
    for (const kind of kinds) {
      const result = opened[kind];
      if (!result || 'error' in result) dispatch({ type: 'refused', kind, error: result?.error });
      else if (kind === 'camera') next.camera = result.track as LocalVideoTrack;
      else next.microphone = result.track as LocalAudioTrack;
    }
    latest.current.tracks = next;
    setTracks(next);
    for (const kind of kinds) {
      const track = next[kind];
      if (track) dispatch({ type: 'opened', kind, deviceId: await openedDeviceId(track) });
    }
    await refreshDevices();
  }, [refreshDevices, release]);

  const choose = useCallback(
    async (kind: DeviceKind, deviceId: string) => {
      dispatch({ type: 'chosen', kind, deviceId });
      prefs.update({ [prefKey[kind]]: deviceId });
      const track = latest.current.tracks[kind];
      if (!track) return;
      try {
        await track.setDeviceId(deviceId);
        // The track now reads another device: whatever watches it must look again.
        setRestarts((n) => n + 1);
      } catch (error) {
        dispatch({ type: 'refused', kind, error });
      }
    },
    [prefs],
  );

  /** Keeps what the person chose (or what the browser opened) for every room to come. */
  const finish = useCallback(() => {
    const { state: now } = latest.current;
    prefs.update({
      ...(now.camera.chosenId ? { videoDeviceId: now.camera.chosenId } : {}),
      ...(now.microphone.chosenId ? { audioDeviceId: now.microphone.chosenId } : {}),
    });
    release();
    dispatch({ type: 'stopped' });
  }, [prefs, release]);

  return { state, tracks, restarts, start, choose, finish };
}

/**
 * The microphone's level in percent, read ten times a second, and whether sound arrived in the
 * last seconds (the meter's words). Starts over after each device switch (`restarts`): the
 * analyser reads a copy of the track as it was.
 */
export function useMicrophoneLevel(track: LocalAudioTrack | null, restarts: number) {
  const [level, setLevel] = useState({ percent: 0, hearing: false });
  useEffect(() => {
    if (!track) return;
    const loudness = watchLoudness(track);
    let soundAt: number | null = null;
    const timer = window.setInterval(() => {
      const now = Date.now();
      const percent = levelPercent(loudness.read());
      soundAt = lastSoundAt(soundAt, percent, now);
      const hearing = hearsSound(soundAt, now);
      setLevel((before) =>
        before.percent === percent && before.hearing === hearing ? before : { percent, hearing },
      );
    }, 100);
    return () => {
      window.clearInterval(timer);
      loudness.stop();
      setLevel({ percent: 0, hearing: false });
    };
  }, [track, restarts]);
  return level;
}
