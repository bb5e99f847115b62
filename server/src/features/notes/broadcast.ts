import type { Db } from '../../db/client.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { loadActor } from '../access/actor.ts';
import { findPlenary } from '../rooms/repository.ts';
import { notesRights } from './access.ts';
import { groupDocKey, notesRoom } from './keys.ts';

/** The Socket.IO rooms of a working group's notes documents (any phase) among `rooms`. */
function groupNotesRooms(rooms: Iterable<string>, roomId: string) {
  return [...rooms].filter(
    (name) => name.startsWith('notes:group:') && name.endsWith(`:${roomId}`),
  );
}

/**
 * A person removed from a working group by a moderator stops receiving its notes, on every node
 * (whatever phase the document belongs to: `notes:group:<phase>:<room>`).
 */
export async function leaveGroupNotes(io: PlenumServer, personId: string, roomId: string) {
  for (const socket of await io.in(socketRoom.person(personId)).fetchSockets()) {
    for (const name of groupNotesRooms(socket.rooms, roomId)) socket.leave(name);
  }
}

/**
 * The group's moderators changed: those no longer among them stop receiving its notes, on every
 * node, unless they still may read them (an organizer, or a member assigned to the group). Their
 * rights are read afresh, not from the socket's cache: a write within the cache's lifetime would
 * otherwise still pass.
 */
export async function dropFormerModerators(
  io: PlenumServer,
  db: Db,
  group: { eventId: string; roomId: string },
  formerModeratorIds: string[],
) {
  for (const personId of formerModeratorIds) {
    const sockets = await io.in(socketRoom.person(personId)).fetchSockets();
    const joined = new Set(sockets.flatMap((s) => groupNotesRooms(s.rooms, group.roomId)));
    if (joined.size === 0) continue;
    const actor = await loadActor(db, personId, group.eventId);
    const plenaryId = (await findPlenary(db, group.eventId)).id;
    for (const name of joined) {
      const phaseId = name.slice('notes:group:'.length, -(group.roomId.length + 1));
      const target = {
        kind: 'group' as const,
        key: groupDocKey(phaseId, group.roomId),
        ...group,
        phaseId,
      };
      if ((await notesRights(db, actor, target, plenaryId)).read) continue;
      io.in(socketRoom.person(personId)).socketsLeave(notesRoom(target.key));
    }
  }
}
