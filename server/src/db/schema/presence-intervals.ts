import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
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
    eventId: cascadeRef('event_id', () => events.id),
    personId: setNullRef('person_id', () => people.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    socketId: text('socket_id').notNull(),
    /** The node that holds the socket: it refreshes `seen_at` of its open intervals. */
    nodeId: text('node_id').notNull(),
    joinedAt: createdNow('joined_at'),
    leftAt: timestamptz('left_at'),
    seenAt: createdNow('seen_at'),
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
