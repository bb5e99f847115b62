import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

/**
 * A person removed from a working group by a moderator stops receiving its notes, on every node
 * (whatever phase the document belongs to: `notes:group:<phase>:<room>`).
 */
export async function leaveGroupNotes(io: PlenumServer, personId: string, roomId: string) {
  for (const socket of await io.in(socketRoom.person(personId)).fetchSockets()) {
    for (const name of socket.rooms) {
      if (name.startsWith('notes:group:') && name.endsWith(`:${roomId}`)) socket.leave(name);
    }
  }
}
