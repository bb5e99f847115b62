import { and, eq } from 'drizzle-orm';
import type { StageInterpreters, StageSpotlight, StageState } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { memberships, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import type { RoomRow } from '../rooms/repository.ts';

/** Every member of the event marked as sign-language interpreter. */
export async function interpreterIdsOf(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), eq(memberships.interpreter, true)))
    .orderBy(memberships.createdAt);
  return rows.map((r) => r.personId);
}

/** The room's stage as stored: what a client gets on entering a room and after a reconnect. */
export async function stageStateOf(db: DbOrTx, room: RoomRow): Promise<StageState> {
  return {
    roomId: room.id,
    spotlightPersonId: room.spotlightPersonId,
    interpreterIds: await interpreterIdsOf(db, room.eventId),
  };
}

async function requireMember(db: DbOrTx, eventId: string, personId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));
  if (!row) throw new AppError('not_found', 'This person is not a member of the event.', 404);
}

/** Puts one member on everyone's main tile in the room (null: the stage chooses again). */
export async function setSpotlight(
  db: Db,
  room: RoomRow,
  personId: string | null,
  actorId: string,
): Promise<StageSpotlight> {
  await db.transaction(async (tx) => {
    if (personId) await requireMember(tx, room.eventId, personId);
    await tx.update(rooms).set({ spotlightPersonId: personId }).where(eq(rooms.id, room.id));
    await recordAudit(tx, {
      eventId: room.eventId,
      actorId,
      action: personId ? 'stage.spotlight' : 'stage.unspotlight',
      target: personId ?? room.id,
      details: { roomId: room.id },
    });
  });
  return { roomId: room.id, personId };
}

/** Marks a member as sign-language interpreter or not; the event's interpreters after it. */
export async function setInterpreter(
  db: Db,
  eventId: string,
  personId: string,
  interpreter: boolean,
  actorId: string,
): Promise<StageInterpreters> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(memberships)
      .set({ interpreter })
      .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)))
      .returning({ id: memberships.id });
    if (updated.length === 0) {
      throw new AppError('not_found', 'This person is not a member of the event.', 404);
    }
    await recordAudit(tx, {
      eventId,
      actorId,
      action: interpreter ? 'stage.interpreter' : 'stage.notInterpreter',
      target: personId,
    });
    return { eventId, interpreterIds: await interpreterIdsOf(tx, eventId) };
  });
}
