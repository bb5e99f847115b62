import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

/**
 * Who was in which room over Socket.IO (chat, stage without media): one interval per socket and
 * room, opened when the socket joins the room's Socket.IO room and closed when it leaves or
 * disconnects. A node that stops without closing its intervals stops refreshing `seen_at`; any
 * node's sweep then closes them at that time (presence/intervals.ts).
 */
export const presenceIntervals = pgTable(
  'presence_intervals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    socketId: text('socket_id').notNull(),
    /** The node that holds the socket: it refreshes `seen_at` of its open intervals. */
    nodeId: text('node_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.roomId, t.joinedAt),
    index('presence_intervals_open')
      .on(t.nodeId)
      .where(sql`${t.leftAt} is null`),
    index('presence_intervals_socket_open')
      .on(t.socketId, t.roomId)
      .where(sql`${t.leftAt} is null`),
  ],
);
