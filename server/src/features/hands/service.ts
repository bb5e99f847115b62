import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Hand, HandStatus } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { people, presence, raisedHands } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { recordAudit } from '../audit/service.ts';

const columns = {
  id: raisedHands.id,
  roomId: raisedHands.roomId,
  status: raisedHands.status,
  raisedAt: raisedHands.raisedAt,
  personId: people.id,
  displayName: people.displayName,
};

function selectHands(db: DbOrTx) {
  return db
    .select(columns)
    .from(raisedHands)
    .innerJoin(people, eq(people.id, raisedHands.personId))
    .$dynamic();
}
type Row = Awaited<ReturnType<typeof selectHands>>[number];

const toHand = (r: Row): Hand => ({
  id: r.id,
  roomId: r.roomId,
  person: { id: r.personId, displayName: r.displayName },
  status: r.status,
  raisedAt: r.raisedAt.toISOString(),
});

async function handById(db: DbOrTx, id: number) {
  const [row] = await selectHands(db).where(eq(raisedHands.id, id));
  if (!row) throw new AppError('not_found', 'Hand not found');
  return toHand(row);
}

/** Raises the person's hand in a room; raising it again keeps its place in the queue. */
export async function raiseHand(db: DbOrTx, room: RoomRow, personId: string) {
  const [inserted] = await db
    .insert(raisedHands)
    .values({ eventId: room.eventId, roomId: room.id, personId })
    .onConflictDoNothing()
    .returning({ id: raisedHands.id });
  if (inserted) return { hand: await handById(db, inserted.id), created: true };
  const [open] = await selectHands(db).where(
    and(
      eq(raisedHands.roomId, room.id),
      eq(raisedHands.personId, personId),
      eq(raisedHands.status, 'raised'),
    ),
  );
  if (!open) throw new AppError('conflict', 'Your hand could not be raised; please try again.');
  return { hand: toHand(open), created: false };
}

/** Lowers the person's own raised hand; null when none was raised. */
export async function lowerHand(db: DbOrTx, room: RoomRow, personId: string) {
  const [row] = await db
    .update(raisedHands)
    .set({ status: 'lowered', closedAt: new Date(), closedBy: personId })
    .where(
      and(
        eq(raisedHands.roomId, room.id),
        eq(raisedHands.personId, personId),
        eq(raisedHands.status, 'raised'),
      ),
    )
    .returning({ id: raisedHands.id });
  return row ? handById(db, row.id) : null;
}

/** The queue of a room: raised hands in the order they were raised. */
export async function handQueue(db: DbOrTx, roomId: string) {
  const rows = await selectHands(db)
    .where(and(eq(raisedHands.roomId, roomId), eq(raisedHands.status, 'raised')))
    .orderBy(asc(raisedHands.raisedAt), asc(raisedHands.id));
  return rows.map(toHand);
}

/**
 * A moderator takes the first hand of the queue; two moderators clicking at once take two
 * different hands (SKIP LOCKED). Null when the queue is empty. Audited.
 */
export async function takeNextHand(db: Db, room: RoomRow, actorId: string) {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: raisedHands.id })
      .from(raisedHands)
      .where(and(eq(raisedHands.roomId, room.id), eq(raisedHands.status, 'raised')))
      .orderBy(asc(raisedHands.raisedAt), asc(raisedHands.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    return closeHand(tx, room.eventId, next.id, 'taken', actorId);
  });
}

/** The hand with its room, for the caller to authorize. */
export async function findHand(db: DbOrTx, eventId: string, handId: number) {
  const [row] = await db
    .select({ id: raisedHands.id, roomId: raisedHands.roomId, status: raisedHands.status })
    .from(raisedHands)
    .where(and(eq(raisedHands.id, handId), eq(raisedHands.eventId, eventId)));
  if (!row) throw new AppError('not_found', 'Hand not found');
  return row;
}

export async function dismissHand(db: Db, eventId: string, handId: number, actorId: string) {
  return db.transaction((tx) => closeHand(tx, eventId, handId, 'dismissed', actorId));
}

async function closeHand(
  tx: DbOrTx,
  eventId: string,
  handId: number,
  status: Extract<HandStatus, 'taken' | 'dismissed'>,
  actorId: string,
) {
  const [row] = await tx
    .update(raisedHands)
    .set({ status, closedAt: new Date(), closedBy: actorId })
    .where(and(eq(raisedHands.id, handId), eq(raisedHands.status, 'raised')))
    .returning({ id: raisedHands.id, roomId: raisedHands.roomId, personId: raisedHands.personId });
  if (!row) throw new AppError('conflict', 'This hand is no longer raised.');
  await recordAudit(tx, {
    eventId,
    actorId,
    action: status === 'taken' ? 'hand.take' : 'hand.dismiss',
    target: String(handId),
    details: { roomId: row.roomId, personId: row.personId },
  });
  return handById(tx, row.id);
}

/** How long a person's last connection may be gone before their hands drop: a reload stays. */
export const LEFT_AFTER_MS = 30_000;

/**
 * Raised hands whose owner left the event: their last connection closed (on every node) more
 * than `leftAfterMs` ago and none opened since. The presence table knows both times.
 */
export async function handsOfLeavers(db: DbOrTx, leftAfterMs = LEFT_AFTER_MS) {
  return db
    .select({ id: raisedHands.id, eventId: raisedHands.eventId, personId: raisedHands.personId })
    .from(raisedHands)
    .innerJoin(
      presence,
      and(eq(presence.eventId, raisedHands.eventId), eq(presence.personId, raisedHands.personId)),
    )
    .where(
      and(
        eq(raisedHands.status, 'raised'),
        sql`${presence.lastSeenAt} > ${presence.connectedAt}`,
        sql`${presence.lastSeenAt} < now() - make_interval(secs => ${leftAfterMs / 1000})`,
      ),
    )
    .limit(500);
}

/** Lowers these hands for their absent owners; each comes back once, however many nodes try. */
export async function dropHands(db: DbOrTx, handIds: number[]) {
  if (handIds.length === 0) return [];
  const rows = await db
    .update(raisedHands)
    .set({ status: 'lowered', closedAt: new Date() })
    .where(and(inArray(raisedHands.id, handIds), eq(raisedHands.status, 'raised')))
    .returning({ id: raisedHands.id });
  if (rows.length === 0) return [];
  const hands = await selectHands(db).where(
    inArray(
      raisedHands.id,
      rows.map((r) => r.id),
    ),
  );
  return hands.map(toHand);
}
