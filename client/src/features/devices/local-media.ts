import {
  createAudioAnalyser,
  createLocalTracks,
  Track,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
} from 'livekit-client';
import { tryEachAlone, type DeviceKind, type MediaDeviceLike } from './device-check.ts';

/**
 * The device check's camera and microphone, opened with LiveKit's own track factory so that the
 * preview sees exactly what the stage will publish. Imported only from lazy chunks: livekit-client
 * is most of the media bundle and must not reach the join page's first load.
 */

export interface PreviewTracks {
  camera: LocalVideoTrack | null;
  microphone: LocalAudioTrack | null;
}
export type Opened = { [K in DeviceKind]?: { track: LocalTrack } | { error: unknown } };

const source: Record<DeviceKind, Track.Source> = {
  camera: Track.Source.Camera,
  microphone: Track.Source.Microphone,
};

// A bare deviceId is only a wish to the browser: a remembered device that is gone falls back.
const capture = (deviceId: string | null) => (deviceId ? { deviceId } : true);

async function openOne(kind: DeviceKind, deviceId: string | null) {
  const [track] = await createLocalTracks(
    kind === 'camera' ? { video: capture(deviceId), audio: false } : { audio: capture(deviceId) },
  );
  if (!track) throw new Error(`no ${kind} track`);
  return track;
}

/** Opens the wanted devices with one permission prompt, or each alone when `tryEachAlone`. */
export async function openDevices(
  chosen: Record<DeviceKind, string | null>,
  kinds: readonly DeviceKind[],
): Promise<Opened> {
  const wants = (kind: DeviceKind) => kinds.includes(kind);
  try {
    const tracks = await createLocalTracks({
      video: wants('camera') ? capture(chosen.camera) : false,
      audio: wants('microphone') ? capture(chosen.microphone) : false,
    });
    const opened: Opened = {};
    for (const kind of kinds) {
      const track = tracks.find((t) => t.source === source[kind]);
      opened[kind] = track ? { track } : { error: new Error(`no ${kind} track`) };
    }
    return opened;
  } catch (error) {
    if (!tryEachAlone(error, kinds.length)) {
      return Object.fromEntries(kinds.map((kind) => [kind, { error }]));
    }
    const opened: Opened = {};
    for (const kind of kinds) {
      opened[kind] = await openOne(kind, chosen[kind]).then(
        (track) => ({ track }),
        (error: unknown) => ({ error }),
      );
    }
    return opened;
  }
}

/** The browser's cameras and microphones; named only once the person allowed access. */
export async function listDevices(): Promise<MediaDeviceLike[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return navigator.mediaDevices.enumerateDevices();
}

/**
 * The id of the device a track really uses. Not normalised: Chrome's "default" entry stays
 * "default", so the choice follows the system's default device as the person expects.
 */
export async function openedDeviceId(track: LocalTrack): Promise<string | null> {
  return (await track.getDeviceId(false)) ?? null;
}

/** Reads the microphone's loudness (0–1) for the level meter; `stop` frees the audio context. */
export function watchLoudness(track: LocalAudioTrack) {
  const { calculateVolume, cleanup } = createAudioAnalyser(track, { cloneTrack: true });
  return { read: calculateVolume, stop: () => void cleanup().catch(() => {}) };
}
