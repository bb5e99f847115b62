import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { chatMessages, chatRoomSettings } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { messageById } from './service.ts';

/** Moderation of the chat: delete, pin, lock. Each is audited in its own transaction. */

/** The message with its room, for the caller to authorize; deleted ones are gone. */
export async function findMessage(db: DbOrTx, eventId: string, messageId: number) {
  const [row] = await db
    .select({ id: chatMessages.id, roomId: chatMessages.roomId, scope: chatMessages.scope })
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.id, messageId),
        eq(chatMessages.eventId, eventId),
        isNull(chatMessages.deletedAt),
      ),
    );
  if (!row) throw new AppError('not_found', 'Message not found');
  return row;
}

/** Deletes a message: its text is erased, a tombstone stays for catch-up; audited. */
export async function deleteMessage(db: Db, eventId: string, messageId: number, actorId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(chatMessages)
      .set({ deletedAt: new Date(), deletedBy: actorId, body: '', pinnedAt: null })
      .where(and(eq(chatMessages.id, messageId), isNull(chatMessages.deletedAt)))
      .returning({
        id: chatMessages.id,
        roomId: chatMessages.roomId,
        scope: chatMessages.scope,
        authorId: chatMessages.authorId,
      });
    if (!row) throw new AppError('not_found', 'Message not found');
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'chat.delete',
      target: String(messageId),
      details: { roomId: row.roomId, authorId: row.authorId },
    });
    return { messageId: row.id, roomId: row.roomId, scope: row.scope };
  });
}

export async function pinMessage(
  db: Db,
  eventId: string,
  messageId: number,
  pinned: boolean,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(chatMessages)
      .set(
        pinned ? { pinnedAt: new Date(), pinnedBy: actorId } : { pinnedAt: null, pinnedBy: null },
      )
      .where(and(eq(chatMessages.id, messageId), isNull(chatMessages.deletedAt)))
      .returning({ id: chatMessages.id, roomId: chatMessages.roomId });
    if (!row) throw new AppError('not_found', 'Message not found');
    await recordAudit(tx, {
      eventId,
      actorId,
      action: pinned ? 'chat.pin' : 'chat.unpin',
      target: String(messageId),
      details: { roomId: row.roomId },
    });
    return messageById(tx, row.id);
  });
}

export async function setChatLock(db: Db, room: RoomRow, locked: boolean, actorId: string) {
  await db.transaction(async (tx) => {
    const lockedAt = locked ? new Date() : null;
    const lockedBy = locked ? actorId : null;
    await tx
      .insert(chatRoomSettings)
      .values({ roomId: room.id, lockedAt, lockedBy })
      .onConflictDoUpdate({ target: chatRoomSettings.roomId, set: { lockedAt, lockedBy } });
    await recordAudit(tx, {
      eventId: room.eventId,
      actorId,
      action: locked ? 'chat.lock' : 'chat.unlock',
      target: room.id,
    });
  });
  return { roomId: room.id, locked };
}
