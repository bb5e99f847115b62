import { and, eq, isNotNull } from 'drizzle-orm';
import { can, type Actor, type RoomTarget } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { assignments, phases, roomGrants, rooms } from '../../db/schema/index.ts';

export type RoomRow = typeof rooms.$inferSelect;

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
  // Removed by a moderator: no media and no chat there until re-admitted.
  if (await isRemovedFrom(db, room.id, actor.personId)) return false;
  if (room.kind === 'plenary') return true;
  if (can(actor, 'room.visitAny', { eventId: room.eventId })) return true;
  if (actor.moderatedRoomIds.has(room.id)) return true;
  return isAssignedNow(db, actor.personId, room.id);
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

export async function findRoomById(db: DbOrTx, roomId: string): Promise<RoomRow | null> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, roomId)).limit(1);
  return row ?? null;
}
