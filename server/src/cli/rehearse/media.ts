import { AudioStream, Room, RoomEvent, TrackKind, type RemoteTrack } from '@livekit/rtc-node';
import { publishTone as publishToneIn } from '../../features/livekit/tone.ts';

/**
 * Real LiveKit participants for the rehearsal (@livekit/rtc-node, as a browser would connect):
 * loaded only when `--media` is above 0.
 */
export interface MediaLink {
  room: Room;
  stopTone: (() => Promise<void>) | null;
}

export async function joinMedia(url: string, token: string): Promise<MediaLink> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: true, dynacast: false });
  return { room, stopTone: null };
}

export async function leaveMedia(link: MediaLink | null) {
  if (!link) return;
  await link.stopTone?.().catch(() => {});
  link.stopTone = null;
  await link.room.disconnect().catch(() => {});
}

/** Publishes a microphone track fed with a 440 Hz tone until leaveMedia. */
export async function publishTone(link: MediaLink) {
  const tone = await publishToneIn(link.room);
  link.stopTone = tone.stop;
}

/** True when the server refuses this participant's microphone (as it must for an attendee). */
export async function publishIsRefused(link: MediaLink): Promise<boolean> {
  try {
    await publishTone(link);
  } catch {
    return true;
  }
  await link.stopTone?.();
  link.stopTone = null;
  return false;
}

function audioTrackOf(room: Room, identity: string): RemoteTrack | undefined {
  const participant = room.remoteParticipants.get(identity);
  for (const publication of participant?.trackPublications.values() ?? []) {
    if (publication.kind === TrackKind.KIND_AUDIO && publication.track) return publication.track;
  }
  return undefined;
}

/** Waits for the first decoded audio frame from `identity`; resolves with performance.now(). */
export async function firstAudioFrame(
  link: MediaLink,
  identity: string,
  timeoutMs: number,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no audio from the speaker within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const track = new Promise<RemoteTrack>((resolve) => {
    const present = audioTrackOf(link.room, identity);
    if (present) return resolve(present);
    const onTrack = (t: RemoteTrack, _pub: unknown, participant: { identity: string }) => {
      if (participant.identity !== identity || t.kind !== TrackKind.KIND_AUDIO) return;
      link.room.off(RoomEvent.TrackSubscribed, onTrack);
      resolve(t);
    };
    link.room.on(RoomEvent.TrackSubscribed, onTrack);
  });
  try {
    const audio = await Promise.race([track, timeout]);
    const reader = new AudioStream(audio, 48_000, 1).getReader();
    const frame = await Promise.race([reader.read(), timeout]);
    const at = performance.now();
    void reader.cancel().catch(() => {});
    if (frame.done) throw new Error('the speaker’s audio ended before a frame arrived');
    return at;
  } finally {
    clearTimeout(timer);
  }
}
