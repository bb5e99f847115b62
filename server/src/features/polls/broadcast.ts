import { and, eq, inArray } from 'drizzle-orm';
import { rolesThatMay, type Poll, type PollClosed, type PollTally } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { memberships } from '../../db/schema/index.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { findRoom } from '../rooms/repository.ts';

/** Who hears of a poll: everyone in its room (or event), and its staff, wherever they are. */
export interface PollAudience {
  everyone: string[];
  staff: string[];
}

/**
 * A working group's polls are run by the organizers and the group's moderators; the plenary's
 * and the event-wide ones by every organizer and moderator (as `can()` decides).
 */
export async function pollAudience(
  db: DbOrTx,
  poll: { eventId: string; roomId: string | null },
): Promise<PollAudience> {
  const room = poll.roomId ? await findRoom(db, poll.eventId, poll.roomId) : null;
  const inGroup = room?.kind === 'working_group';
  const roles = rolesThatMay(inGroup ? 'room.steerAny' : 'poll.runEventWide');
  const staff = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.eventId, poll.eventId), inArray(memberships.role, roles)));
  return {
    everyone: [room ? socketRoom.room(room.id) : socketRoom.event(poll.eventId)],
    staff: [
      ...staff.map((s) => socketRoom.person(s.personId)),
      ...(inGroup ? [socketRoom.mods(room.id)] : []),
    ],
  };
}

export function pollOpened(io: PlenumServer, audience: PollAudience, poll: Poll) {
  io.to([...audience.everyone, ...audience.staff]).emit('poll:opened', poll);
}

/** Live counts: staff only. */
export function pollCounts(io: PlenumServer, audience: PollAudience, tally: PollTally) {
  io.to(audience.staff).emit('poll:counts', tally);
}

/** Results to the room; staff get theirs (with names in a named poll) instead, once each. */
export function pollClosed(
  io: PlenumServer,
  audience: PollAudience,
  closed: PollClosed,
  forStaff: PollClosed,
) {
  io.to(audience.everyone).except(audience.staff).emit('poll:closed', closed);
  io.to(audience.staff).emit('poll:closed', forStaff);
}
