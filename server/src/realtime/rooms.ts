import type { Actor } from '@plenum/shared';
import type { PlenumServer, Realtime } from './types.ts';
import { isRemovedFrom } from '../features/access/room-access.ts';
import { presenceUpdated } from '../features/presence/broadcast.ts';

/**
 * Whether a person may be in a room (plenary: every member; a working group: organizers,
 * moderators, and the people assigned to it while its phase is open). One definition for chat,
 * hands and LiveKit tokens alike; handlers also accept a socket the server itself placed there.
 */
export { mayBeInRoom, roomTarget } from '../features/access/room-access.ts';

/** Socket.IO rooms mirror Plenum's: the event, each room, the moderators of a room, each person. */
export const socketRoom = {
  event: (eventId: string) => `event:${eventId}`,
  room: (roomId: string) => `room:${roomId}`,
  mods: (roomId: string) => `mods:${roomId}`,
  person: (personId: string) => `person:${personId}`,
  /** Sockets that show the whole people list: they hear of attendees' changes too. */
  presenceWatchers: (eventId: string) => `presence:${eventId}`,
};

/** The Plenum room a socket is in: exactly one `room:` Socket.IO room, set by the server. */
export function currentRoomOf(socketRooms: ReadonlySet<string>): string | null {
  for (const name of socketRooms) if (name.startsWith('room:')) return name.slice(5);
  return null;
}

/**
 * The room a person's fresh connection starts in: where `placeOf` puts them (their working group
 * while a phase is open), otherwise the plenary.
 */
export async function roomOnConnect(
  rt: Pick<Realtime, 'db' | 'placeOf'>,
  actor: Actor,
  plenaryId: string,
): Promise<string | null> {
  const roomId = (await rt.placeOf(actor.eventId, actor.personId)) ?? plenaryId;
  // Someone a moderator removed from that room starts in no room until re-admitted.
  return (await isRemovedFrom(rt.db, roomId, actor.personId)) ? null : roomId;
}

/**
 * Moves every socket of a person in one event from one room to another, on every node. Only
 * sockets that are in `fromRoomId` move: the same person may have a tab open in another event.
 * `canPublish` is the person's right to publish in the new room, as the caller knows it (this
 * helper has no database). Returns how many sockets moved.
 */
export async function moveSocketsOfPerson(
  io: PlenumServer,
  personId: string,
  fromRoomId: string,
  toRoomId: string,
  canPublish = false,
): Promise<number> {
  const from = socketRoom.room(fromRoomId);
  const to = socketRoom.room(toRoomId);
  const sockets = await io.in(socketRoom.person(personId)).fetchSockets();
  const moving = sockets.filter((s) => s.rooms.has(from));
  // RemoteSocket.join/leave go through the adapter, so they reach sockets on other nodes too.
  for (const socket of moving) {
    socket.leave(from);
    socket.join(to);
  }
  const first = moving[0];
  if (first) {
    const person = {
      personId,
      displayName: first.data.displayName,
      online: true,
      roomId: toRoomId,
      lastSeenAt: new Date().toISOString(),
      canPublish,
      promoted: false,
    };
    presenceUpdated(io, first.data.eventId, [{ person, role: first.data.role }]);
  }
  return moving.length;
}
