import { and, eq, isNotNull } from 'drizzle-orm';
import { can, type Actor, type RoomTarget } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { assignments, phases, roomGrants } from '../../db/schema/index.ts';
import type { RoomRow } from '../rooms/repository.ts';

export const roomTarget = (room: RoomRow): RoomTarget => ({
  eventId: room.eventId,
  roomId: room.id,
  kind: room.kind,
});

/**
 * Whether a person may be in a room now — for a LiveKit token and for the room's chat alike.
 * The plenary: every member. A working group: organizers and moderators (who visit any group),
 * and — once assignments exist — the people assigned to it.
 */
export async function mayBeInRoom(db: DbOrTx, actor: Actor, room: RoomRow): Promise<boolean> {
  if (actor.role === null || room.eventId !== actor.eventId) return false;
  const rule = roomRule(actor, room, await isRemovedFrom(db, room.id, actor.personId));
  return rule === 'if assigned' ? isAssignedNow(db, actor.personId, room.id) : rule === 'yes';
}

/** The same decision from facts read beforehand (the token route reads them in one query). */
export function mayBeInRoomGiven(
  actor: Actor,
  room: RoomRow,
  standing: { removed: boolean; assignedNow: boolean },
): boolean {
  const rule = roomRule(actor, room, standing.removed);
  return rule === 'if assigned' ? standing.assignedNow : rule === 'yes';
}

function roomRule(actor: Actor, room: RoomRow, removed: boolean): 'yes' | 'no' | 'if assigned' {
  if (actor.role === null || room.eventId !== actor.eventId) return 'no';
  // Removed by a moderator: no media and no chat there until re-admitted.
  if (removed) return 'no';
  if (room.kind === 'plenary') return 'yes';
  if (can(actor, 'room.visitAny', { eventId: room.eventId })) return 'yes';
  if (actor.moderatedRoomIds.has(room.id)) return 'yes';
  return 'if assigned';
}

/** Assigned to this group in the phase that is open now (an assignment of a closed phase is history). */
async function isAssignedNow(db: DbOrTx, personId: string, roomId: string) {
  const [row] = await db
    .select({ roomId: assignments.roomId })
    .from(assignments)
    .innerJoin(phases, eq(phases.id, assignments.phaseId))
    .where(
      and(
        eq(assignments.personId, personId),
        eq(assignments.roomId, roomId),
        eq(phases.status, 'open'),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A moderator removed this person from the room, and nobody re-admitted them yet. */
export async function isRemovedFrom(db: DbOrTx, roomId: string, personId: string) {
  const [row] = await db
    .select({ roomId: roomGrants.roomId })
    .from(roomGrants)
    .where(
      and(
        eq(roomGrants.roomId, roomId),
        eq(roomGrants.personId, personId),
        isNotNull(roomGrants.removedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}
