import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

export const chatScopeEnum = pgEnum('chat_scope', ['room', 'event', 'working_groups']);

/**
 * Chat of every room plus announcements (room_id null, scope event or working_groups). One id
 * sequence for all, so that "since id" catches up rooms and announcements alike.
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: cascadeRef('event_id', () => events.id),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    scope: chatScopeEnum('scope').notNull().default('room'),
    authorId: setNullRef('author_id', () => people.id),
    /** The client's id for the message: a resend is recognised, not stored twice. */
    clientId: uuid('client_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdNow('created_at'),
    pinnedAt: timestamptz('pinned_at'),
    pinnedBy: setNullRef('pinned_by', () => people.id),
    deletedAt: timestamptz('deleted_at'),
    deletedBy: setNullRef('deleted_by', () => people.id),
  },
  (t) => [
    uniqueIndex('chat_messages_author_client').on(t.authorId, t.clientId),
    index('chat_messages_room_id').on(t.roomId, t.id),
    index('chat_messages_event_scope_id').on(t.eventId, t.scope, t.id),
    check('chat_messages_room_scope', sql`(${t.scope} = 'room') = (${t.roomId} is not null)`),
  ],
);

/** Per-room chat settings; a row exists only once something was set. */
export const chatRoomSettings = pgTable('chat_room_settings', {
  roomId: uuid('room_id')
    .primaryKey()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  lockedAt: timestamptz('locked_at'),
  lockedBy: setNullRef('locked_by', () => people.id),
});
