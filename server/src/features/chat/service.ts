import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import {
  CHAT_CATCH_UP_LIMIT,
  type AnnouncementScope,
  type ChatCatchUp,
  type ChatHistory,
  type ChatMessage,
} from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { chatMessages, chatRoomSettings, people } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { storeRoomMessages } from './writer.ts';

const PINNED_LIMIT = 20;

const columns = {
  id: chatMessages.id,
  clientId: chatMessages.clientId,
  roomId: chatMessages.roomId,
  scope: chatMessages.scope,
  body: chatMessages.body,
  createdAt: chatMessages.createdAt,
  pinnedAt: chatMessages.pinnedAt,
  authorId: people.id,
  authorName: people.displayName,
};
type Row = Awaited<ReturnType<typeof selectMessages>>[number];

export const toMessage = (r: Row): ChatMessage => ({
  id: r.id,
  clientId: r.clientId,
  roomId: r.roomId,
  scope: r.scope,
  author: r.authorId ? { id: r.authorId, displayName: r.authorName ?? '' } : null,
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  pinned: r.pinnedAt !== null,
});

export function selectMessages(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(chatMessages)
    .leftJoin(people, eq(people.id, chatMessages.authorId))
    .where(where)
    .$dynamic();
}

/** The messages shown in a room: its own, announcements to the event, and to all groups. */
function shownIn(room: RoomRow): SQL {
  const announcements = [eq(chatMessages.scope, 'event')];
  if (room.kind === 'working_group') announcements.push(eq(chatMessages.scope, 'working_groups'));
  return or(
    eq(chatMessages.roomId, room.id),
    and(eq(chatMessages.eventId, room.eventId), or(...announcements)),
  )!;
}

export async function findByClientId(db: DbOrTx, authorId: string, clientId: string) {
  const [row] = await selectMessages(
    db,
    and(eq(chatMessages.authorId, authorId), eq(chatMessages.clientId, clientId)),
  );
  return row ? toMessage(row) : null;
}

export async function messageById(db: DbOrTx, id: number) {
  const [row] = await selectMessages(db, eq(chatMessages.id, id));
  if (!row) throw new AppError('not_found', 'Message not found');
  return toMessage(row);
}

export async function isChatLocked(db: DbOrTx, roomId: string) {
  const [row] = await db
    .select({ lockedAt: chatRoomSettings.lockedAt })
    .from(chatRoomSettings)
    .where(eq(chatRoomSettings.roomId, roomId));
  return Boolean(row?.lockedAt);
}

interface NewMessage {
  author: { id: string; displayName: string };
  clientId: string;
  body: string;
}

/**
 * Stores a chat message, once per client id: a resend answers the stored message with
 * `created: false`. A locked chat refuses everybody who may not moderate it. The socket handler
 * goes through the node's ChatWriter instead, which stores concurrent messages together.
 */
export async function sendMessage(
  db: Db,
  room: RoomRow,
  input: NewMessage,
  opts: { mayBypassLock: boolean },
): Promise<{ message: ChatMessage; created: boolean }> {
  const [result] = await storeRoomMessages(db, [{ room, ...input, ...opts }]);
  if (result instanceof AppError) throw result;
  return result!;
}

const newMessage = (
  id: number,
  createdAt: Date,
  input: NewMessage,
  roomId: string | null,
  scope: ChatMessage['scope'],
): ChatMessage => ({
  id,
  clientId: input.clientId,
  roomId,
  scope,
  author: input.author,
  body: input.body,
  createdAt: createdAt.toISOString(),
  pinned: false,
});

async function insertMessage(
  db: DbOrTx,
  eventId: string,
  roomId: string | null,
  scope: ChatMessage['scope'],
  input: NewMessage,
) {
  const [inserted] = await db
    .insert(chatMessages)
    .values({
      eventId,
      roomId,
      scope,
      authorId: input.author.id,
      clientId: input.clientId,
      body: input.body,
    })
    .onConflictDoNothing({ target: [chatMessages.authorId, chatMessages.clientId] })
    .returning({ id: chatMessages.id, createdAt: chatMessages.createdAt });
  if (inserted) {
    return {
      message: newMessage(inserted.id, inserted.createdAt, input, roomId, scope),
      created: true,
    };
  }
  // Lost a race with a concurrent resend of the same message: answer the stored one.
  const existing = await findByClientId(db, input.author.id, input.clientId);
  return { message: existing!, created: false };
}

/** An organizer's announcement to the whole event or to all working groups; audited. */
export async function sendAnnouncement(
  db: Db,
  eventId: string,
  scope: AnnouncementScope,
  input: NewMessage,
) {
  const existing = await findByClientId(db, input.author.id, input.clientId);
  if (existing) return { message: existing, created: false };
  return db.transaction(async (tx) => {
    const result = await insertMessage(tx, eventId, null, scope, input);
    if (result.created) {
      await recordAudit(tx, {
        eventId,
        actorId: input.author.id,
        action: 'chat.announce',
        target: String(result.message.id),
        details: { scope },
      });
    }
    return result;
  });
}

async function roomState(db: DbOrTx, room: RoomRow) {
  const pinned = await selectMessages(
    db,
    and(
      eq(chatMessages.roomId, room.id),
      isNotNull(chatMessages.pinnedAt),
      isNull(chatMessages.deletedAt),
    ),
  )
    .orderBy(asc(chatMessages.pinnedAt))
    .limit(PINNED_LIMIT);
  return { pinned: pinned.map((r) => toMessage(r)), locked: await isChatLocked(db, room.id) };
}

/** A page of history, newest first in the database, oldest first in the answer. */
export async function chatHistory(
  db: DbOrTx,
  room: RoomRow,
  opts: { before?: number; limit: number },
): Promise<ChatHistory> {
  const rows = await selectMessages(
    db,
    and(
      shownIn(room),
      isNull(chatMessages.deletedAt),
      opts.before ? lt(chatMessages.id, opts.before) : undefined,
    ),
  )
    .orderBy(desc(chatMessages.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit).reverse();
  return {
    messages: page.map((r) => toMessage(r)),
    hasMore: rows.length > opts.limit,
    ...(await roomState(db, room)),
  };
}

/**
 * What a reconnecting client missed in a room since the last id it saw: new messages (oldest
 * first), messages deleted meanwhile, the pinned ones and the lock. Works after a restart or on
 * another node because it reads the database.
 */
export async function chatCatchUp(db: DbOrTx, room: RoomRow, since: number): Promise<ChatCatchUp> {
  const rows = await selectMessages(
    db,
    and(shownIn(room), isNull(chatMessages.deletedAt), gt(chatMessages.id, since)),
  )
    .orderBy(asc(chatMessages.id))
    .limit(CHAT_CATCH_UP_LIMIT + 1);
  let deletedIds: number[] = [];
  if (since > 0) {
    // Anything deleted after the client's last message was written may be on its screen.
    const [last] = await db
      .select({ createdAt: chatMessages.createdAt })
      .from(chatMessages)
      .where(eq(chatMessages.id, since));
    const deleted = await db
      .select({ id: chatMessages.id })
      .from(chatMessages)
      .where(
        and(
          shownIn(room),
          lte(chatMessages.id, since),
          isNotNull(chatMessages.deletedAt),
          last ? gte(chatMessages.deletedAt, last.createdAt) : undefined,
        ),
      )
      .orderBy(desc(chatMessages.id))
      .limit(CHAT_CATCH_UP_LIMIT);
    deletedIds = deleted.map((d) => d.id);
  }
  return {
    messages: rows.slice(0, CHAT_CATCH_UP_LIMIT).map((r) => toMessage(r)),
    hasMore: rows.length > CHAT_CATCH_UP_LIMIT,
    deletedIds,
    ...(await roomState(db, room)),
  };
}
