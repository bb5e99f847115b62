import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { roomModerators, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';

export type RoomRow = typeof rooms.$inferSelect;

/** A room of this event; not_found for an unknown room or one of another event. */
export async function findRoom(db: DbOrTx, eventId: string, roomId: string): Promise<RoomRow> {
  const [row] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.eventId, eventId)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'Room not found');
  return row;
}

/** A room in any event, or null: for callers that check the event themselves. */
export async function findRoomById(db: DbOrTx, roomId: string): Promise<RoomRow | null> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, roomId)).limit(1);
  return row ?? null;
}

/** The event's plenary; a partial unique index keeps it to one per event. */
export async function findPlenary(db: DbOrTx, eventId: string): Promise<RoomRow> {
  const [plenary] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.eventId, eventId), eq(rooms.kind, 'plenary')))
    .limit(1);
  if (!plenary) throw new AppError('conflict', 'The event has no plenary.');
  return plenary;
}

/** The rooms of an event in the order the console lists them: plenary first, then by position. */
export async function listEventRooms(db: DbOrTx, eventId: string): Promise<RoomRow[]> {
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.eventId, eventId))
    .orderBy(asc(rooms.kind), asc(rooms.position), asc(rooms.createdAt));
}

/** Those of the given rooms that belong to this event (unknown ids are left out). */
export async function findEventRooms(db: DbOrTx, eventId: string, roomIds: string[]) {
  if (roomIds.length === 0) return [];
  return db
    .select()
    .from(rooms)
    .where(and(eq(rooms.eventId, eventId), inArray(rooms.id, roomIds)));
}

/** The ids of an event's rooms, or of its rooms of one kind. */
export async function roomIdsOf(db: DbOrTx, eventId: string, kind?: RoomRow['kind']) {
  const rows = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.eventId, eventId), kind ? eq(rooms.kind, kind) : undefined));
  return rows.map((r) => r.id);
}

/** The moderators of some rooms, as (roomId, personId) pairs. */
export async function moderatorsOf(db: DbOrTx, roomIds: string[]) {
  if (roomIds.length === 0) return [];
  return db.select().from(roomModerators).where(inArray(roomModerators.roomId, roomIds));
}
