import { and, eq, inArray, max } from 'drizzle-orm';
import { can, type Room, type WorkingGroupInput, type WorkingGroupPatch } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { memberships, roomModerators, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { findRoom, listEventRooms, moderatorsOf, type RoomRow } from './repository.ts';

export async function listRooms(db: DbOrTx, eventId: string): Promise<Room[]> {
  const rows = await listEventRooms(db, eventId);
  const mods = await moderatorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toRoom(
      r,
      mods.filter((m) => m.roomId === r.id).map((m) => m.personId),
    ),
  );
}

function toRoom(row: RoomRow, moderatorIds: string[]): Room {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    moderatorIds,
  };
}

/** Moderators of a group must be moderators or organizers of the same event. */
async function checkModerators(db: DbOrTx, eventId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  const found = await db
    .select({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), inArray(memberships.personId, personIds)));
  const eligible = new Set(
    found.filter((m) => can(m.role, 'room.moderate')).map((m) => m.personId),
  );
  const wrong = personIds.filter((id) => !eligible.has(id));
  if (wrong.length) {
    throw new AppError(
      'validation_failed',
      'Every moderator must be a moderator or organizer of this event.',
      400,
      { 'body.moderatorIds': `not a moderator of this event: ${wrong.join(', ')}` },
    );
  }
}

async function setModerators(db: DbOrTx, roomId: string, personIds: string[]) {
  await db.delete(roomModerators).where(eq(roomModerators.roomId, roomId));
  const unique = [...new Set(personIds)];
  if (unique.length)
    await db.insert(roomModerators).values(unique.map((personId) => ({ roomId, personId })));
}

export async function createWorkingGroup(
  db: Db,
  eventId: string,
  input: WorkingGroupInput,
  actorId: string | null,
) {
  return db.transaction(async (tx) => {
    await checkModerators(tx, eventId, input.moderatorIds);
    const [{ last } = { last: 0 }] = await tx
      .select({ last: max(rooms.position) })
      .from(rooms)
      .where(eq(rooms.eventId, eventId));
    const [row] = await tx
      .insert(rooms)
      .values({
        eventId,
        kind: 'working_group',
        name: input.name,
        description: input.description,
        capacity: input.capacity,
        position: (last ?? 0) + 1,
      })
      .returning();
    await setModerators(tx, row!.id, input.moderatorIds);
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'room.create',
      target: row!.id,
      details: { name: input.name },
    });
    return toRoom(row!, [...new Set(input.moderatorIds)]);
  });
}

/**
 * Edits a room. Also answers who stopped moderating it, so that the caller can take them out of
 * what only the group's moderators receive.
 */
export async function updateWorkingGroup(
  db: Db,
  eventId: string,
  roomId: string,
  patch: WorkingGroupPatch,
  actorId: string,
): Promise<{ room: Room; formerModeratorIds: string[] }> {
  return db.transaction(async (tx) => {
    const room = await findRoom(tx, eventId, roomId);
    const before = (await moderatorsOf(tx, [roomId])).map((m) => m.personId);
    if (room.kind === 'plenary' && patch.capacity !== undefined) {
      throw new AppError('bad_request', 'The plenary has no capacity limit.');
    }
    const { moderatorIds, ...fields } = patch;
    const [row] = Object.keys(fields).length
      ? await tx.update(rooms).set(fields).where(eq(rooms.id, roomId)).returning()
      : [room];
    if (moderatorIds) {
      await checkModerators(tx, eventId, moderatorIds);
      await setModerators(tx, roomId, moderatorIds);
    }
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'room.update',
      target: roomId,
      details: patch,
    });
    const after = (await moderatorsOf(tx, [roomId])).map((m) => m.personId);
    return {
      room: toRoom(row!, after),
      formerModeratorIds: before.filter((id) => !after.includes(id)),
    };
  });
}

export async function deleteWorkingGroup(db: Db, eventId: string, roomId: string, actorId: string) {
  await db.transaction(async (tx) => {
    const room = await findRoom(tx, eventId, roomId);
    if (room.kind === 'plenary')
      throw new AppError('bad_request', 'The plenary cannot be deleted.');
    await tx.delete(rooms).where(eq(rooms.id, roomId));
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'room.delete',
      target: roomId,
      details: { name: room.name },
    });
  });
}
