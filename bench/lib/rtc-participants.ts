/**
 * Headless LiveKit participants for the media benchmarks (@livekit/rtc-node): joining with
 * timings up to the first subscribed track, a synthetic camera, and the first decoded frame.
 */
import {
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  VideoStream,
  type RemoteTrack,
} from '@livekit/rtc-node';

export interface JoinTimings {
  room: Room;
  /** ms from the start of `connect` until it resolved. */
  connectMs: number;
  /** ms from the start of `connect` until the first remote track of that kind was subscribed. */
  subscribedMs: number;
  track: RemoteTrack;
}

/**
 * Connects with a token and waits for the first remote track of a kind. The listener is in place
 * before connecting: a track subscribed during the handshake counts, not only later ones.
 */
export async function joinUntilFirstTrack(
  url: string,
  token: string,
  kind: TrackKind,
  timeoutMs = 20_000,
): Promise<JoinTimings> {
  const room = new Room();
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const subscribed = new Promise<{ at: number; track: RemoteTrack }>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no remote track within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onTrack = (track: RemoteTrack) => {
      if (track.kind !== kind) return;
      room.off(RoomEvent.TrackSubscribed, onTrack);
      resolve({ at: performance.now(), track });
    };
    room.on(RoomEvent.TrackSubscribed, onTrack);
  });
  // Awaited only after connecting; until then a timeout must not count as unhandled.
  subscribed.catch(() => {});
  try {
    const connected = room
      .connect(url, token, { autoSubscribe: true, dynacast: false })
      .then(() => performance.now() - startedAt);
    // The deadline covers a connect that hangs as well.
    const connectMs = await Promise.race([connected, subscribed.then(() => connected)]);
    const { at, track } = await subscribed;
    return { room, connectMs, subscribedMs: at - startedAt, track };
  } catch (err) {
    await room.disconnect().catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the first decoded frame of a remote video track arrives (ms since the call). */
export async function firstVideoFrame(track: RemoteTrack, timeoutMs = 20_000): Promise<number> {
  const startedAt = performance.now();
  const stream = new VideoStream(track);
  const reader = stream.getReader();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      reader.read(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no frame within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return performance.now() - startedAt;
  } finally {
    clearTimeout(timer);
    // Frames are copied into JS for every open stream: close it once the first one is in.
    await reader.cancel().catch(() => {});
  }
}

/**
 * Decoded frames of a remote video track that reach JS within `ms` (what a viewer would see), and
 * the widest of them: LiveKit sends a lower simulcast layer when it thinks the subscriber cannot
 * take more.
 */
export async function countFrames(track: RemoteTrack, ms: number) {
  const stream = new VideoStream(track);
  const reader = stream.getReader();
  const until = performance.now() + ms;
  let frames = 0;
  let width = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  try {
    while (performance.now() < until) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (!next || next.done) break;
      frames++;
      width = Math.max(width, next.value.frame.width);
    }
    return { frames, width };
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
}

/**
 * Publishes a camera track fed with moving diagonal bars (I420), so that the encoder has real
 * work and the bitrate is not that of a still image. Simulcast as browsers publish by default.
 */
export async function publishPattern(
  room: Room,
  opts: { width: number; height: number; fps: number },
) {
  const { width, height, fps } = opts;
  const source = new VideoSource(width, height);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_CAMERA;
  options.simulcast = true;
  const publication = await room.localParticipant!.publishTrack(track, options);
  const data = new Uint8Array((width * height * 3) / 2).fill(128);
  const frame = new VideoFrame(data, width, height, VideoBufferType.I420);
  let tick = 0;
  // Counted, because on a busy machine the timer fires late and fewer frames go out than asked.
  const timer = setInterval(() => {
    tick++;
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) data[row + x] = (x + y + tick * 6) & 0xff;
    }
    source.captureFrame(frame, BigInt(Math.round(performance.now() * 1000)));
  }, 1000 / fps);
  return {
    publication,
    /** Frames handed to the encoder so far. */
    captured: () => tick,
    stop: async () => {
      clearInterval(timer);
      await track.close();
    },
  };
}

export { Room, RoomEvent, TrackKind };
