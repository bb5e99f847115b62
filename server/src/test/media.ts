import { Room, RoomEvent, type RemoteTrack, type RemoteParticipant } from '@livekit/rtc-node';

/** A headless LiveKit participant for tests: connects with a token, publishes a tone. */
export async function connectParticipant(url: string, token: string): Promise<Room> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: true, dynacast: false });
  return room;
}

export { publishTone } from '../features/livekit/tone.ts';

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
