import { Room, type RoomConnectOptions, type RoomOptions } from 'livekit-client';
import type { RoomToken } from '@plenum/shared';
import { allOff, type MediaSwitches } from '../media/consent.ts';
import { captureDefaults, type MediaPrefsStore } from '../media/media-prefs.ts';

/**
 * The LiveKit room of one connection (StageArea's key), made as soon as the new connection is
 * known — when the room switch changes, before React renders it (StageArea hands `roomFor` to
 * useRoomSwitch), or else in the stage's first render — and, when nothing is to be published,
 * connecting right then instead of after the page's render, LiveKitRoom's effects and a second
 * render of the stage (measured: about a third of a room switch, see bench/README.md
 * "first-frame"). LiveKitRoom gets this room and connects it again, which joins the same attempt
 * (and reports its failure).
 *
 * Publishing stays LiveKitRoom's, after the consent rule (media/consent.ts): it publishes on
 * LiveKit's SignalConnected, and its listener is in place only after those effects. A connection
 * that is to publish something therefore waits for LiveKitRoom as before; one that publishes
 * nothing loses nothing if the signal connects first.
 *
 * One room per key, so a second call (the render after the switch, React's development double
 * call) gets the same room; a room made but never mounted (a render thrown away, a switch
 * overtaken by the next) is disconnected when the next key comes.
 */
let current: { key: string; room: Room; mounted: boolean } | null = null;

/**
 * Without this, LiveKit hands the browser the ICE servers its server config lists — by default a
 * public Google STUN server. Plenum's media stay between the browser and our own SFU.
 */
export const connectOptions: RoomConnectOptions = { rtcConfig: { iceServers: [] } };

/** The stage's room options: the remembered camera and microphone open in every room. */
export const stageRoomOptions = (prefs: MediaPrefsStore): RoomOptions => ({
  adaptiveStream: true,
  dynacast: true,
  ...captureDefaults(prefs.get()),
});

export function roomFor(
  key: string,
  media: Pick<RoomToken, 'url' | 'token'>,
  publish: MediaSwitches,
  options: RoomOptions,
): Room {
  if (current?.key === key) return current.room;
  if (current && !current.mounted) void current.room.disconnect();
  const room = new Room(options);
  current = { key, room, mounted: false };
  if (!publishesAnything(publish)) {
    // Its failure is LiveKitRoom's to report: its own connect call joins or repeats this one.
    room.connect(media.url, media.token, connectOptions).catch(() => undefined);
  }
  return room;
}

/** The stage of `key` is on the page: LiveKitRoom disconnects its room when it goes. */
export function roomMounted(key: string) {
  if (current?.key === key) current.mounted = true;
}

const publishesAnything = (publish: MediaSwitches) =>
  (Object.keys(allOff) as (keyof MediaSwitches)[]).some((source) => publish[source]);
