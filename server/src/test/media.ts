import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  type RemoteTrack,
  type RemoteParticipant,
} from '@livekit/rtc-node';

/** A headless LiveKit participant for tests: connects with a token, publishes a tone. */
export async function connectParticipant(url: string, token: string): Promise<Room> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: true, dynacast: false });
  return room;
}

/** Publishes a microphone track fed with a 440 Hz tone until the returned stop() is called. */
export async function publishTone(room: Room) {
  const source = new AudioSource(48_000, 1);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  const publication = await room.localParticipant!.publishTrack(track, options);
  let running = true;
  let phase = 0;
  void (async () => {
    while (running) {
      const samples = new Int16Array(480);
      for (let i = 0; i < samples.length; i++)
        samples[i] = Math.round(8000 * Math.sin((phase++ * 2 * Math.PI * 440) / 48_000));
      await source
        .captureFrame(new AudioFrame(samples, 48_000, 1, 480))
        .catch(() => (running = false));
    }
  })();
  return { publication, stop: async () => ((running = false), await source.close()) };
}

/** Resolves with the first event of a kind that matches, or rejects after a deadline. */
export function nextEvent<T extends unknown[]>(
  room: Room,
  event: RoomEvent,
  match: (...args: T) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      room.off(event, handler as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (...args: T) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      room.off(event, handler as never);
      resolve(args);
    };
    room.on(event, handler as never);
  });
}

export type { RemoteTrack, RemoteParticipant };
export { RoomEvent };
